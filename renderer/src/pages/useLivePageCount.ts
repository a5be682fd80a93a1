import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'

import type { DraftContent } from '../../../domain/draft/draft.ts'
import { draftPageSpec, pageFlowKeys, type PageSpec } from '../../../domain/export/page-spec.ts'
import type { Settings } from '../../../domain/settings.ts'
import { isoDay } from '../../../domain/text/dates.ts'
import { spliceSender } from '../editor/block-splice.ts'
import { layoutPages } from './layout-pages.ts'
import type { PageCountReply, PageCountRequest } from './page-count-messages.ts'

/** Quiet time after the last change before counting again. */
const QUIET_MS = 1500
/** Time left in an idle period below which measuring waits for the next one. */
const SLICE_MARGIN_MS = 3

/**
 * The number of pages the report prints on, kept up while writing: a while after the text,
 * its figures or the settings last changed, the page spec is built in a worker and the
 * paragraphs whose lines are not known yet are measured in idle time, a batch at a time.
 * Null until the first count. Typing never waits for it.
 */
export function useLivePageCount(
  editor: Editor | null,
  content: () => DraftContent,
  settings: Settings,
  /** Changes when anything outside the editor's text that the pages show changes. */
  outside: unknown,
): number | null {
  const [pages, setPages] = useState<number | null>(null)
  const latest = useRef({ content, settings })
  const restart = useRef<(() => void) | null>(null)
  useEffect(() => {
    if (!editor) return
    let disposed = false
    let generation = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    let idle: number | null = null
    const measured = new Map<string, number[]>()
    const host = document.createElement('div')
    host.setAttribute('aria-hidden', 'true')
    host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;'
    document.body.append(host)

    let worker: Worker | null = null
    try {
      worker = new Worker(new URL('./page-count.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      worker = null
    }

    const measure = (spec: PageSpec, keys: string[], id: number) => {
      idle = requestIdleCallback(
        (deadline) => {
          idle = null
          if (disposed || id !== generation) return
          const count = layoutPages(host, spec, {
            measured,
            keys,
            outOfTime: () => deadline.timeRemaining() < SLICE_MARGIN_MS,
          })
          if (count < 0) measure(spec, keys, id)
          else setPages(count)
        },
        { timeout: 5000 },
      )
    }
    const onSpec = (reply: PageCountReply) => {
      if (disposed || reply.id !== generation || 'error' in reply) return
      measure(reply.spec, reply.keys, reply.id)
    }
    if (worker) {
      worker.onmessage = (event: MessageEvent<PageCountReply>) => onSpec(event.data)
      // A worker that cannot start: the count is made here instead, in idle time.
      worker.onerror = () => {
        worker?.terminate()
        worker = null
        changed()
      }
    }

    const sender = spliceSender()
    const count = () => {
      timer = null
      generation += 1
      const id = generation
      const { content, settings } = latest.current
      const { meta, body, indicators } = content()
      const today = isoDay(new Date())
      if (worker) {
        const request: PageCountRequest = {
          id,
          splice: sender.next(body.content),
          draft: { meta, indicators },
          settings,
          today,
        }
        worker.postMessage(request)
        return
      }
      idle = requestIdleCallback(() => {
        idle = null
        if (disposed || id !== generation) return
        try {
          const spec = draftPageSpec({ meta, body, indicators }, settings, today)
          measure(spec, pageFlowKeys(spec), id)
        } catch {
          // No count rather than a wrong one.
        }
      })
    }
    const changed = () => {
      // A count under way is for text that no longer is.
      generation += 1
      if (timer) clearTimeout(timer)
      timer = setTimeout(count, QUIET_MS)
    }
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) changed()
    }
    editor.on('update', onUpdate)
    restart.current = changed
    changed()
    return () => {
      disposed = true
      restart.current = null
      editor.off('update', onUpdate)
      if (timer) clearTimeout(timer)
      if (idle !== null) cancelIdleCallback(idle)
      worker?.terminate()
      host.remove()
    }
  }, [editor])
  useEffect(() => {
    latest.current = { content, settings }
    restart.current?.()
  }, [content, settings, outside])
  return pages
}

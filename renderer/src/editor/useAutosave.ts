import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'

import type { Doc } from '../../../domain/draft/doc.ts'
import type { DraftContent, DraftFile } from '../../../domain/draft/draft.ts'
import { ApiError, api } from '../api/client.ts'
import { Autosave, type SaveState } from './autosave/autosave.ts'

const inElectron = typeof window !== 'undefined' && window.caogao !== undefined

/**
 * The pause before saving. Tests that check "saved at once" (Ctrl+S, compositionend) lengthen
 * it with ?autosaveIdleMs=… so that the timer cannot be what saved the text.
 */
function idleMs(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('autosaveIdleMs'))
  return Number.isFinite(asked) && asked >= 1000 && asked <= 60_000 ? asked : 1000
}

/**
 * Wires the editor to the store: every change marks the draft dirty; blur, the end of an IME
 * composition, Ctrl+S, hiding the window and leaving save at once; closing waits for the save.
 */
export function useAutosave(
  draft: DraftFile,
  editor: Editor | null,
  readContent: () => Omit<DraftContent, 'body'>,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null })
  const [wordCount, setWordCount] = useState(draft.wordCount)
  const revision = useRef(draft.revision)
  const edited = useRef(false)
  const autosaveRef = useRef<Autosave | null>(null)
  const readRef = useRef(readContent)
  useLayoutEffect(() => {
    readRef.current = readContent
  })

  useEffect(() => {
    if (!editor) return
    const idle = idleMs()
    const autosave = new Autosave({
      idleMs: idle,
      maxWaitMs: Math.max(5000, idle),
      onState: setState,
      isRetryable: (e) =>
        !(e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')),
      save: async () => {
        const content: DraftContent = { ...readRef.current(), body: editor.getJSON() as Doc }
        const result = await api.saveDraft({
          id: draft.id,
          baseRevision: revision.current,
          content,
        })
        revision.current = result.revision
        setWordCount(result.wordCount)
      },
    })
    autosaveRef.current = autosave
    const onUpdate = () => {
      edited.current = true
      autosave.markDirty()
    }
    const flush = () => void autosave.flush()
    // ProseMirror finishes a composition a few milliseconds after compositionend.
    const onCompositionEnd = () => setTimeout(flush, 60)
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 's'
      ) {
        event.preventDefault()
        void autosave.flush()
      }
    }
    const onVisibility = () => document.visibilityState === 'hidden' && flush()
    let closing = false
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (closing) return
      const pending = autosave.hasUnsavedChanges
      if (!pending && !(inElectron && edited.current)) return
      event.preventDefault()
      event.returnValue = ''
      // In Electron the close is cancelled silently; close again once the text is on disk.
      void autosave.flush().then(async () => {
        if (!inElectron || autosave.hasUnsavedChanges) return
        await api.snapshotDraft({ id: draft.id, reason: 'close' }).catch(() => undefined)
        closing = true
        window.close()
      })
    }
    editor.on('update', onUpdate)
    editor.on('blur', flush)
    editor.view.dom.addEventListener('compositionend', onCompositionEnd)
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      editor.off('update', onUpdate)
      editor.off('blur', flush)
      editor.view.dom.removeEventListener('compositionend', onCompositionEnd)
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('beforeunload', onBeforeUnload)
      void autosave.flush().finally(() => autosave.dispose())
    }
  }, [draft.id, editor])

  return {
    state,
    wordCount,
    /** For metadata edits, which do not pass through the editor. */
    markDirty: () => {
      edited.current = true
      autosaveRef.current?.markDirty()
    },
    retry: () => autosaveRef.current?.retry(),
    /** Saves now; true when nothing is left unsaved. */
    async flush() {
      await autosaveRef.current?.flush()
      return !autosaveRef.current?.hasUnsavedChanges
    },
    /** Saves, takes the on-close snapshot if anything was edited, and resolves when done. */
    async leave() {
      await autosaveRef.current?.flush()
      if (edited.current && !autosaveRef.current?.hasUnsavedChanges) {
        await api.snapshotDraft({ id: draft.id, reason: 'close' }).catch(() => undefined)
      }
      return !autosaveRef.current?.hasUnsavedChanges
    },
  }
}

import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'

import { ApiError } from '../../api/client.ts'
import { docJSON } from '../doc-json.ts'
import type { DraftSession } from './draft-session.ts'

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
 * Wires the editor to the session: every change marks the draft dirty; the end of an IME
 * composition saves at the next idle moment; blur, Ctrl+S, hiding the window and leaving save
 * at once; closing waits for the save.
 */
export function useSaveTriggers(session: DraftSession, editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    const idle = idleMs()
    const disconnect = session.connect(() => docJSON(editor.state.doc), {
      idleMs: idle,
      maxWaitMs: Math.max(5000, idle),
      isRetryable: (e) =>
        !(e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')),
      isConflict: (e) => e instanceof ApiError && e.code === 'CONFLICT',
    })
    const onUpdate = () => session.markDirty()
    const flush = () => void session.flush()
    // ProseMirror finishes a composition a few milliseconds after compositionend; the save
    // then waits for an idle moment, so the next word's keys are not held up by it.
    const onCompositionEnd = () => setTimeout(() => session.saveSoon(), 60)
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 's'
      ) {
        event.preventDefault()
        flush()
      }
    }
    const onVisibility = () => document.visibilityState === 'hidden' && flush()
    let closing = false
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (closing) return
      if (!session.hasUnsavedChanges && !(inElectron && session.wasEdited)) return
      event.preventDefault()
      event.returnValue = ''
      // In Electron the close is cancelled silently; close again once the text is on disk.
      void session.flush().then(async (saved) => {
        if (!inElectron || !saved) return
        await session.leave()
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
      disconnect()
    }
  }, [session, editor])
}

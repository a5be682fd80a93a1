import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'

import { isFieldEnter, isImeKey } from '../../ui/keys.ts'
import { findState } from '../extensions/find-replace/index.ts'

/** 查找和替换 (Ctrl+F, Ctrl+H): match count, next and previous, replace, replace all (one undo step). */
export function FindPanel({
  editor,
  withReplace,
  focusRequest,
  onClose,
  beforeBulkChange,
}: {
  editor: Editor
  withReplace: boolean
  /** Changes on every Ctrl+F or Ctrl+H, so a second press takes the keyboard back too. */
  focusRequest: number
  onClose: () => void
  /** Keeps the text as a revision before replace-all changes many places at once. */
  beforeBulkChange: () => Promise<unknown>
}) {
  const [query, setQuery] = useState(() => {
    const { from, to } = editor.state.selection
    return from < to && to - from < 50 ? editor.state.doc.textBetween(from, to) : ''
  })
  const [replacement, setReplacement] = useState('')
  const [count, setCount] = useState({ current: 0, total: 0 })
  const [status, setStatus] = useState<string | null>(null)
  const findInput = useRef<HTMLInputElement>(null)

  // Layout effect: the field has the keyboard before the browser handles the next key.
  useLayoutEffect(() => {
    findInput.current?.focus()
    findInput.current?.select()
  }, [withReplace, focusRequest])

  useEffect(() => {
    const read = () => {
      const state = findState(editor.state)
      setCount({
        current: state && state.current >= 0 ? state.current + 1 : 0,
        total: state?.matches.length ?? 0,
      })
    }
    editor.on('transaction', read)
    editor.commands.setFindQuery(query)
    return () => {
      editor.off('transaction', read)
    }
  }, [editor, query])

  useEffect(() => () => void editor.commands.setFindQuery(''), [editor])

  const replaceAll = async () => {
    if (count.total === 0) return
    await beforeBulkChange()
    const total = findState(editor.state)?.matches.length ?? 0
    if (!editor.commands.replaceAll(replacement)) return
    setStatus(`已替换 ${total} 处（可按 Ctrl+Z 一次撤销）`)
  }

  return (
    <div
      className="find-panel"
      role="search"
      aria-label="查找和替换"
      // Esc closes the bar from any of its fields and buttons.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !isImeKey(e)) onClose()
      }}
    >
      <div className="find-row">
        <label>
          <span className="find-label">查找</span>
          <input
            ref={findInput}
            value={query}
            onChange={(e) => {
              setStatus(null)
              setQuery(e.target.value)
            }}
            onKeyDown={(e) => {
              if (isFieldEnter(e)) editor.commands.findStep(e.shiftKey ? -1 : 1)
            }}
            aria-describedby="find-count"
          />
        </label>
        <span id="find-count" className="find-count" data-testid="find-count" aria-live="polite">
          {query ? (count.total ? `第 ${count.current} 处，共 ${count.total} 处` : '没有找到') : ''}
        </span>
        <button type="button" onClick={() => editor.commands.findStep(-1)} disabled={!count.total}>
          上一个
        </button>
        <button type="button" onClick={() => editor.commands.findStep(1)} disabled={!count.total}>
          下一个
        </button>
        <button type="button" onClick={onClose} aria-label="关闭查找">
          关闭
        </button>
      </div>
      {withReplace && (
        <div className="find-row">
          <label>
            <span className="find-label">替换为</span>
            <input
              value={replacement}
              onChange={(e) => setReplacement(e.target.value)}
              onKeyDown={(e) => {
                if (isFieldEnter(e)) editor.commands.replaceCurrent(replacement)
              }}
            />
          </label>
          <button
            type="button"
            onClick={() => editor.commands.replaceCurrent(replacement)}
            disabled={!count.total}
          >
            替换
          </button>
          <button type="button" onClick={replaceAll} disabled={!count.total}>
            全部替换
          </button>
          {status && <span role="status">{status}</span>}
        </div>
      )}
    </div>
  )
}

import { useState } from 'react'

import { CATEGORIES } from '../../../../domain/snippets/snippets.ts'
import { ApiError } from '../../api/client.ts'
import { Dialog } from '../../ui/Dialog.tsx'

/** 存为常用语 / 编辑常用语: the text (with its placeholders and slots) and its category. */
export function SnippetEditor({
  initial,
  onSave,
  onClose,
}: {
  initial: { id?: string; text: string; category: string }
  onSave: (s: { id?: string; text: string; category: string }) => Promise<void>
  onClose: () => void
}) {
  const [text, setText] = useState(initial.text)
  const [category, setCategory] = useState(initial.category)
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    if (!text.trim()) return setError('内容不能为空。')
    try {
      await onSave({ id: initial.id, text, category })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试。')
    }
  }
  return (
    <Dialog
      title={initial.id ? '编辑常用语' : '存为常用语'}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" onClick={save}>
            保存
          </button>
        </>
      }
    >
      <label className="field">
        <span>
          内容（可用 {'{单位}'} {'{年度}'} {'{上级}'} {'{下一年度}'} {'{主题}'}，用 [ ]
          标出待填的空）
        </span>
        <textarea
          rows={4}
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field">
        <span>分类</span>
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

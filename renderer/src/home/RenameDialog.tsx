import { useState } from 'react'

import { Dialog } from '../ui/Dialog.tsx'
import { isFieldEnter } from '../ui/keys.ts'

export function RenameDialog({
  title,
  onRename,
  onClose,
}: {
  title: string
  onRename: (title: string) => void
  onClose: () => void
}) {
  const [value, setValue] = useState(title)
  const error = value.trim() === '' ? '标题不能为空' : null
  const submit = () => {
    if (!error) onRename(value.trim())
  }
  return (
    <Dialog
      title="重命名"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" onClick={submit} disabled={error !== null}>
            确定
          </button>
        </>
      }
    >
      <label className="field">
        <span>标题</span>
        <input
          value={value}
          maxLength={200}
          autoFocus
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => isFieldEnter(e) && submit()}
          aria-invalid={error !== null}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

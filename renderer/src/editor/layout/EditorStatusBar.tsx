import type { OutlineSection } from '../../../../domain/outline/outline.ts'
import { formatClock } from '../../ui/format.ts'
import type { SaveState } from '../autosave/autosave.ts'

function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `已保存 ${formatClock(state.at)}` : '已保存'
    case 'dirty':
      return '有未保存的修改'
    case 'saving':
      return '保存中…'
    case 'error':
      return `保存失败：${state.message}`
  }
}

/** The status bar: save state (with 重试 after a failure), 字数, the section path, a passing message. */
export function EditorStatusBar({
  save,
  onRetry,
  wordCount,
  pages,
  path,
  message,
}: {
  save: SaveState
  onRetry: () => void
  wordCount: number
  /** From the last 分页预览, or null before one. */
  pages: number | null
  path: readonly OutlineSection[]
  message: string | null
}) {
  return (
    <footer className="statusbar editor-status">
      <span
        role="status"
        data-testid="save-state"
        className={save.kind === 'error' ? 'error' : undefined}
      >
        {saveStateText(save)}
      </span>
      {save.kind === 'error' && save.retryable && (
        <button type="button" onClick={onRetry}>
          重试
        </button>
      )}
      <span data-testid="word-count">字数 {wordCount}</span>
      {pages !== null && <span data-testid="page-count">共 {pages} 页</span>}
      <span className="section-path" data-testid="section-path">
        {path.map((s) => `${s.label}${s.title}`).join(' › ')}
      </span>
      {message && (
        <span className="statusbar-message" role="alert">
          {message}
        </span>
      )}
    </footer>
  )
}

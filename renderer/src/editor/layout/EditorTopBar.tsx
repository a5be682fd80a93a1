/** The editor's top bar: back to the drafts, the title, and the screen's actions. */
export function EditorTopBar({
  title,
  onBack,
  onExport,
  onPages,
  onPdf,
  onPrint,
  onFindReplace,
  onRevisions,
  onCompare,
  onSettings,
  onShortcuts,
}: {
  title: string
  onBack: () => void
  onExport: () => void
  onPages: () => void
  onPdf: () => void
  onPrint: () => void
  onFindReplace: () => void
  onRevisions: () => void
  onCompare: () => void
  onSettings: () => void
  onShortcuts: () => void
}) {
  return (
    <header className="topbar editor-topbar">
      <button type="button" onClick={onBack} aria-label="返回草稿箱">
        ← 草稿箱
      </button>
      <h1 className="editor-title" title={title}>
        {title || '未命名'}
      </h1>
      <div className="topbar-actions">
        <button type="button" className="primary" onClick={onExport}>
          导出 Word
        </button>
        <button type="button" onClick={onPdf}>
          导出 PDF
        </button>
        <button type="button" onClick={onPrint}>
          打印
        </button>
        <button type="button" onClick={onPages}>
          分页预览
        </button>
        <button type="button" onClick={onFindReplace} title="Ctrl+H">
          查找替换
        </button>
        <button type="button" onClick={onRevisions}>
          历史版本
        </button>
        <button type="button" onClick={onCompare}>
          对比修改
        </button>
        <button type="button" onClick={onSettings}>
          设置
        </button>
        <button type="button" onClick={onShortcuts} title="F1">
          快捷键
        </button>
      </div>
    </header>
  )
}

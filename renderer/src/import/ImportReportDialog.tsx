import type { Editor } from '@tiptap/core'
import { useState } from 'react'

import { INDICATOR_REF } from '../../../domain/indicators/references.ts'
import { Dialog } from '../ui/Dialog.tsx'
import type { ImportReport } from './ImportDialog.tsx'

/** Position of the first reference of `indicatorId` read from `text` in block `block`, or null. */
function referencePos(
  editor: Editor,
  block: number,
  indicatorId: string,
  text: string,
): number | null {
  let found: number | null = null
  editor.state.doc.forEach((node, offset, index) => {
    if (index !== block || found !== null) return
    node.descendants((child, pos) => {
      if (
        found === null &&
        child.type.name === INDICATOR_REF &&
        child.attrs.indicatorId === indicatorId &&
        child.attrs.origin === text
      ) {
        found = offset + 1 + pos
      }
    })
  })
  return found
}

/** 导入结果: what the import found, each with a jump; each recognised figure can be undone on its own. */
export function ImportReportDialog({
  editor,
  report,
  onClose,
}: {
  editor: Editor
  report: ImportReport
  onClose: () => void
}) {
  const [undone, setUndone] = useState<Set<number>>(new Set())
  const undo = (i: number) => {
    const figure = report.figures[i]!
    const pos = referencePos(editor, figure.block, figure.indicatorId, figure.text)
    if (pos === null) return
    if (!editor.commands.unlinkIndicatorRefAt(pos, figure.text)) return
    setUndone((old) => new Set(old).add(i))
  }
  const go = (block: number) => {
    onClose()
    editor.commands.revealBlock(block)
  }
  return (
    <Dialog
      title="导入完成"
      wide
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          开始编辑
        </button>
      }
    >
      <p role="status" data-testid="import-summary">
        找到 {report.sections.length} 个章节标题，识别出 {report.figures.length} 处指标数字，删去{' '}
        {report.dropped.length} 处网页内容
        {report.slips.length > 0 ? `，修正了 ${report.slips.length} 处编号` : ''}。
      </p>
      <div className="import-report">
        {report.figures.length > 0 && (
          <section>
            <h3>识别的指标数字（已填入“指标”并在正文中自动引用）</h3>
            <ul>
              {report.figures.map((f, i) => (
                <li key={i}>
                  {f.name}：{f.text}
                  <button type="button" className="link-button" onClick={() => go(f.block)}>
                    查看
                  </button>
                  {undone.has(i) ? (
                    <span className="hint">已还原为文字</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => undo(i)}>
                      还原为文字
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.ambiguous.length > 0 && (
          <section>
            <h3>有歧义、没有自动识别的数字</h3>
            <ul>
              {report.ambiguous.map((a) => (
                <li key={a.name}>
                  {a.name}：文中出现了不同的数值（{a.values.join('、')}），请在“指标”中自行填写。
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.notes.length > 0 && (
          <section data-testid="import-notes">
            <h3>请核对</h3>
            <ul>
              {report.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </section>
        )}
        {report.slips.length > 0 && (
          <section>
            <h3>原文编号不连续，已自动重新编号</h3>
            <ul>
              {report.slips.map((s, i) => (
                <li key={i}>
                  “{s.title}”原为第 {s.found} 项，现为第 {s.expected} 项
                  <button type="button" className="link-button" onClick={() => go(s.block)}>
                    查看
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.dropped.length > 0 && (
          <section>
            <h3>删去的网页内容</h3>
            <ul>
              {report.dropped.map((d, i) => (
                <li key={i}>
                  <span className="hint">{d.reason}：</span>
                  {d.text.length > 50 ? `${d.text.slice(0, 50)}…` : d.text}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          <h3>章节</h3>
          <ul>
            {report.sections.map((s, i) => (
              <li key={i} className={`import-section level-${s.level}`}>
                <button type="button" className="link-button" onClick={() => go(s.block)}>
                  {s.title.length > 40 ? `${s.title.slice(0, 40)}…` : s.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Dialog>
  )
}

import type { Editor } from '@tiptap/core'
import { useState } from 'react'

import { indicatorsFromSuggestions } from '../../../domain/import/figures.ts'
import { levelNotes } from '../../../domain/import/level-notes.ts'
import type { IndicatorStore } from '../editor/indicators/indicator-store.ts'
import { Dialog } from '../ui/Dialog.tsx'
import type { ImportReport } from './ImportDialog.tsx'

/**
 * 导入结果: what the import found, each with a jump. The figures are suggestions: the writer takes
 * them as indicators (all, a group, or one), as this year's or last year's values; none is
 * taken without a click. Lines kept that may be web content are listed, dropped only on a
 * click (all at once as one undo step, with a revision kept first, or one by one).
 */
export function ImportReportDialog({
  editor,
  report,
  indicators,
  beforeBulkChange,
  level3,
  onClose,
}: {
  editor: Editor
  report: ImportReport
  indicators: IndicatorStore
  /** Keeps a revision before many figures are taken at once. */
  beforeBulkChange: () => Promise<unknown>
  /** The writer's third-level marker, for the notes on levels. */
  level3: '1.' | '1、'
  onClose: () => void
}) {
  const [previousYear, setPreviousYear] = useState(false)
  const [taken, setTaken] = useState<ReadonlySet<number>>(new Set())
  const groups = [...new Set(report.figures.map((f) => f.group))]
  const take = async (which: number[]) => {
    const fresh = which.filter((i) => !taken.has(i))
    if (fresh.length === 0) return
    if (fresh.length > 1) await beforeBulkChange()
    const present = new Set(indicators.list().map((i) => i.id))
    const made = indicatorsFromSuggestions(
      fresh.map((i) => report.figures[i]!),
      { previousYear },
    )
    for (const indicator of made) if (!present.has(indicator.id)) indicators.add(indicator)
    setTaken((old) => new Set([...old, ...fresh]))
  }
  const all = report.figures.map((_, i) => i)
  const [dropped, setDropped] = useState<ReadonlySet<number>>(new Set())
  const [dropFailed, setDropFailed] = useState(false)
  /** Where a block read by the import stands now: the dropped lines before it are gone. */
  const go = (block: number) => {
    onClose()
    const before = report.doubtful.filter((d, i) => dropped.has(i) && d.block < block).length
    editor.commands.revealBlock(block - before)
  }
  const doubtfulLeft = report.doubtful.map((_, i) => i).filter((i) => !dropped.has(i))
  const drop = async (which: number[]) => {
    if (which.length === 0) return
    if (which.length > 1) await beforeBulkChange()
    // A line no longer there as it was read (or the last block) is left alone, and stays listed.
    const done = editor.commands.dropLines(which.map((i) => report.doubtful[i]!))
    setDropFailed(!done)
    if (done) setDropped((old) => new Set([...old, ...which]))
  }
  const goToLine = (i: number) => {
    onClose()
    editor.commands.revealLine(report.doubtful[i]!)
  }
  const levels = levelNotes(report.levels, level3)
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
        找到 {report.sections.length} 个章节标题，{report.figures.length} 处带单位的数字，删去{' '}
        {report.dropped.length} 处网页内容
        {report.slips.length > 0 ? `，修正了 ${report.slips.length} 处编号` : ''}
        {report.doubtful.length > 0
          ? `，另有 ${report.doubtful.length} 行可能是网页内容，已保留`
          : ''}
        。
      </p>
      <div className="import-report">
        {report.doubtful.length > 0 && (
          <section data-testid="doubtful-lines">
            <h3>可能是网页内容（已保留在正文中，请核对）</h3>
            <button
              type="button"
              disabled={doubtfulLeft.length === 0}
              onClick={() => void drop(doubtfulLeft)}
            >
              {doubtfulLeft.length > 0 ? `全部删去（${doubtfulLeft.length} 行）` : '已全部删去'}
            </button>
            <ul>
              {report.doubtful.map((d, i) => (
                <li key={i} data-testid="doubtful-line">
                  {dropped.has(i) ? (
                    <span className="hint">{short(d.text, 50)}</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      title="在正文中查看"
                      onClick={() => goToLine(i)}
                    >
                      {short(d.text, 50)}
                    </button>
                  )}
                  {d.reason !== '可能是网页内容' && <span className="hint">（{d.reason}）</span>}
                  {dropped.has(i) ? (
                    <span className="hint">已删去</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => void drop([i])}>
                      删去
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {dropFailed && (
              <p className="field-error" role="alert">
                正文中已找不到这些行（可能已经改过），没有删去。
              </p>
            )}
            {dropped.size > 0 && <p className="hint">删错了可按 Ctrl+Z 撤销。</p>}
          </section>
        )}
        {levels.length > 0 && (
          <section data-testid="import-levels">
            <h3>标题层级</h3>
            <ul>
              {levels.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </section>
        )}
        {report.figures.length > 0 && (
          <section data-testid="figure-suggestions">
            <h3>文中的数字（可作为“指标”采用，不采用则只是文字）</h3>
            <fieldset className="radio-group compact">
              <legend>采用为</legend>
              <label>
                <input
                  type="radio"
                  name="figure-year"
                  checked={!previousYear}
                  onChange={() => setPreviousYear(false)}
                />
                今年的数值
              </label>
              <label>
                <input
                  type="radio"
                  name="figure-year"
                  checked={previousYear}
                  onChange={() => setPreviousYear(true)}
                />
                上年的数值
              </label>
            </fieldset>
            <button type="button" onClick={() => void take(all)}>
              全部采用（{report.figures.length} 处）
            </button>
            {groups.map((group) => {
              const members = all.filter((i) => report.figures[i]!.group === group)
              return (
                <div key={group} className="figure-group">
                  <h4>
                    {group}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void take(members)}
                    >
                      采用本组
                    </button>
                  </h4>
                  <ul>
                    {members.map((i) => {
                      const f = report.figures[i]!
                      return (
                        <li key={i} data-testid="figure-suggestion">
                          {f.name}：{f.text}
                          {f.total && <span className="hint">（合计）</span>}
                          <button type="button" className="link-button" onClick={() => go(f.block)}>
                            查看
                          </button>
                          {taken.has(i) ? (
                            <span className="hint">已采用</span>
                          ) : (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => void take([i])}
                            >
                              采用
                            </button>
                          )}
                        </li>
                      )
                    })}
                  </ul>
                </div>
              )
            })}
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
                  {short(d.text, 50)}
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
                  {short(s.title, 40)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Dialog>
  )
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'

import type { Doc } from '../../../../domain/draft/doc.ts'
import type { DraftMeta } from '../../../../domain/draft/draft.ts'
import {
  FINDING_GROUPS,
  proofread,
  summarizeFindings,
  type Finding,
} from '../../../../domain/proofread/proofread.ts'
import { findingRange } from '../extensions/proofread-fixes/index.ts'
import type { IndicatorStore } from '../indicators/indicator-store.ts'

/**
 * 校对: the slips real reports go out with. The checks run over the whole report shortly after
 * typing pauses (about 0.8 s), never on a keystroke.
 */
export function ProofreadPanel({
  editor,
  meta,
  indicators,
  ignored,
  onIgnore,
}: {
  editor: Editor
  meta: DraftMeta
  indicators: IndicatorStore
  ignored: readonly string[]
  onIgnore: (key: string) => void
}) {
  const [findings, setFindings] = useState<Finding[]>([])
  const [group, setGroup] = useState<string | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const run = () =>
      setFindings(
        proofread({
          meta,
          body: editor.getJSON() as Doc,
          indicators: [...indicators.list()],
          ignored,
        }),
      )
    const schedule = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(run, 800)
    }
    run()
    editor.on('update', schedule)
    const unsubscribe = indicators.subscribe(schedule)
    return () => {
      editor.off('update', schedule)
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [editor, meta, indicators, ignored])

  const jump = (f: Finding) => {
    const range = findingRange(editor.state.doc, f)
    if (range) editor.commands.revealRange(range.from, range.to)
    else editor.commands.revealBlock(f.block)
  }

  const groups = [...new Set(findings.map((f) => FINDING_GROUPS[f.rule]))]
  const shown = group ? findings.filter((f) => FINDING_GROUPS[f.rule] === group) : findings
  const fixable = shown.filter((f) => f.fix !== undefined)

  return (
    <div className="proofread-panel">
      <p role="status" data-testid="proofread-summary">
        {findings.length === 0
          ? '没有发现问题。'
          : `发现 ${findings.length} 处：${summarizeFindings(findings)}。`}
      </p>
      {groups.length > 1 && (
        <div className="chips" role="group" aria-label="问题类别">
          <button type="button" aria-pressed={group === null} onClick={() => setGroup(null)}>
            全部
          </button>
          {groups.map((g) => (
            <button
              type="button"
              key={g}
              aria-pressed={group === g}
              onClick={() => setGroup(group === g ? null : g)}
            >
              {g}
            </button>
          ))}
        </div>
      )}
      {fixable.length > 1 && (
        <button type="button" onClick={() => editor.commands.applyFindingFixes(fixable)}>
          全部修正可确定的 {fixable.length} 处
        </button>
      )}
      <ul className="findings">
        {shown.map((f) => (
          <li
            key={`${f.key}-${f.block}-${f.offset}`}
            className={f.severity === 'must' ? 'finding must' : 'finding'}
            data-testid="finding"
          >
            <div className="finding-message">{f.message}</div>
            <div className="finding-meta">
              <span className="hint">{f.section}</span>
              <button type="button" className="link-button" onClick={() => jump(f)}>
                跳转
              </button>
              {f.fix !== undefined && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => editor.commands.applyFindingFixes([f])}
                >
                  修正为“{f.fix}”
                </button>
              )}
              <button type="button" className="link-button" onClick={() => onIgnore(f.key)}>
                忽略
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

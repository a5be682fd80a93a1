import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'

import type { DraftMeta } from '../../../../domain/draft/draft.ts'
import { applyFixes, type AppliedFixes } from '../../../../domain/proofread/apply-fixes.ts'
import {
  checkDraft,
  groupFindings,
  summarizeFindings,
  type Finding,
} from '../../../../domain/proofread/proofread.ts'
import { ConfirmDialog } from '../../ui/Dialog.tsx'
import { spliceSender } from '../block-splice.ts'
import { docJSON } from '../doc-json.ts'
import { findingRange } from '../extensions/proofread-fixes/index.ts'
import type { IndicatorStore } from '../indicators/indicator-store.ts'
import type { ProofreadReply, ProofreadRequest } from './proofread.worker.ts'

/**
 * 校对: the slips real reports go out with, grouped by kind with their counts so a writer can
 * work through one kind at a time. The checks run over the whole report shortly after typing
 * pauses (about 0.8 s), in a worker, never on a keystroke.
 */
export function ProofreadPanel({
  editor,
  meta,
  indicators,
  ignored,
  onIgnore,
  beforeBulkChange,
  onFocusField,
}: {
  editor: Editor
  meta: DraftMeta
  indicators: IndicatorStore
  ignored: readonly string[]
  onIgnore: (key: string) => void
  /** Keeps the text as a revision before fix-all changes many places at once. */
  beforeBulkChange: () => Promise<unknown>
  /** Opens 基本信息 at the field a finding is about (成文日期). */
  onFocusField: (field: NonNullable<Finding['field']>) => void
}) {
  const [findings, setFindings] = useState<Finding[]>([])
  // Fix-all first shows what it will change; only then does it change anything.
  const [preview, setPreview] = useState<AppliedFixes | null>(null)
  const [group, setGroup] = useState<string | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    // Replies for a text that has changed since are dropped.
    let generation = 0
    const content = () => ({
      meta,
      body: docJSON(editor.state.doc),
      indicators: [...indicators.list()],
      ignoredFindings: ignored,
    })
    const checkHere = () => setFindings(checkDraft(content()))
    let worker: Worker | null = null
    try {
      worker = new Worker(new URL('./proofread.worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (event: MessageEvent<ProofreadReply>) => {
        const reply = event.data
        if (reply.id === generation && 'findings' in reply) setFindings(reply.findings)
      }
      // A worker that cannot start: the checks run here, as before.
      worker.onerror = () => {
        worker?.terminate()
        worker = null
        checkHere()
      }
    } catch {
      worker = null
    }
    const sender = spliceSender()
    const run = () => {
      timer = null
      generation += 1
      if (!worker) return checkHere()
      const { body, ...rest } = content()
      const request: ProofreadRequest = {
        id: generation,
        splice: sender.next(body.content),
        ...rest,
      }
      worker.postMessage(request)
    }
    const schedule = () => {
      generation += 1
      if (timer) clearTimeout(timer)
      timer = setTimeout(run, 800)
    }
    // Opening the panel shows its findings at once; later checks go to the worker.
    checkHere()
    editor.on('update', schedule)
    const unsubscribe = indicators.subscribe(schedule)
    return () => {
      editor.off('update', schedule)
      unsubscribe()
      if (timer) clearTimeout(timer)
      worker?.terminate()
    }
  }, [editor, meta, indicators, ignored])

  const jump = (f: Finding) => {
    if (f.field) return onFocusField(f.field)
    const range = findingRange(editor.state.doc, f)
    if (range) editor.commands.revealRange(range.from, range.to)
    else editor.commands.revealBlock(f.block)
  }

  const groups = groupFindings(findings)
  // The kind being worked through; back to all of them once its last finding is gone.
  const current = groups.find((g) => g.group === group) ?? null
  const shownGroups = current ? [current] : groups
  const fixable = shownGroups.flatMap((g) => g.findings).filter((f) => f.fix !== undefined)

  return (
    <div className="proofread-panel">
      <p role="status" data-testid="proofread-summary">
        {findings.length === 0
          ? '没有发现问题。'
          : `发现 ${findings.length} 处：${summarizeFindings(findings)}。`}
      </p>
      {groups.length > 1 && (
        <div className="chips" role="group" aria-label="按类别查看">
          <button type="button" aria-pressed={current === null} onClick={() => setGroup(null)}>
            全部 {findings.length}
          </button>
          {groups.map((g) => (
            <button
              type="button"
              key={g.group}
              aria-pressed={current === g}
              data-testid="finding-group-chip"
              onClick={() => setGroup(current === g ? null : g.group)}
            >
              {g.group} {g.findings.length}
            </button>
          ))}
        </div>
      )}
      {fixable.length > 1 && (
        <button
          type="button"
          onClick={() => setPreview(applyFixes(docJSON(editor.state.doc), fixable))}
        >
          {current
            ? `修正${current.group}中可确定的 ${fixable.length} 处…`
            : `全部修正可确定的 ${fixable.length} 处…`}
        </button>
      )}
      {preview && (
        <ConfirmDialog
          title="全部修正"
          confirmLabel={`修正这 ${preview.changes.length} 处`}
          message={
            <>
              <p>
                将修改下面 {preview.changes.length}{' '}
                处，其他文字不动；修改前会保存一个历史版本，也可以按 Ctrl+Z 一次撤销。
                {preview.skipped.length > 0 && ` 另有 ${preview.skipped.length} 处需要您逐一修改。`}
              </p>
              <ol className="fix-preview" data-testid="fix-preview">
                {preview.changes.map((c) => (
                  <li key={`${c.block}-${c.offset}`}>
                    “{c.before}” → {c.after ? `“${c.after}”` : '删去'}
                    <span className="hint">（{c.message}）</span>
                  </li>
                ))}
              </ol>
            </>
          }
          onCancel={() => setPreview(null)}
          onConfirm={() => {
            setPreview(null)
            void beforeBulkChange().then(() => editor.commands.applyFindingFixes(fixable))
          }}
        />
      )}
      {shownGroups.map((g, i) => (
        <section
          key={g.group}
          className="finding-group"
          aria-labelledby={`finding-group-${i}`}
          data-testid="finding-group"
        >
          <h3 id={`finding-group-${i}`} className="finding-group-title">
            {g.group}
            <span className="hint">{g.findings.length} 处</span>
          </h3>
          <ul className="findings">
            {g.findings.map((f) => (
              <li
                key={`${f.key}-${f.block}-${f.offset}`}
                className={f.severity === 'must' ? 'finding must' : 'finding'}
                data-testid="finding"
              >
                <div className="finding-message">{f.message}</div>
                <div className="finding-meta">
                  <span className="hint">{f.field ? '基本信息' : f.section}</span>
                  <button type="button" className="link-button" onClick={() => jump(f)}>
                    {f.field === 'date' ? '改成文日期' : '跳转'}
                  </button>
                  {f.fix !== undefined && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => editor.commands.applyFindingFixes([f])}
                    >
                      {f.fix === '' ? '删去' : `修正为“${f.fix}”`}
                    </button>
                  )}
                  <button type="button" className="link-button" onClick={() => onIgnore(f.key)}>
                    忽略
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

import type { Editor } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import { useEffect, useState } from 'react'

import type { CompareSource, MetaField } from '../../../domain/compare/blocks.ts'
import type { Change, Comparison } from '../../../domain/compare/compare.ts'
import type { DraftMeta } from '../../../domain/draft/draft.ts'
import { REVISION_REASON_LABELS, type RevisionInfo } from '../../../domain/draft/revisions.ts'
import { inlineLeafText } from '../../../domain/indicators/references.ts'
import { LIMIT_MESSAGES, MAX_IMPORT_BYTES } from '../../../domain/limits.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { ApiError, api } from '../api/client.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { base64 } from '../ui/file-data.ts'
import { JobProgress, newJobId } from '../ui/JobProgress.tsx'
import { acceptChange } from './accept-change.ts'
import { CompareView, changeSummary, shownChanges } from './CompareView.tsx'

export type Version = CompareSource

/** Where the dialog starts: choosing, or straight at a revision against the current text. */
export type CompareStart = { kind: 'choose' } | { kind: 'revision'; revision: RevisionInfo }

interface Ready {
  older: Version
  newer: Version
  olderName: string
  newerName: string
  /** The newer version is a file that came back: its changes may be taken into the draft. */
  returned: boolean
  comparison: Comparison
}

const message = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback)
const revisionName = (r: RevisionInfo) => `${chineseDateTime(r.createdAt)}的版本`
const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name)

/** Meta fields a change of a returned file sets, read from the file's own metadata. */
const META_OF: Record<MetaField | 'title', keyof DraftMeta> = {
  title: 'title',
  unit: 'unit',
  year: 'year',
  recipient: 'recipient',
  signature: 'signature',
  date: 'date',
}

/**
 * A returned file states what its text states: a field it leaves empty (a signature or date a
 * plain file does not mark) is taken as unchanged, not as deleted.
 */
function withStatedMeta(file: Version, draft: Version): Version {
  const meta = { ...file.meta }
  for (const field of ['unit', 'recipient', 'signature', 'date', 'title'] as const)
    if (!meta[field]?.trim()) meta[field] = draft.meta[field]
  return { ...file, meta }
}

/**
 * 对比: the current text against a revision or a file that came back. Shows the changes
 * marked, steps through them, exports a 修订稿 or 花脸稿, and for a returned file takes or
 * leaves each change (one undo step each, a revision kept before the first).
 */
export function CompareDialog({
  draftId,
  editor,
  current,
  setMeta,
  start,
  beforeBulkChange,
  onClose,
}: {
  draftId: string
  editor: Editor
  /** The draft's text as the editor holds it now. */
  current: () => Version
  setMeta: (meta: DraftMeta) => void
  start: CompareStart
  /** Keeps the current text as a revision; false when it could not. */
  beforeBulkChange: () => Promise<unknown>
  onClose: () => void
}) {
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null)
  const [choice, setChoice] = useState<string>(
    start.kind === 'revision' ? start.revision.id : 'file',
  )
  const [file, setFile] = useState<File | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ready, setReady] = useState<Ready | null>(null)
  const [at, setAt] = useState(0)
  /** Changes of a returned file the writer chose to leave, by what they say. */
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set())
  const [kept, setKept] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [exported, setExported] = useState<{ path: string; name: string } | null>(null)

  const compare = async (base: Omit<Ready, 'comparison'>) => {
    const id = newJobId()
    setJobId(id)
    try {
      const { comparison } = await api.compareVersions({
        older: base.older,
        newer: base.newer,
        jobId: id,
      })
      setReady({ ...base, comparison })
      setError(null)
    } finally {
      setJobId(null)
    }
  }

  const begin = async (revisionId: string) => {
    setError(null)
    setStatus(null)
    try {
      if (revisionId === 'file') {
        if (!file) return setError('请先选择退回的文件。')
        if (file.size > MAX_IMPORT_BYTES) return setError(LIMIT_MESSAGES.fileBytes)
        const id = newJobId()
        setJobId(id)
        let content: Version
        try {
          ;({ content } = await api.readVersionFile({
            fileName: file.name,
            data: base64(await file.arrayBuffer()),
            jobId: id,
          }))
        } finally {
          setJobId(null)
        }
        const older = current()
        await compare({
          older,
          newer: withStatedMeta(content, older),
          olderName: '当前稿',
          newerName: `退回的文件“${shortName(file.name)}”`,
          returned: true,
        })
      } else {
        const info =
          start.kind === 'revision' && start.revision.id === revisionId
            ? start.revision
            : revisions?.find((r) => r.id === revisionId)
        const { draft } = await api.readRevision({ id: draftId, revisionId })
        await compare({
          older: { meta: draft.meta, body: draft.body, indicators: draft.indicators },
          newer: current(),
          olderName: info ? revisionName(info) : '历史版本',
          newerName: '当前稿',
          returned: false,
        })
      }
      setAt(0)
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED'))
        setError(message(e, '对比没有完成，请重试。'))
    }
  }

  useEffect(() => {
    api.listRevisions({ id: draftId }).then(
      (r) => {
        setRevisions(r.revisions)
        // Opened on a revision: compare at once.
        if (start.kind === 'revision') void begin(start.revision.id)
      },
      (e: unknown) => setError(message(e, '历史版本读取失败。')),
    )
    // Once, on opening: later comparisons start from the buttons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId])

  const changeKey = (c: Change) => `${c.type}\u0000${c.oldText}\u0000${c.newText}`
  const list = ready ? shownChanges(ready.comparison).filter((c) => !left.has(changeKey(c))) : []
  const change = list.length ? list[Math.min(at, list.length - 1)]! : null

  const recompare = async (older: Version) => {
    if (!ready) return
    await compare({ ...ready, older })
  }

  const take = async () => {
    if (!ready || !change) return
    setStatus(null)
    if (!kept) {
      await beforeBulkChange()
      setKept(true)
    }
    if (change.meta) {
      const field = META_OF[change.field ?? 'title']
      const meta = current().meta
      setMeta({ ...meta, [field]: ready.newer.meta[field] })
    } else {
      const leaf = inlineLeafText(current().indicators)
      const result = acceptChange(editor.state, ready.comparison, change, leaf)
      if (result.ok === false) return setStatus(result.reason)
      // Each change its own undo step, never merged with the next one taken.
      if (result.ok === true) editor.view.dispatch(closeHistory(result.tr))
    }
    try {
      await recompare(current())
      setStatus('已采纳。按 Ctrl+Z 可撤销这一处。')
    } catch (e) {
      setError(message(e, '对比没有完成，请重试。'))
    }
  }

  const leave = () => {
    if (!change) return
    setLeft(new Set(left).add(changeKey(change)))
    setStatus('已保留原文。')
  }

  const exportAs = async (style: 'tracked' | 'fixed') => {
    if (!ready) return
    setError(null)
    setExported(null)
    const id = newJobId()
    setJobId(id)
    try {
      const result = await api.exportComparison({
        older: ready.older,
        newer: ready.newer,
        style,
        olderName: ready.olderName,
        newerName: ready.newerName,
        jobId: id,
      })
      if (result.status === 'saved') setExported({ path: result.path, name: result.name })
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED'))
        setError(message(e, '导出没有完成，原有文件没有改动。请重试。'))
    } finally {
      setJobId(null)
    }
  }

  const working = jobId !== null
  return (
    <Dialog
      title={ready ? `对比：${ready.olderName} → ${ready.newerName}` : '对比修改'}
      onClose={onClose}
      wide
      actions={
        ready ? (
          <>
            <button type="button" onClick={() => setReady(null)} disabled={working}>
              换一个版本
            </button>
            <button type="button" onClick={() => exportAs('tracked')} disabled={working}>
              导出修订稿
            </button>
            <button type="button" onClick={() => exportAs('fixed')} disabled={working}>
              导出花脸稿
            </button>
            <button type="button" className="primary" onClick={onClose}>
              关闭
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onClose}>
              取消
            </button>
            <button
              type="button"
              className="primary"
              disabled={working || (choice === 'file' && !file)}
              onClick={() => void begin(choice)}
            >
              开始对比
            </button>
          </>
        )
      }
    >
      {!ready && (
        <fieldset className="radio-column compare-choices">
          <legend>把当前稿和哪个版本对比？</legend>
          <label>
            <input
              type="radio"
              name="compare-with"
              checked={choice === 'file'}
              onChange={() => setChoice('file')}
            />
            退回的文件（领导或科室改过的 Word 或文本文件），可逐处采纳
          </label>
          {choice === 'file' && (
            <input
              type="file"
              aria-label="选择退回的文件"
              accept=".docx,.doc,.wps,.txt"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
          {revisions?.slice(0, 30).map((r) => (
            <label key={r.id}>
              <input
                type="radio"
                name="compare-with"
                checked={choice === r.id}
                onChange={() => setChoice(r.id)}
              />
              {revisionName(r)}（{REVISION_REASON_LABELS[r.reason]}，{r.wordCount} 字）
            </label>
          ))}
        </fieldset>
      )}
      {jobId && <JobProgress jobId={jobId} label="正在处理…" />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {ready && (
        <>
          <div className="cmp-bar">
            <p className="cmp-summary" data-testid="compare-summary">
              {changeSummary(ready.comparison)}
            </p>
            <div className="cmp-nav">
              <button
                type="button"
                onClick={() => setAt(Math.max(0, at - 1))}
                disabled={!change || at === 0}
              >
                上一处
              </button>
              <span data-testid="compare-position">
                {change
                  ? `第 ${Math.min(at, list.length - 1) + 1} 处，共 ${list.length} 处`
                  : '没有修改'}
              </span>
              <button
                type="button"
                onClick={() => setAt(Math.min(list.length - 1, at + 1))}
                disabled={!change || at >= list.length - 1}
              >
                下一处
              </button>
              {ready.returned && change && (
                <>
                  <button type="button" className="primary" onClick={take} disabled={working}>
                    采纳这一处
                  </button>
                  <button type="button" onClick={leave} disabled={working}>
                    不采纳
                  </button>
                </>
              )}
            </div>
          </div>
          {status && (
            <p className="hint" role="status">
              {status}
            </p>
          )}
          {exported && (
            <p role="status" className="cmp-exported">
              已导出“{exported.name}”。
              <button
                type="button"
                onClick={() => void api.openExportedFile({ path: exported.path, reveal: false })}
              >
                打开
              </button>
              <button
                type="button"
                onClick={() => void api.openExportedFile({ path: exported.path, reveal: true })}
              >
                打开所在文件夹
              </button>
            </p>
          )}
          <CompareView comparison={ready.comparison} current={change} />
        </>
      )}
    </Dialog>
  )
}

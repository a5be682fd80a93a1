import { useEffect, useState } from 'react'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import { REVISION_REASON_LABELS, type RevisionInfo } from '../../../domain/draft/revisions.ts'
import type { Level3Style } from '../../../domain/outline/numbering.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { ApiError, api } from '../api/client.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { previewBlocks } from './revision-preview.ts'

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试。')

/** 历史版本: list with time and word count, preview one, restore it as a new revision. */
export function RevisionsDialog({
  id,
  title,
  level3,
  onRestored,
  onCompare,
  onClose,
}: {
  id: string
  title: string
  /** How level-3 headings are numbered; read from the settings when not given. */
  level3?: Level3Style
  onRestored: (draft: DraftFile) => void
  /** 与当前稿对比: the chosen revision against the text as it is now. */
  onCompare?: (revision: RevisionInfo) => void
  onClose: () => void
}) {
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [preview, setPreview] = useState<DraftFile | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [readLevel3, setReadLevel3] = useState<Level3Style>('1.')

  useEffect(() => {
    if (level3) return
    let live = true
    // Without the setting the default numbering is shown; nothing else depends on it.
    api.getSettings({}).then(
      (s) => live && setReadLevel3(s.level3Numbering),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [level3])

  useEffect(() => {
    api.listRevisions({ id }).then(
      (r) => setRevisions(r.revisions),
      (e: unknown) => setError(message(e)),
    )
  }, [id])

  useEffect(() => {
    if (!selected) return
    let live = true
    api.readRevision({ id, revisionId: selected }).then(
      (r) => live && setPreview(r.draft),
      (e: unknown) => live && setError(message(e)),
    )
    return () => {
      live = false
    }
  }, [id, selected])

  const restore = async () => {
    if (!selected) return
    try {
      const { draft } = await api.restoreRevision({ id, revisionId: selected })
      onRestored(draft)
    } catch (e) {
      setError(message(e))
    }
  }

  return (
    <Dialog
      title={`历史版本：${title}`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            关闭
          </button>
          {onCompare && (
            <button
              type="button"
              disabled={!selected}
              onClick={() => {
                const revision = revisions?.find((r) => r.id === selected)
                if (revision) onCompare(revision)
              }}
            >
              与当前稿对比
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={!selected || !preview}
            onClick={restore}
          >
            恢复此版本
          </button>
        </>
      }
    >
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="revisions">
        <ul className="revision-list" aria-label="历史版本列表">
          {revisions?.length === 0 && <li className="hint">还没有历史版本。</li>}
          {revisions?.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={selected === r.id ? 'revision selected' : 'revision'}
                aria-pressed={selected === r.id}
                onClick={() => {
                  setPreview(null)
                  setSelected(r.id)
                }}
              >
                <span>{chineseDateTime(r.createdAt)}</span>
                <span className="revision-meta">
                  {REVISION_REASON_LABELS[r.reason]} · {r.wordCount} 字
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="revision-preview" aria-live="polite">
          {!selected && (
            <p className="hint">
              选择左侧的一个版本查看内容。恢复后，当前内容也会保存为一个历史版本，不会丢失。
            </p>
          )}
          {preview && (
            <>
              <h3>{preview.meta.title}</h3>
              {previewBlocks(preview, level3 ?? readLevel3).map((block, i) => (
                <p key={i} className={block.heading ? 'preview-heading' : undefined}>
                  {block.label}
                  {block.text}
                </p>
              ))}
            </>
          )}
        </div>
      </div>
    </Dialog>
  )
}

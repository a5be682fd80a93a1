import { useEffect, useState } from 'react'

import type { MethodOutput } from '../../../domain/contract.ts'
import { api } from '../api/client.ts'
import { ConfirmDialog } from '../ui/Dialog.tsx'
import { failureMessage } from './draft-list.ts'
import { DraftTable } from './DraftTable.tsx'
import { HomeView } from './HomeView.tsx'
import { useListActions } from './useListActions.ts'

type Trashed = MethodOutput<'listTrash'>['drafts'][number]

/** 回收站: deleted drafts, to restore or delete for good. */
export function TrashView({ version }: { version: string | null }) {
  const [trash, setTrash] = useState<Trashed[] | null>(null)
  const [deleting, setDeleting] = useState<Trashed | null>(null)
  const { error, setError, status, listVersion, act } = useListActions()

  useEffect(() => {
    let live = true
    api.listTrash({}).then(
      (result) => live && setTrash(result.drafts),
      (e: unknown) => live && setError(failureMessage(e)),
    )
    return () => {
      live = false
    }
  }, [listVersion, setError])

  return (
    <HomeView
      title="回收站"
      error={error}
      status={status ?? (trash ? `共 ${trash.length} 份` : '正在读取…')}
      version={version}
      dialogs={
        deleting && (
          <ConfirmDialog
            title="彻底删除"
            message={`彻底删除“${deleting.title}”及其全部历史版本？此操作无法撤销。`}
            confirmLabel="彻底删除"
            danger
            onCancel={() => setDeleting(null)}
            onConfirm={() => {
              setDeleting(null)
              void act(
                () => api.deleteDraftForever({ id: deleting.id }),
                `已彻底删除“${deleting.title}”`,
              )
            }}
          />
        )
      }
    >
      <DraftTable
        drafts={trash}
        timeLabel="删除时间"
        timeOf={(d) => d.trashedAt}
        titleCell={(d) => d.title || '未命名'}
        empty={<p className="empty-title">回收站是空的</p>}
        actions={(d) => (
          <>
            <button
              type="button"
              onClick={() => act(() => api.restoreDraft({ id: d.id }), `已恢复“${d.title}”`)}
            >
              恢复
            </button>
            <button type="button" className="danger-text" onClick={() => setDeleting(d)}>
              彻底删除
            </button>
          </>
        )}
      />
    </HomeView>
  )
}

import { Suspense, useEffect, useState } from 'react'

import type { DraftSummary } from '../../../domain/draft/draft.ts'
import { api } from '../api/client.ts'
import { pendingYearUpdates } from '../editor/year-update/YearUpdateBar.tsx'
import { ImportDialog } from '../import/ImportDialog.tsx'
import { RevisionsDialog } from '../revisions/LazyRevisionsDialog.ts'
import { ConfirmDialog } from '../ui/Dialog.tsx'
import { navigate } from '../ui/useRoute.ts'
import { failureMessage } from './draft-list.ts'
import { DraftTable } from './DraftTable.tsx'
import { HomeView } from './HomeView.tsx'
import { NewDraftDialog, type NewDraftInput } from './NewDraftDialog.tsx'
import { RenameDialog } from './RenameDialog.tsx'
import { useListActions } from './useListActions.ts'

type Modal =
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'rename'; draft: DraftSummary }
  | { kind: 'trash'; draft: DraftSummary }
  | { kind: 'revisions'; draft: DraftSummary }
  | null

/** 草稿箱: the drafts, with 新建 and 导入 and what can be done to each. */
export function DraftsView({ version }: { version: string | null }) {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null)
  const [notices, setNotices] = useState<string[]>([])
  const [modal, setModal] = useState<Modal>(null)
  const { error, setError, status, setStatus, listVersion, reload, act } = useListActions()

  useEffect(() => {
    let live = true
    api.listDrafts({}).then(
      (result) => {
        if (!live) return
        setDrafts(result.drafts)
        if (result.notices.length > 0) setNotices(result.notices)
      },
      (e: unknown) => live && setError(failureMessage(e)),
    )
    return () => {
      live = false
    }
  }, [listVersion, setError])

  const create = async (input: NewDraftInput) => {
    try {
      const draft = await api.createDraft(input)
      setModal(null)
      navigate({ screen: 'editor', id: draft.id })
    } catch (e) {
      setError(failureMessage(e))
    }
  }

  /** 起草下一年度 opens the new draft, which then offers to move last year's dates on. */
  const carryForward = async (source: DraftSummary) => {
    setError(null)
    try {
      const next = await api.carryForwardDraft({ id: source.id })
      pendingYearUpdates.set(next.id, {
        sourceTitle: source.title,
        fromYear: source.year,
        toYear: next.year,
      })
      navigate({ screen: 'editor', id: next.id })
    } catch (e) {
      setError(failureMessage(e))
    }
  }

  const dialog =
    modal?.kind === 'new' ? (
      <NewDraftDialog
        initialUnit={drafts?.[0]?.unit ?? ''}
        onCreate={create}
        onClose={() => setModal(null)}
      />
    ) : modal?.kind === 'import' ? (
      <ImportDialog
        onClose={() => setModal(null)}
        onImported={(id) => {
          setModal(null)
          navigate({ screen: 'editor', id })
        }}
      />
    ) : modal?.kind === 'rename' ? (
      <RenameDialog
        title={modal.draft.title}
        onClose={() => setModal(null)}
        onRename={(title) => {
          setModal(null)
          void act(() => api.renameDraft({ id: modal.draft.id, title }), `已重命名为“${title}”`)
        }}
      />
    ) : modal?.kind === 'trash' ? (
      <ConfirmDialog
        title="删除草稿"
        message={`把“${modal.draft.title}”移到回收站？以后可以在回收站中恢复。`}
        confirmLabel="移到回收站"
        danger
        onCancel={() => setModal(null)}
        onConfirm={() => {
          setModal(null)
          void act(
            () => api.trashDraft({ id: modal.draft.id }),
            `已把“${modal.draft.title}”移到回收站`,
          )
        }}
      />
    ) : modal?.kind === 'revisions' ? (
      <Suspense fallback={null}>
        <RevisionsDialog
          id={modal.draft.id}
          title={modal.draft.title}
          onClose={() => setModal(null)}
          onRestored={(draft) => {
            setModal(null)
            setStatus(`已恢复“${draft.meta.title}”的历史版本`)
            reload()
          }}
        />
      </Suspense>
    ) : null

  return (
    <HomeView
      title="草稿箱"
      headingActions={
        <div className="home-actions">
          <button type="button" className="big" onClick={() => setModal({ kind: 'import' })}>
            导入已有报告
          </button>
          <button type="button" className="primary big" onClick={() => setModal({ kind: 'new' })}>
            ＋ 新建
          </button>
        </div>
      }
      notices={notices}
      error={error}
      status={status ?? (drafts ? `共 ${drafts.length} 份` : '正在读取…')}
      version={version}
      dialogs={dialog}
    >
      <DraftTable
        drafts={drafts}
        timeLabel="最后修改"
        timeOf={(d) => d.updatedAt}
        titleCell={(d) => <a href={`#/draft/${d.id}`}>{d.title || '未命名'}</a>}
        empty={
          <>
            <p className="empty-title">还没有草稿</p>
            <p className="empty-hint">
              点击“新建”，从年度、半年或专项总结的模板开始。草稿只保存在这台电脑上，断网也能写。
            </p>
          </>
        }
        actions={(d) => (
          <>
            <button type="button" onClick={() => navigate({ screen: 'editor', id: d.id })}>
              打开
            </button>
            <button type="button" onClick={() => setModal({ kind: 'rename', draft: d })}>
              重命名
            </button>
            <button
              type="button"
              onClick={() => act(() => api.duplicateDraft({ id: d.id }), `已复制“${d.title}”`)}
            >
              复制
            </button>
            <button type="button" onClick={() => void carryForward(d)}>
              起草下一年度
            </button>
            <button type="button" onClick={() => setModal({ kind: 'revisions', draft: d })}>
              历史版本
            </button>
            <button
              type="button"
              className="danger-text"
              onClick={() => setModal({ kind: 'trash', draft: d })}
            >
              删除
            </button>
          </>
        )}
      />
    </HomeView>
  )
}

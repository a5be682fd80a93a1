import { useCallback, useEffect, useMemo, useState } from 'react'

import type { MethodOutput } from '../../../domain/contract.ts'
import { DRAFT_KIND_LABELS, type DraftSummary } from '../../../domain/draft/draft.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { ApiError, api } from '../api/client.ts'
import { ImportDialog } from '../import/ImportDialog.tsx'
import { RevisionsDialog } from '../revisions/RevisionsDialog.tsx'
import { ConfirmDialog } from '../ui/Dialog.tsx'
import { navigate } from '../ui/useRoute.ts'
import { NewDraftDialog, type NewDraftInput } from './NewDraftDialog.tsx'
import { RenameDialog } from './RenameDialog.tsx'

type Trashed = MethodOutput<'listTrash'>['drafts'][number]
type SortKey = 'updated' | 'title' | 'year'
type Modal =
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'rename'; draft: DraftSummary }
  | { kind: 'trash'; draft: DraftSummary }
  | { kind: 'revisions'; draft: DraftSummary }
  | { kind: 'delete-forever'; draft: Trashed }
  | null

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试。')

function matches(draft: DraftSummary, query: string): boolean {
  const q = query.trim()
  if (!q) return true
  return [
    draft.title,
    draft.unit,
    String(draft.year),
    DRAFT_KIND_LABELS[draft.kind],
    draft.topic,
  ].some((f) => f.includes(q))
}

function sortDrafts<T extends DraftSummary>(drafts: T[], key: SortKey): T[] {
  const sorted = [...drafts]
  if (key === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
  else if (key === 'year')
    sorted.sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))
  else sorted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return sorted
}

/** 草稿箱 and 回收站. */
export function HomeScreen({ view }: { view: 'drafts' | 'trash' }) {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null)
  const [trash, setTrash] = useState<Trashed[] | null>(null)
  const [notices, setNotices] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('updated')
  const [modal, setModal] = useState<Modal>(null)
  const [version, setVersion] = useState<string | null>(null)

  useEffect(() => {
    api.getAppInfo({}).then(
      (info) => setVersion(info.version),
      () => setVersion(null),
    )
  }, [])

  // Bumped to read the list again after an action.
  const [listVersion, setListVersion] = useState(0)
  const reload = useCallback(() => setListVersion((n) => n + 1), [])

  useEffect(() => {
    let live = true
    const fail = (e: unknown) => live && setError(message(e))
    if (view === 'drafts') {
      api.listDrafts({}).then((result) => {
        if (!live) return
        setDrafts(result.drafts)
        if (result.notices.length > 0) setNotices(result.notices)
      }, fail)
    } else {
      api.listTrash({}).then((result) => live && setTrash(result.drafts), fail)
    }
    return () => {
      live = false
    }
  }, [view, listVersion])

  /** Runs an action, reports its outcome in the status line, and refreshes the list. */
  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null)
    try {
      await action()
      setStatus(done)
      reload()
    } catch (e) {
      setError(message(e))
    }
  }

  const create = async (input: NewDraftInput) => {
    try {
      const draft = await api.createDraft(input)
      setModal(null)
      navigate({ screen: 'editor', id: draft.id })
    } catch (e) {
      setError(message(e))
    }
  }

  const shown = useMemo(() => {
    const list = view === 'drafts' ? (drafts ?? []) : (trash ?? [])
    return sortDrafts(
      list.filter((d) => matches(d, query)),
      sort,
    )
  }, [view, drafts, trash, query, sort])

  const loaded = view === 'drafts' ? drafts !== null : trash !== null

  return (
    <div className="home">
      <header className="topbar">
        <h1 className="brand">草稿</h1>
        <span className="brand-sub">教育工作总结写作助手</span>
        <nav className="topbar-nav" aria-label="视图">
          <a href="#/" aria-current={view === 'drafts' ? 'page' : undefined}>
            草稿箱
          </a>
          <a href="#/trash" aria-current={view === 'trash' ? 'page' : undefined}>
            回收站
          </a>
        </nav>
      </header>
      <main className="home-main" aria-labelledby="home-title">
        <div className="home-heading">
          <h2 id="home-title">{view === 'drafts' ? '草稿箱' : '回收站'}</h2>
          {view === 'drafts' && (
            <div className="home-actions">
              <button type="button" className="big" onClick={() => setModal({ kind: 'import' })}>
                导入已有报告
              </button>
              <button
                type="button"
                className="primary big"
                onClick={() => setModal({ kind: 'new' })}
              >
                ＋ 新建
              </button>
            </div>
          )}
        </div>
        {notices.map((n) => (
          <p key={n} className="notice" role="status">
            {n}
          </p>
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="home-tools">
          <label className="search">
            <span className="visually-hidden">搜索草稿</span>
            <input
              type="search"
              placeholder="搜索标题、单位、年度"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label>
            排序：
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              <option value="updated">最近修改</option>
              <option value="title">标题</option>
              <option value="year">年度</option>
            </select>
          </label>
        </div>

        {loaded && shown.length === 0 && (
          <section className="empty-state">
            {query ? (
              <p className="empty-title">没有找到“{query}”</p>
            ) : view === 'drafts' ? (
              <>
                <p className="empty-title">还没有草稿</p>
                <p className="empty-hint">
                  点击“新建”，从年度、半年或专项总结的模板开始。草稿只保存在这台电脑上，断网也能写。
                </p>
              </>
            ) : (
              <p className="empty-title">回收站是空的</p>
            )}
          </section>
        )}

        {shown.length > 0 && (
          <table className="draft-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">单位</th>
                <th scope="col">年度</th>
                <th scope="col">类型</th>
                <th scope="col">{view === 'drafts' ? '最后修改' : '删除时间'}</th>
                <th scope="col" className="num">
                  字数
                </th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.id} data-testid="draft-row">
                  <td className="title-cell">
                    {view === 'drafts' ? (
                      <a href={`#/draft/${d.id}`}>{d.title || '未命名'}</a>
                    ) : (
                      d.title || '未命名'
                    )}
                  </td>
                  <td>{d.unit}</td>
                  <td>{d.year || ''}</td>
                  <td>
                    {d.kind === 'topical' && d.topic
                      ? `专项 · ${d.topic}`
                      : DRAFT_KIND_LABELS[d.kind]}
                  </td>
                  <td>
                    {chineseDateTime('trashedAt' in d ? (d as Trashed).trashedAt : d.updatedAt)}
                  </td>
                  <td className="num">{d.wordCount}</td>
                  <td className="actions">
                    {view === 'drafts' ? (
                      <>
                        <button
                          type="button"
                          onClick={() => navigate({ screen: 'editor', id: d.id })}
                        >
                          打开
                        </button>
                        <button
                          type="button"
                          onClick={() => setModal({ kind: 'rename', draft: d })}
                        >
                          重命名
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            act(() => api.duplicateDraft({ id: d.id }), `已复制“${d.title}”`)
                          }
                        >
                          复制
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            act(
                              () => api.carryForwardDraft({ id: d.id }),
                              `已根据“${d.title}”起草${d.year + 1}年度草稿`,
                            )
                          }
                        >
                          起草下一年度
                        </button>
                        <button
                          type="button"
                          onClick={() => setModal({ kind: 'revisions', draft: d })}
                        >
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
                    ) : (
                      <>
                        <button
                          type="button"
                          onClick={() =>
                            act(() => api.restoreDraft({ id: d.id }), `已恢复“${d.title}”`)
                          }
                        >
                          恢复
                        </button>
                        <button
                          type="button"
                          className="danger-text"
                          onClick={() => setModal({ kind: 'delete-forever', draft: d as Trashed })}
                        >
                          彻底删除
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      <footer className="statusbar">
        <span role="status">
          {status ??
            (loaded ? `共 ${(view === 'drafts' ? drafts : trash)?.length ?? 0} 份` : '正在读取…')}
        </span>
        <span className="statusbar-end" data-testid="app-version">
          {version ? `版本 ${version}` : ''}
        </span>
      </footer>

      {modal?.kind === 'new' && (
        <NewDraftDialog
          initialUnit={drafts?.[0]?.unit ?? ''}
          onCreate={create}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'import' && (
        <ImportDialog
          onClose={() => setModal(null)}
          onImported={(id) => {
            setModal(null)
            navigate({ screen: 'editor', id })
          }}
        />
      )}
      {modal?.kind === 'rename' && (
        <RenameDialog
          title={modal.draft.title}
          onClose={() => setModal(null)}
          onRename={(title) => {
            setModal(null)
            void act(() => api.renameDraft({ id: modal.draft.id, title }), `已重命名为“${title}”`)
          }}
        />
      )}
      {modal?.kind === 'trash' && (
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
      )}
      {modal?.kind === 'delete-forever' && (
        <ConfirmDialog
          title="彻底删除"
          message={`彻底删除“${modal.draft.title}”及其全部历史版本？此操作无法撤销。`}
          confirmLabel="彻底删除"
          danger
          onCancel={() => setModal(null)}
          onConfirm={() => {
            setModal(null)
            void act(
              () => api.deleteDraftForever({ id: modal.draft.id }),
              `已彻底删除“${modal.draft.title}”`,
            )
          }}
        />
      )}
      {modal?.kind === 'revisions' && (
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
      )}
    </div>
  )
}

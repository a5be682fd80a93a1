import { useMemo, useState, type ReactNode } from 'react'

import { DRAFT_KIND_LABELS, type DraftSummary } from '../../../domain/draft/draft.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { matchesQuery, sortDrafts, type SortKey } from './draft-list.ts'

/**
 * The list both views share: search and sort above a table of drafts. The view says what the
 * title links to, which time is shown, what each row offers, and what an empty list says.
 */
export function DraftTable<T extends DraftSummary>({
  drafts,
  timeLabel,
  timeOf,
  titleCell,
  actions,
  empty,
}: {
  /** null while the list is being read. */
  drafts: readonly T[] | null
  timeLabel: string
  timeOf: (draft: T) => string
  titleCell: (draft: T) => ReactNode
  actions: (draft: T) => ReactNode
  empty: ReactNode
}) {
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('updated')
  const shown = useMemo(
    () =>
      sortDrafts(
        (drafts ?? []).filter((d) => matchesQuery(d, query)),
        sort,
      ),
    [drafts, query, sort],
  )

  return (
    <>
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

      {drafts !== null && shown.length === 0 && (
        <section className="empty-state">
          {query ? <p className="empty-title">没有找到“{query}”</p> : empty}
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
              <th scope="col">{timeLabel}</th>
              <th scope="col" className="num">
                字数
              </th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id} data-testid="draft-row">
                <td className="title-cell">{titleCell(d)}</td>
                <td>{d.unit}</td>
                <td>{d.year || ''}</td>
                <td>
                  {d.kind === 'topical' && d.topic
                    ? `专项 · ${d.topic}`
                    : DRAFT_KIND_LABELS[d.kind]}
                </td>
                <td>{chineseDateTime(timeOf(d))}</td>
                <td className="num">{d.wordCount}</td>
                <td className="actions">{actions(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

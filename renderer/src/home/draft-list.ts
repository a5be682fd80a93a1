import { DRAFT_KIND_LABELS, type DraftSummary } from '../../../domain/draft/draft.ts'
import { ApiError } from '../api/client.ts'

export type SortKey = 'updated' | 'title' | 'year'

/** The message for a failed action on the home screen. */
export const failureMessage = (e: unknown) =>
  e instanceof ApiError ? e.message : '操作失败，请重试。'

export function matchesQuery(draft: DraftSummary, query: string): boolean {
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

export function sortDrafts<T extends DraftSummary>(drafts: readonly T[], key: SortKey): T[] {
  const sorted = [...drafts]
  if (key === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
  else if (key === 'year')
    sorted.sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))
  else sorted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return sorted
}

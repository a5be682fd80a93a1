import { z } from 'zod'

export const revisionReasonSchema = z.enum([
  'created',
  'periodic',
  'close',
  'before-restore',
  'before-carry-forward',
  'before-import',
  'before-delete',
  'before-bulk-change',
])
export type RevisionReason = z.infer<typeof revisionReasonSchema>

export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  created: '新建',
  periodic: '自动保存',
  close: '关闭时',
  'before-restore': '恢复历史版本前',
  'before-carry-forward': '起草下一年度前',
  'before-import': '导入前',
  'before-delete': '删除前',
  'before-bulk-change': '批量修改前',
}

export const revisionInfoSchema = z.object({
  /** The file name without .json; sortable by time. */
  id: z.string().regex(/^\d{8}T\d{9}Z-r\d+-[a-z-]+-w\d+$/),
  createdAt: z.iso.datetime(),
  revision: z.number().int(),
  reason: revisionReasonSchema,
  wordCount: z.number().int(),
})
export type RevisionInfo = z.infer<typeof revisionInfoSchema>

/** A snapshot at most this often while the writer edits. */
export const PERIODIC_SNAPSHOT_MS = 5 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

function compactIso(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

export function revisionId(
  createdAt: Date,
  revision: number,
  reason: RevisionReason,
  wordCount: number,
): string {
  return `${compactIso(createdAt)}-r${revision}-${reason}-w${wordCount}`
}

const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-r(\d+)-([a-z-]+)-w(\d+)$/

/** Reads what a revision's file name says; null for anything else in the folder. */
export function parseRevisionId(id: string): RevisionInfo | null {
  const m = ID_PATTERN.exec(id)
  if (!m) return null
  const reason = revisionReasonSchema.safeParse(m[9])
  if (!reason.success) return null
  const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`
  if (Number.isNaN(Date.parse(createdAt))) return null
  return { id, createdAt, revision: Number(m[8]), reason: reason.data, wordCount: Number(m[10]) }
}

function localDay(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`
}

/**
 * Retention: every snapshot of the last 24 hours, then the newest of each day for
 * 90 days, nothing older. Returns the ones to remove.
 */
export function revisionsToPrune(revisions: readonly RevisionInfo[], now: Date): RevisionInfo[] {
  const newestFirst = [...revisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keptDays = new Set<string>()
  const prune: RevisionInfo[] = []
  for (const rev of newestFirst) {
    const age = now.getTime() - Date.parse(rev.createdAt)
    if (age < DAY_MS) continue
    if (age > 90 * DAY_MS) {
      prune.push(rev)
      continue
    }
    const day = localDay(rev.createdAt)
    if (keptDays.has(day)) prune.push(rev)
    else keptDays.add(day)
  }
  return prune
}

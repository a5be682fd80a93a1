import { z } from 'zod'

export const revisionReasonSchema = z.enum([
  'created',
  'periodic',
  'close',
  'before-restore',
  'before-carry-forward',
  'before-delete',
  'before-bulk-change',
  /** A save refused because another window had saved first: the refused text, kept. */
  'conflict-unsaved',
])
export type RevisionReason = z.infer<typeof revisionReasonSchema>

export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  created: '新建',
  periodic: '自动保存',
  close: '关闭时',
  'before-restore': '恢复历史版本前',
  'before-carry-forward': '起草下一年度前',
  'before-delete': '删除前',
  'before-bulk-change': '批量修改前',
  'conflict-unsaved': '另一窗口修改时未保存的内容',
}

export const revisionInfoSchema = z.object({
  /** The file name without .json. */
  id: z.string().regex(/^\d{8}T\d{9}Z(?:-s\d+)?-r\d+-[a-z-]+-w\d+$/),
  createdAt: z.iso.datetime(),
  /**
   * The order revisions were written in, one more than the highest before it; the clock
   * can be set back or forward, this cannot. Absent in files written before it existed.
   */
  sequence: z.number().int().min(1).optional(),
  revision: z.number().int(),
  reason: revisionReasonSchema,
  wordCount: z.number().int(),
})
export type RevisionInfo = z.infer<typeof revisionInfoSchema>

/** A snapshot at most this often while the writer edits. */
export const PERIODIC_SNAPSHOT_MS = 5 * 60 * 1000
/** Pruning never removes the newest this many revisions, whatever the clock says. */
export const ALWAYS_KEPT_REVISIONS = 20
const DAY_MS = 24 * 60 * 60 * 1000

function compactIso(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

export function revisionId(
  createdAt: Date,
  revision: number,
  reason: RevisionReason,
  wordCount: number,
  sequence?: number,
): string {
  const seq = sequence === undefined ? '' : `-s${sequence}`
  return `${compactIso(createdAt)}${seq}-r${revision}-${reason}-w${wordCount}`
}

const ID_PATTERN =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-s(\d+))?-r(\d+)-([a-z-]+)-w(\d+)$/

/** Reads what a revision's file name says; null for anything else in the folder. */
export function parseRevisionId(id: string): RevisionInfo | null {
  const m = ID_PATTERN.exec(id)
  if (!m) return null
  const reason = revisionReasonSchema.safeParse(m[10])
  if (!reason.success) return null
  const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`
  if (Number.isNaN(Date.parse(createdAt))) return null
  const info: RevisionInfo = {
    id,
    createdAt,
    revision: Number(m[9]),
    reason: reason.data,
    wordCount: Number(m[11]),
  }
  if (m[8] !== undefined) info.sequence = Number(m[8])
  return info
}

/**
 * Newest first: by sequence, then by the time in the name. Files from before the sequence
 * existed count as 0, older than any numbered one, and keep the only order they had.
 */
export function compareNewestFirst(a: RevisionInfo, b: RevisionInfo): number {
  return (b.sequence ?? 0) - (a.sequence ?? 0) || b.createdAt.localeCompare(a.createdAt)
}

/** The sequence number the next revision gets. */
export function nextSequence(revisions: readonly RevisionInfo[]): number {
  let max = 0
  for (const r of revisions) max = Math.max(max, r.sequence ?? 0)
  return max + 1
}

function localDay(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`
}

/**
 * Retention: the newest ALWAYS_KEPT_REVISIONS whatever their dates, every snapshot of
 * the last 24 hours, then the newest of each day for 90 days, nothing older. A date
 * ahead of `now` (the clock was set back) counts as recent. Returns the ones to remove.
 */
export function revisionsToPrune(revisions: readonly RevisionInfo[], now: Date): RevisionInfo[] {
  const newestFirst = [...revisions].sort(compareNewestFirst)
  const keptDays = new Set<string>()
  const prune: RevisionInfo[] = []
  newestFirst.forEach((rev, index) => {
    const age = now.getTime() - Date.parse(rev.createdAt)
    if (age < DAY_MS) return
    const day = localDay(rev.createdAt)
    if (index < ALWAYS_KEPT_REVISIONS) keptDays.add(day)
    else if (age > 90 * DAY_MS || keptDays.has(day)) prune.push(rev)
    else keptDays.add(day)
  })
  return prune
}

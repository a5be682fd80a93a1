import { stat } from 'node:fs/promises'

import { summarize, type DraftSummary } from '../../../domain/draft/draft.ts'
import type { RevisionStore } from './revision-store.ts'

/** Shown in place of a title nothing readable is left for. */
export const UNREADABLE_TITLE = '（无法读取的草稿）'

/**
 * How a draft that cannot be read is listed, so that it stays visible (to open, to see why,
 * to delete) and never hides the others: with the title of its newest readable revision
 * when there is one.
 */
export async function damagedSummary(
  revisions: RevisionStore,
  id: string,
  folder: string,
  revisionsDir: string,
): Promise<DraftSummary> {
  const good = await revisions.newestGood(id, revisionsDir).catch(() => null)
  if (good) return { ...summarize({ ...good.draft, id }), damaged: true }
  const info = await stat(folder).catch(() => null)
  return {
    id,
    title: UNREADABLE_TITLE,
    unit: '',
    year: 0,
    kind: 'blank',
    topic: '',
    updatedAt: (info?.mtime ?? new Date(0)).toISOString(),
    wordCount: 0,
    revision: 0,
    damaged: true,
  }
}

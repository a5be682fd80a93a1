import { mkdir, readdir, readFile, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

import {
  draftIdSchema,
  summarize,
  type DraftFile,
  type DraftSummary,
} from '../../../domain/draft/draft.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode, renameWithRetry, writeFileAtomic } from './atomic-write.ts'
import { damagedSummary } from './damaged-summary.ts'
import { decodeDraft } from './draft-codec.ts'
import type { StoreContext } from './draft-commit.ts'
import { notFound } from './draft-errors.ts'
import type { RevisionStore } from './revision-store.ts'

export interface TrashedDraft extends DraftSummary {
  trashedAt: string
}

/**
 * Moves a draft to trash/: a 'before-delete' revision of its text, the time it was
 * deleted, and the move itself, all under the draft's lock, so a save never lands in
 * between; a save after it finds no folder and does not make one.
 */
export async function moveToTrash(
  ctx: StoreContext,
  revisions: RevisionStore,
  id: string,
  current: () => Promise<DraftFile>,
): Promise<void> {
  const dir = ctx.paths.dir(id)
  const target = ctx.paths.trashed(id)
  let draft: DraftFile | null = null
  try {
    draft = await current()
  } catch (error) {
    // A draft that cannot be read is still moved whole; its files go with it.
    if (!(error instanceof ServiceError) || error.code === 'NOT_FOUND') throw error
    ctx.log(`trashing ${id} without a before-delete revision`, error)
  }
  if (draft) await revisions.write(draft, 'before-delete')
  await mkdir(ctx.paths.trash, { recursive: true })
  await writeFileAtomic(join(dir, 'trashed-at'), ctx.now().toISOString(), {
    fs: ctx.fs,
    retryDelaysMs: ctx.retryDelaysMs,
  })
  await renameWithRetry(dir, target, { fs: ctx.fs, retryDelaysMs: ctx.retryDelaysMs })
  // The lock moved with the folder; the holder's release looks for it where it was.
  await unlink(join(target, '.lock')).catch(() => undefined)
  ctx.heads.delete(id)
  revisions.forget(id)
}

export async function listTrash(
  ctx: StoreContext,
  revisions: RevisionStore,
): Promise<TrashedDraft[]> {
  const entries = await readdir(ctx.paths.trash, { withFileTypes: true }).catch(() => [])
  const result: TrashedDraft[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || !draftIdSchema.safeParse(entry.name).success) continue
    const dir = join(ctx.paths.trash, entry.name)
    try {
      const draft = decodeDraft(await readFile(join(dir, 'draft.json')))
      const trashedAt = (
        await readFile(join(dir, 'trashed-at'), 'utf8').catch(() => draft.updatedAt)
      ).trim()
      result.push({ ...summarize(draft), trashedAt: validIso(trashedAt) ?? draft.updatedAt })
    } catch {
      // A damaged draft in the trash stays on disk; restoring it runs the usual recovery.
      const summary = await damagedSummary(revisions, entry.name, dir, join(dir, 'revisions'))
      const at = (await stat(dir)).mtime.toISOString()
      result.push({ ...summary, trashedAt: at })
    }
  }
  return result.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))
}

function validIso(text: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) &&
    !Number.isNaN(Date.parse(text))
    ? text
    : null
}

/** Moves a draft back from the trash; the caller opens it (recovering it if it is damaged). */
export async function moveFromTrash(ctx: StoreContext, id: string): Promise<void> {
  const dir = ctx.paths.dir(id)
  await mkdir(ctx.paths.drafts, { recursive: true })
  try {
    await renameWithRetry(ctx.paths.trashed(id), dir, {
      fs: ctx.fs,
      retryDelaysMs: ctx.retryDelaysMs,
    })
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw notFound()
    throw error
  }
  await rm(join(dir, 'trashed-at'), { force: true })
  // A lock moved into the trash by an older version would block saves for its first 30 s.
  await rm(join(dir, '.lock'), { force: true })
}

/** Only after the writer confirmed it: the one place a draft is removed from disk. */
export async function deleteForever(ctx: StoreContext, id: string): Promise<void> {
  const target = ctx.paths.trashed(id)
  if (!(await stat(target).catch(() => null))) throw notFound()
  await rm(target, { recursive: true, force: true })
}

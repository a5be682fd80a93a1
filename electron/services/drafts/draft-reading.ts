import { readdir, readFile, stat } from 'node:fs/promises'

import { draftIdSchema, summarize, type DraftSummary } from '../../../domain/draft/draft.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode } from './atomic-write.ts'
import { damagedSummary } from './damaged-summary.ts'
import { decodeDraft } from './draft-codec.ts'
import { rememberHead, type Head, type StoreContext } from './draft-commit.ts'
import { DamagedFileError, asServiceError, notFound } from './draft-errors.ts'
import { quarantine, recoverDraft, removeDeadTempFiles, type OpenedDraft } from './recovery.ts'
import type { RevisionStore } from './revision-store.ts'

/** Reads and checks a draft file; a folder or a file of another draft in its place is damage too. */
async function readDraftFile(ctx: StoreContext, id: string) {
  let bytes: Buffer
  try {
    bytes = await readFile(ctx.paths.file(id))
  } catch (error) {
    if (errorCode(error) === 'EISDIR') {
      throw new DamagedFileError('草稿文件的位置变成了一个文件夹')
    }
    throw error
  }
  const draft = decodeDraft(bytes)
  if (draft.id !== id) throw new DamagedFileError('文件属于另一份草稿')
  return draft
}

/** Loads a draft; a damaged file is quarantined and the newest good revision takes its place. */
export async function openDraft(
  ctx: StoreContext,
  revisions: RevisionStore,
  id: string,
): Promise<OpenedDraft> {
  await removeDeadTempFiles(ctx, id)
  let reason: string
  try {
    const draft = await readDraftFile(ctx, id)
    await rememberHead(ctx, draft)
    return { draft, notice: null }
  } catch (error) {
    if (error instanceof DamagedFileError) reason = error.message
    else if (errorCode(error) !== 'ENOENT') throw asServiceError(error, '打开草稿')
    else if (!(await stat(ctx.paths.dir(id)).catch(() => null))) throw notFound()
    else reason = '草稿文件不见了'
  }
  try {
    return await recoverDraft(ctx, revisions, id, reason)
  } catch (error) {
    throw asServiceError(error, '恢复草稿')
  }
}

/**
 * The revision on disk before a save, read again only when the file changed under us.
 * A damaged file is set aside: the writer holds the whole draft, and theirs is written.
 */
export async function readHead(ctx: StoreContext, id: string): Promise<Head | null> {
  const info = await stat(ctx.paths.file(id)).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  })
  if (!info) return null
  const cached = ctx.heads.get(id)
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
  try {
    await rememberHead(ctx, await readDraftFile(ctx, id))
    return ctx.heads.get(id) ?? null
  } catch (error) {
    if (!(error instanceof DamagedFileError)) throw error
    await quarantine(ctx, id, ctx.paths.file(id))
    return null
  }
}

/**
 * Every draft; one that cannot be read is listed as damaged (with what its newest
 * readable revision says) and never hides the others.
 */
export async function listDrafts(
  ctx: StoreContext,
  revisions: RevisionStore,
): Promise<{ drafts: DraftSummary[]; notices: string[] }> {
  const drafts: DraftSummary[] = []
  const notices: string[] = []
  for (const entry of await readdir(ctx.paths.drafts, { withFileTypes: true })) {
    if (!entry.isDirectory() || !draftIdSchema.safeParse(entry.name).success) continue
    const id = entry.name
    try {
      const info = await stat(ctx.paths.file(id)).catch(() => null)
      const cached = ctx.heads.get(id)
      if (info && cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
        drafts.push(cached.summary)
        continue
      }
      const { draft, notice } = await openDraft(ctx, revisions, id)
      if (notice) notices.push(notice)
      drafts.push(summarize(draft))
    } catch (error) {
      const summary = await damagedSummary(
        revisions,
        id,
        ctx.paths.dir(id),
        ctx.paths.revisions(id),
      )
      drafts.push(summary)
      const why = error instanceof ServiceError ? error.message : '读取时出错'
      notices.push(`草稿“${summary.title}”无法打开：${why}`)
      if (!(error instanceof ServiceError)) ctx.log(`listing ${id}`, error)
    }
  }
  drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return { drafts, notices }
}

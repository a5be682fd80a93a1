import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode, renameWithRetry, writeNewFile } from './atomic-write.ts'
import { commitDraft, type StoreContext } from './draft-commit.ts'
import { fileStamp } from './draft-paths.ts'
import { isAlive } from './file-lock.ts'
import type { RevisionStore } from './revision-store.ts'

export interface OpenedDraft {
  draft: DraftFile
  /** Set when the file was damaged and a revision was loaded instead: what happened, in Chinese. */
  notice: string | null
}

/** Where a copy of unsaved text went, or why it could not be written. */
export type SideFile = { path: string } | { path: null; error: unknown }

/** A staging folder of a create that did not finish is this old before another process clears it. */
const STAGING_STALE_MS = 10 * 60_000

/** Moves a damaged file aside into the draft's quarantine/, never deleting it. Returns where it went. */
export async function quarantine(
  ctx: StoreContext,
  id: string,
  path: string,
): Promise<string | null> {
  const dir = ctx.paths.quarantine(id)
  await mkdir(dir, { recursive: true })
  const target = join(dir, `${fileStamp(ctx.now())}-${randomUUID().slice(0, 8)}.json`)
  try {
    await renameWithRetry(path, target, { fs: ctx.fs, retryDelaysMs: ctx.retryDelaysMs })
    return target
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

/** The damaged draft file is quarantined and the newest good revision becomes the draft again. */
export async function recoverDraft(
  ctx: StoreContext,
  revisions: RevisionStore,
  id: string,
  reason: string,
): Promise<OpenedDraft> {
  const moved = await quarantine(ctx, id, ctx.paths.file(id))
  const good = await revisions.newestGood(id)
  if (!good) {
    throw new ServiceError(
      'IO_ERROR',
      `草稿文件已损坏（${reason}），也没有可用的历史版本。${moved ? `原文件保存在：${moved}` : ''}`,
    )
  }
  const { draft } = await commitDraft(ctx, {
    ...good.draft,
    id,
    revision: good.draft.revision + 1,
    updatedAt: ctx.now().toISOString(),
  })
  const where = moved ? '原文件已移到隔离文件夹保存，没有删除。' : ''
  return {
    draft,
    notice: `草稿“${draft.meta.title || '未命名'}”的文件已损坏（${reason}）。${where}已从 ${chineseDateTime(good.info.createdAt)} 的历史版本恢复，此后的修改可能需要补写。`,
  }
}

/**
 * A copy of text that could not be saved, in recovery/ outside the draft's own folder.
 * Best effort: on a full disk this copy usually fails too, and the caller says so.
 */
export async function writeSideFile(
  ctx: StoreContext,
  id: string,
  text: string,
): Promise<SideFile> {
  try {
    await mkdir(ctx.paths.recovery, { recursive: true })
    const path = join(
      ctx.paths.recovery,
      `${id}-${fileStamp(ctx.now())}-${randomUUID().slice(0, 8)}.json`,
    )
    await writeNewFile(path, text, ctx.fs, true)
    return { path }
  } catch (error) {
    return { path: null, error }
  }
}

/** Half-written temp files of processes that died mid-save (crash, power cut, kill), in the draft and its revisions. */
export async function removeDeadTempFiles(ctx: StoreContext, id: string): Promise<void> {
  for (const dir of [ctx.paths.dir(id), ctx.paths.revisions(id)]) {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      const m = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)
      if (m && !isAlive(Number(m[1]))) await unlink(join(dir, name)).catch(() => undefined)
    }
  }
}

/** The name of a new draft's staging folder: the creating process's pid, so others know when it died. */
export function stagingName(id: string): string {
  return `.new-p${process.pid}-${id}`
}

/**
 * Staging folders of creates that never finished (the process died, or the disk filled).
 * They hold no text the writer has seen: the source of a create is still where it was.
 * A folder of a live process is left alone unless it is old (its pid may have been reused).
 */
export async function removeDeadStaging(ctx: StoreContext): Promise<void> {
  const entries = await readdir(ctx.paths.drafts, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.name.startsWith('.new-')) continue
    const path = join(ctx.paths.drafts, entry.name)
    const pid = Number(/^\.new-p(\d+)-/.exec(entry.name)?.[1] ?? 0)
    const info = await stat(path).catch(() => null)
    // File times come from the real clock, not the store's injectable one.
    const age = info ? Date.now() - info.mtimeMs : 0
    const dead = pid > 0 && pid !== process.pid && !isAlive(pid)
    if (dead || age > (pid > 0 ? STAGING_STALE_MS : 60_000)) {
      await rm(path, { recursive: true, force: true }).catch((error: unknown) =>
        ctx.log(`could not remove the staging folder ${path}`, error),
      )
    }
  }
}

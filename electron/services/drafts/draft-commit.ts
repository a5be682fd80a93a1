import { lstat, stat } from 'node:fs/promises'
import { join } from 'node:path'

import { summarize, type DraftFile, type DraftSummary } from '../../../domain/draft/draft.ts'
import { errorCode, writeFileAtomic, type AtomicFs } from './atomic-write.ts'
import { checkedDraft, type CheckedDraft } from './draft-codec.ts'
import type { DraftPaths } from './draft-paths.ts'

/** What the store knows of a draft file on disk, valid while its mtime and size stay the same. */
export interface Head {
  revision: number
  createdAt: string
  mtimeMs: number
  size: number
  summary: DraftSummary
}

/** What the store's modules share: where files are, the clock, the file operations, the caches. */
export interface StoreContext {
  paths: DraftPaths
  now: () => Date
  fs: AtomicFs
  retryDelaysMs: readonly number[] | undefined
  /** Failures the writer need not see but someone should (a snapshot that could not be written). */
  log: (message: string, error: unknown) => void
  heads: Map<string, Head>
}

/** Remembers what `file` now holds, so a later read of the same file can be skipped. */
export async function rememberHead(
  ctx: StoreContext,
  draft: DraftFile,
  file = ctx.paths.file(draft.id),
): Promise<void> {
  const info = await stat(file)
  ctx.heads.set(draft.id, {
    revision: draft.revision,
    createdAt: draft.createdAt,
    mtimeMs: info.mtimeMs,
    size: info.size,
    summary: summarize(draft),
  })
}

/**
 * Refuses a draft folder that is a link: the store writes only inside its own data folder.
 * The atomic write already replaces a link at the file itself rather than writing through it.
 */
export async function assertRealFolder(path: string): Promise<void> {
  const info = await lstat(path)
  if (info.isSymbolicLink() || !info.isDirectory()) {
    throw Object.assign(new Error(`not a real folder: ${path}`), { code: 'ELOOP' })
  }
}

/**
 * The one way a draft file reaches disk, whichever path produced it (create, save, restore,
 * rename, carry forward, duplicate, import, recovery): checked by the same schema as a read,
 * encoded, written atomically into `dir` (the draft's folder, or a new draft's staging
 * folder), and remembered. Returns the draft as written and its text.
 */
export async function commitDraft(
  ctx: StoreContext,
  draft: DraftFile | CheckedDraft,
  dir?: string,
): Promise<CheckedDraft> {
  const checked = checkedDraft(draft)
  dir ??= ctx.paths.dir(checked.draft.id)
  await assertRealFolder(dir)
  const file = join(dir, 'draft.json')
  await writeFileAtomic(file, checked.text, { fs: ctx.fs, retryDelaysMs: ctx.retryDelaysMs })
  await rememberHead(ctx, checked.draft, file).catch((error: unknown) => {
    // Written but not statable (moved at once by another process): the next read re-reads it.
    if (errorCode(error) !== 'ENOENT') throw error
  })
  return checked
}

import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import {
  PERIODIC_SNAPSHOT_MS,
  compareNewestFirst,
  nextSequence,
  parseRevisionId,
  revisionId,
  revisionsToPrune,
  type RevisionInfo,
  type RevisionReason,
} from '../../../domain/draft/revisions.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode, writeFileAtomic } from './atomic-write.ts'
import { checkedDraft, decodeDraft, type CheckedDraft } from './draft-codec.ts'
import { assertRealFolder, type StoreContext } from './draft-commit.ts'
import { DamagedFileError } from './draft-errors.ts'

const revisionNotFound = () => new ServiceError('NOT_FOUND', '找不到这个历史版本。')

/**
 * The revisions of each draft, as files in its revisions/ folder named by time, sequence,
 * revision, reason and word count; ordered by sequence, never by the clock.
 */
export class RevisionStore {
  /** When this process last took a snapshot of each draft, by its clock. */
  private readonly lastSnapshot = new Map<string, number>()

  private readonly ctx: StoreContext

  constructor(ctx: StoreContext) {
    this.ctx = ctx
  }

  /** Newest first. */
  async list(id: string, dir = this.ctx.paths.revisions(id)): Promise<RevisionInfo[]> {
    const names = await readdir(dir).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return [] as string[]
      throw error
    })
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => parseRevisionId(name.slice(0, -5)))
      .filter((info): info is RevisionInfo => info !== null)
      .sort(compareNewestFirst)
  }

  async read(id: string, revId: string, dir = this.ctx.paths.revisions(id)): Promise<DraftFile> {
    if (!parseRevisionId(revId)) throw revisionNotFound()
    try {
      return decodeDraft(await readFile(join(dir, `${revId}.json`)))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw revisionNotFound()
      if (error instanceof DamagedFileError)
        throw new ServiceError('IO_ERROR', `这个历史版本已损坏（${error.message}）。`)
      throw error
    }
  }

  /** The newest revision that still reads as a draft, or null; `dir` for a draft in the trash. */
  async newestGood(
    id: string,
    dir = this.ctx.paths.revisions(id),
  ): Promise<{ info: RevisionInfo; draft: DraftFile } | null> {
    for (const info of await this.list(id, dir)) {
      try {
        return { info, draft: await this.read(id, info.id, dir) }
      } catch {
        continue
      }
    }
    return null
  }

  /**
   * Writes `draft` as a new revision, then prunes. `dir` is the draft's folder, or a new
   * draft's staging folder. The revisions folder is made only inside an existing draft
   * folder, so a late snapshot never brings back a folder that was moved to the trash.
   */
  async write(
    snapshot: DraftFile | CheckedDraft,
    reason: RevisionReason,
    dir?: string,
  ): Promise<RevisionInfo> {
    const { draft, text } = checkedDraft(snapshot)
    dir ??= this.ctx.paths.dir(draft.id)
    const revisionsDir = join(dir, 'revisions')
    await assertRealFolder(dir)
    await mkdir(revisionsDir).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error
    })
    await assertRealFolder(revisionsDir)
    const existing = await this.list(draft.id, revisionsDir)
    const at = this.ctx.now()
    const revId = revisionId(at, draft.revision, reason, draft.wordCount, nextSequence(existing))
    await writeFileAtomic(join(revisionsDir, `${revId}.json`), text, {
      fs: this.ctx.fs,
      retryDelaysMs: this.ctx.retryDelaysMs,
    })
    this.lastSnapshot.set(draft.id, at.getTime())
    const written = parseRevisionId(revId)!
    for (const old of revisionsToPrune([written, ...existing], at)) {
      await unlink(join(revisionsDir, `${old.id}.json`)).catch(() => undefined)
    }
    return written
  }

  /**
   * Whether a save should also leave a periodic snapshot. A clock set back (the last
   * snapshot seems to lie in the future) counts as due, so snapshots never stop.
   */
  async periodicDue(id: string): Promise<boolean> {
    let last = this.lastSnapshot.get(id)
    if (last === undefined) {
      const newest = (await this.list(id))[0]
      last = newest ? Date.parse(newest.createdAt) : Number.NEGATIVE_INFINITY
      this.lastSnapshot.set(id, last)
    }
    const elapsed = this.ctx.now().getTime() - last
    return elapsed >= PERIODIC_SNAPSHOT_MS || elapsed < 0
  }

  forget(id: string): void {
    this.lastSnapshot.delete(id)
  }
}

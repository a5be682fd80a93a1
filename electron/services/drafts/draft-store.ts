import { randomUUID } from 'node:crypto'
import { lstat, mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

import { carryForward } from '../../../domain/draft/carry-forward.ts'
import {
  summarize,
  type DraftContent,
  type DraftFile,
  type DraftSummary,
} from '../../../domain/draft/draft.ts'
import { draftFileOf, newDraftFile } from '../../../domain/draft/new-draft.ts'
import type { RevisionInfo, RevisionReason } from '../../../domain/draft/revisions.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode, nodeFs, renameWithRetry, type AtomicFs } from './atomic-write.ts'
import { checkedDraft, type CheckedDraft } from './draft-codec.ts'
import { commitDraft, type Head, type StoreContext } from './draft-commit.ts'
import { asServiceError, explained, notFound, saveFailure } from './draft-errors.ts'
import { DraftPaths } from './draft-paths.ts'
import { listDrafts, openDraft, readHead } from './draft-reading.ts'
import { withFileLock } from './file-lock.ts'
import { removeDeadStaging, stagingName, writeSideFile, type OpenedDraft } from './recovery.ts'
import { RevisionStore } from './revision-store.ts'
import { deleteForever, listTrash, moveFromTrash, moveToTrash, type TrashedDraft } from './trash.ts'

export type { OpenedDraft } from './recovery.ts'
export type { TrashedDraft } from './trash.ts'

export interface DraftStoreOptions {
  /** The app's data folder; drafts, trash and recovery files live below it. */
  dataDir: string
  now?: () => Date
  /** For tests: spies and injected failures. */
  fs?: AtomicFs
  retryDelaysMs?: readonly number[]
  /** Where failures the writer need not see are reported; console.warn by default. */
  log?: (message: string, error: unknown) => void
}

export interface SaveResult {
  revision: number
  updatedAt: string
  wordCount: number
}

/**
 * Drafts on disk (see DraftPaths for the layout). Every draft file is written by
 * commitDraft; revisions, recovery and the trash live in modules of their own.
 */
export class DraftStore {
  readonly dataDir: string
  private readonly ctx: StoreContext
  private readonly revisions: RevisionStore
  private started: Promise<void> | null = null

  constructor(options: DraftStoreOptions) {
    this.dataDir = options.dataDir
    this.ctx = {
      paths: new DraftPaths(options.dataDir),
      now: options.now ?? (() => new Date()),
      fs: options.fs ?? nodeFs,
      retryDelaysMs: options.retryDelaysMs,
      log: options.log ?? ((message, error) => console.warn(`[drafts] ${message}`, error)),
      heads: new Map<string, Head>(),
    }
    this.revisions = new RevisionStore(this.ctx)
  }

  private get paths() {
    return this.ctx.paths
  }

  /** Once per store: the drafts folder exists, and leftovers of creates that died are cleared. */
  private start(): Promise<void> {
    this.started ??= (async () => {
      await mkdir(this.paths.drafts, { recursive: true })
      await removeDeadStaging(this.ctx)
    })().catch((error: unknown) => {
      this.started = null
      throw error
    })
    return this.started
  }

  /** Runs `fn` under the draft's lock, every error in the writer's words. */
  private async lock<T>(id: string, action: string, fn: () => Promise<T>): Promise<T> {
    try {
      const dir = this.paths.dir(id)
      const info = await lstat(dir).catch(() => null)
      if (!info || !info.isDirectory()) throw notFound()
      return await withFileLock(this.paths.lock(id), fn, { fs: this.ctx.fs })
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw notFound()
      throw asServiceError(error, action)
    }
  }

  /**
   * Every draft; one that cannot be read is listed as damaged (with what its newest
   * readable revision says) and never hides the others.
   */
  async list(): Promise<{ drafts: DraftSummary[]; notices: string[] }> {
    return explained('读取草稿列表', async () => {
      await this.start()
      return listDrafts(this.ctx, this.revisions)
    })
  }

  /**
   * A new draft is built in a hidden staging folder and renamed into place whole, so a
   * listing running at the same moment never sees a draft folder without its file; a
   * create that fails removes its staging folder.
   */
  async create(content: DraftContent): Promise<DraftFile> {
    const id = randomUUID()
    const staging = join(this.paths.drafts, stagingName(id))
    try {
      await this.start()
      await mkdir(staging)
      const created = await commitDraft(
        this.ctx,
        newDraftFile(content, id, this.ctx.now()),
        staging,
      )
      await this.revisions.write(created, 'created', staging)
      await renameWithRetry(staging, this.paths.dir(id), {
        fs: this.ctx.fs,
        retryDelaysMs: this.ctx.retryDelaysMs,
      })
      return created.draft
    } catch (error) {
      this.ctx.heads.delete(id)
      await rm(staging, { recursive: true, force: true }).catch((cleanup: unknown) =>
        this.ctx.log(`could not remove ${staging}`, cleanup),
      )
      throw asServiceError(error, '新建草稿')
    }
  }

  /** Loads a draft; a damaged file is quarantined and the newest good revision takes its place. */
  open(id: string): Promise<OpenedDraft> {
    return openDraft(this.ctx, this.revisions, id)
  }

  /**
   * Writes the writer's content if the file is still at `baseRevision`; otherwise someone
   * else saved in between and nothing is overwritten. On any failure, the lock's included,
   * the text goes to a side file if the disk lets it, and the message says which.
   */
  async save(id: string, baseRevision: number, content: DraftContent): Promise<SaveResult> {
    let text: string | null = null
    let saved: DraftFile | null
    try {
      saved = await this.lock(id, '保存', async () => {
        const head = await readHead(this.ctx, id)
        const at = this.ctx.now().toISOString()
        const checked = checkedDraft(
          draftFileOf(content, {
            id,
            revision: (head?.revision ?? baseRevision) + 1,
            createdAt: head?.createdAt ?? at,
            updatedAt: at,
          }),
        )
        text = checked.text
        if (head && head.revision !== baseRevision) return null
        await commitDraft(this.ctx, checked)
        await this.periodicSnapshot(checked)
        return checked.draft
      })
    } catch (error) {
      text ??= this.unsavedText(id, baseRevision, content)
      const side = text === null ? null : await writeSideFile(this.ctx, id, text)
      throw saveFailure(error, side)
    }
    if (!saved) {
      const side = await writeSideFile(this.ctx, id, text!)
      throw new ServiceError(
        'CONFLICT',
        `这份草稿已在另一个窗口或程序中被修改。为避免互相覆盖，本次修改没有写入草稿${side.path ? `，已另存到 ${side.path}` : ''}。请重新打开草稿。`,
      )
    }
    return { revision: saved.revision, updatedAt: saved.updatedAt, wordCount: saved.wordCount }
  }

  /** The writer's text as a draft file, for a recovery copy when the save failed before building it. */
  private unsavedText(id: string, baseRevision: number, content: DraftContent): string | null {
    const at = this.ctx.now().toISOString()
    try {
      return checkedDraft(
        draftFileOf(content, { id, revision: baseRevision + 1, createdAt: at, updatedAt: at }),
      ).text
    } catch {
      return null
    }
  }

  /** Inside the save's lock, so it never lands in a folder that has just gone to the trash. */
  private async periodicSnapshot(checked: CheckedDraft): Promise<void> {
    const { draft } = checked
    try {
      if (draft.revision > 0 && (await this.revisions.periodicDue(draft.id))) {
        await this.revisions.write(checked, 'periodic')
      }
    } catch (error) {
      // The save itself succeeded; the next save tries the snapshot again.
      this.ctx.log(`periodic snapshot of ${draft.id} failed`, error)
    }
  }

  /** A snapshot of the current file now (on close, before anything destructive). */
  async snapshot(id: string, reason: RevisionReason): Promise<RevisionInfo> {
    return this.lock(id, '保存历史版本', () => this.snapshotUnlocked(id, reason))
  }

  private async snapshotUnlocked(id: string, reason: RevisionReason): Promise<RevisionInfo> {
    const { draft } = await this.open(id)
    return this.revisions.write(draft, reason)
  }

  /** Newest first. */
  async listRevisions(id: string): Promise<RevisionInfo[]> {
    return explained('读取历史版本', () => this.revisions.list(id))
  }

  async readRevision(id: string, revId: string): Promise<DraftFile> {
    return explained('读取历史版本', () => this.revisions.read(id, revId))
  }

  /** The current text is kept as a revision first; the restored one becomes a new revision. */
  async restoreRevision(id: string, revId: string): Promise<DraftFile> {
    const old = await this.readRevision(id, revId)
    return this.lock(id, '恢复历史版本', async () => {
      await this.snapshotUnlocked(id, 'before-restore')
      const head = await readHead(this.ctx, id)
      const restored = await commitDraft(this.ctx, {
        ...old,
        id,
        revision: (head?.revision ?? old.revision) + 1,
        createdAt: head?.createdAt ?? old.createdAt,
        updatedAt: this.ctx.now().toISOString(),
      })
      return restored.draft
    })
  }

  async rename(id: string, title: string): Promise<DraftSummary> {
    return this.lock(id, '重命名', async () => {
      const { draft: current } = await this.open(id)
      const { draft } = await commitDraft(this.ctx, {
        ...current,
        meta: { ...current.meta, title },
        revision: current.revision + 1,
        updatedAt: this.ctx.now().toISOString(),
      })
      return summarize(draft)
    })
  }

  async duplicate(id: string): Promise<DraftFile> {
    const { draft } = await this.open(id)
    return this.create({
      meta: { ...draft.meta, title: `${draft.meta.title}（副本）`.slice(0, 200) },
      body: draft.body,
      indicators: draft.indicators,
      ignoredFindings: draft.ignoredFindings,
    })
  }

  async carryForward(id: string): Promise<DraftFile> {
    const draft = await this.lock(id, '起草下一年度', async () => {
      await this.snapshotUnlocked(id, 'before-carry-forward')
      return (await this.open(id)).draft
    })
    return this.create(carryForward(draft))
  }

  async trash(id: string): Promise<void> {
    await this.lock(id, '删除', () =>
      moveToTrash(this.ctx, this.revisions, id, async () => (await this.open(id)).draft),
    )
  }

  async listTrash(): Promise<TrashedDraft[]> {
    return explained('读取回收站', () => listTrash(this.ctx, this.revisions))
  }

  async restoreFromTrash(id: string): Promise<DraftSummary> {
    await explained('从回收站恢复', () => moveFromTrash(this.ctx, id))
    return summarize((await this.open(id)).draft)
  }

  /** Only after the writer confirmed it: the one place a draft is removed from disk. */
  async deleteForever(id: string): Promise<void> {
    await explained('彻底删除', () => deleteForever(this.ctx, id))
  }
}

import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { carryForward } from '../../../domain/draft/carry-forward.ts'
import {
  DRAFT_SCHEMA_VERSION,
  draftIdSchema,
  summarize,
  type DraftContent,
  type DraftFile,
  type DraftSummary,
} from '../../../domain/draft/draft.ts'
import { newDraftFile } from '../../../domain/draft/new-draft.ts'
import {
  PERIODIC_SNAPSHOT_MS,
  parseRevisionId,
  revisionId,
  revisionsToPrune,
  type RevisionInfo,
  type RevisionReason,
} from '../../../domain/draft/revisions.ts'
import { draftWordCount } from '../../../domain/draft/word-count.ts'
import { chineseDateTime } from '../../../domain/text/dates.ts'
import { ServiceError } from '../service-error.ts'
import { errorCode, writeFileAtomic, type AtomicFs } from './atomic-write.ts'
import { decodeDraft, encodeDraft } from './draft-codec.ts'
import { DamagedFileError, saveFailure } from './draft-errors.ts'
import { isAlive, withFileLock } from './file-lock.ts'

export interface DraftStoreOptions {
  /** The app's data folder; drafts, trash and recovery files live below it. */
  dataDir: string
  now?: () => Date
  /** For tests: spies and injected failures. */
  fs?: AtomicFs
  retryDelaysMs?: readonly number[]
}

export interface OpenedDraft {
  draft: DraftFile
  /** Set when the file was damaged and a revision was loaded instead: what happened, in Chinese. */
  notice: string | null
}

export interface SaveResult {
  revision: number
  updatedAt: string
  wordCount: number
}

export interface TrashedDraft extends DraftSummary {
  trashedAt: string
}

interface Head {
  revision: number
  createdAt: string
  mtimeMs: number
  size: number
}

const NOT_FOUND = () => new ServiceError('NOT_FOUND', '找不到这份草稿，可能已被删除。')

/**
 * Drafts on disk: one folder per draft with draft.json, revisions/ and quarantine/;
 * deleted drafts in trash/; unsaved text that could not be written in recovery/.
 */
export class DraftStore {
  readonly dataDir: string
  private readonly now: () => Date
  private readonly fs: AtomicFs | undefined
  private readonly retryDelaysMs: readonly number[] | undefined
  private readonly heads = new Map<string, Head>()
  private readonly lastSnapshot = new Map<string, number>()
  private readonly summaries = new Map<
    string,
    { mtimeMs: number; size: number; summary: DraftSummary }
  >()

  constructor(options: DraftStoreOptions) {
    this.dataDir = options.dataDir
    this.now = options.now ?? (() => new Date())
    this.fs = options.fs
    this.retryDelaysMs = options.retryDelaysMs
  }

  private get draftsDir() {
    return join(this.dataDir, 'drafts')
  }
  private get trashDir() {
    return join(this.dataDir, 'trash')
  }
  private dir(id: string) {
    // Ids reach here validated; this is the last guard against a path outside the store.
    if (!draftIdSchema.safeParse(id).success) throw NOT_FOUND()
    return join(this.draftsDir, id)
  }
  private file(id: string) {
    return join(this.dir(id), 'draft.json')
  }
  private revisionsDir(id: string) {
    return join(this.dir(id), 'revisions')
  }

  private write(path: string, text: string) {
    return writeFileAtomic(path, text, { fs: this.fs, retryDelaysMs: this.retryDelaysMs })
  }

  private lock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return withFileLock(join(this.dir(id), '.lock'), fn).catch((error: unknown) => {
      if (errorCode(error) === 'EEXIST') {
        throw new ServiceError('CONFLICT', '这份草稿正被另一个窗口或程序使用，请稍后再试。')
      }
      if (errorCode(error) === 'ENOENT') throw NOT_FOUND()
      throw error
    })
  }

  async list(): Promise<{ drafts: DraftSummary[]; notices: string[] }> {
    await mkdir(this.draftsDir, { recursive: true })
    const drafts: DraftSummary[] = []
    const notices: string[] = []
    for (const entry of await readdir(this.draftsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !draftIdSchema.safeParse(entry.name).success) continue
      try {
        const info = await stat(this.file(entry.name)).catch(() => null)
        const cached = this.summaries.get(entry.name)
        if (info && cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
          drafts.push(cached.summary)
          continue
        }
        const { draft, notice } = await this.open(entry.name)
        if (notice) notices.push(notice)
        drafts.push(summarize(draft))
      } catch (error) {
        if (error instanceof ServiceError) notices.push(error.message)
        else throw error
      }
    }
    drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    return { drafts, notices }
  }

  /**
   * A new draft is built in a hidden folder and renamed into place whole, so a listing
   * running at the same moment never sees a draft folder without its file.
   */
  async create(content: DraftContent): Promise<DraftFile> {
    const id = randomUUID()
    const draft = newDraftFile(content, id, this.now())
    const text = encodeDraft(draft)
    const staging = join(this.draftsDir, `.new-${id}`)
    await mkdir(join(staging, 'revisions'), { recursive: true })
    await this.write(join(staging, 'draft.json'), text)
    const revId = revisionId(this.now(), 0, 'created', draft.wordCount)
    await this.write(join(staging, 'revisions', `${revId}.json`), text)
    await rename(staging, this.dir(id))
    this.lastSnapshot.set(id, this.now().getTime())
    await this.remember(id, draft)
    return draft
  }

  /** Loads a draft; a damaged file is quarantined and the newest good revision takes its place. */
  async open(id: string): Promise<OpenedDraft> {
    await this.removeDeadTempFiles(id)
    let bytes: Buffer
    try {
      bytes = await readFile(this.file(id))
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
      const dirExists = await stat(this.dir(id)).then(
        () => true,
        () => false,
      )
      if (!dirExists) throw NOT_FOUND()
      return this.recover(id, '草稿文件不见了')
    }
    try {
      const draft = decodeDraft(bytes)
      if (draft.id !== id) throw new DamagedFileError('文件属于另一份草稿')
      await this.remember(id, draft)
      return { draft, notice: null }
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      return this.recover(id, error.message)
    }
  }

  /** Half-written temp files of processes that died mid-save (crash, power cut, kill). */
  private async removeDeadTempFiles(id: string): Promise<void> {
    const names = await readdir(this.dir(id)).catch(() => [] as string[])
    for (const name of names) {
      const m = /^\.draft\.json\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)
      if (m && !isAlive(Number(m[1]))) await unlink(join(this.dir(id), name)).catch(() => undefined)
    }
  }

  private async remember(id: string, draft: DraftFile): Promise<void> {
    const info = await stat(this.file(id))
    this.heads.set(id, {
      revision: draft.revision,
      createdAt: draft.createdAt,
      mtimeMs: info.mtimeMs,
      size: info.size,
    })
    this.summaries.set(id, { mtimeMs: info.mtimeMs, size: info.size, summary: summarize(draft) })
  }

  /** Moves the file aside, never deleting it. Returns where it went. */
  private async quarantine(id: string, path: string): Promise<string | null> {
    const dir = join(this.dir(id), 'quarantine')
    await mkdir(dir, { recursive: true })
    const target = join(
      dir,
      `${this.now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`,
    )
    try {
      await rename(path, target)
      return target
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  }

  private async recover(id: string, reason: string): Promise<OpenedDraft> {
    const moved = await this.quarantine(id, this.file(id))
    for (const info of await this.listRevisions(id)) {
      let snapshot: DraftFile
      try {
        snapshot = decodeDraft(await readFile(join(this.revisionsDir(id), `${info.id}.json`)))
      } catch {
        continue
      }
      const draft: DraftFile = {
        ...snapshot,
        id,
        revision: snapshot.revision + 1,
        updatedAt: this.now().toISOString(),
      }
      await this.write(this.file(id), encodeDraft(draft))
      await this.remember(id, draft)
      const where = moved ? '原文件已移到隔离文件夹保存，没有删除。' : ''
      return {
        draft,
        notice: `草稿“${draft.meta.title || '未命名'}”的文件已损坏（${reason}）。${where}已从 ${chineseDateTime(info.createdAt)} 的历史版本恢复，此后的修改可能需要补写。`,
      }
    }
    throw new ServiceError(
      'IO_ERROR',
      `草稿文件已损坏（${reason}），也没有可用的历史版本。${moved ? `原文件保存在：${moved}` : ''}`,
    )
  }

  /** The revision on disk, read again only when the file changed under us. */
  private async head(id: string): Promise<Head | null> {
    const info = await stat(this.file(id)).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    })
    if (!info) return null
    const cached = this.heads.get(id)
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
    try {
      const draft = decodeDraft(await readFile(this.file(id)))
      await this.remember(id, draft)
      return this.heads.get(id) ?? null
    } catch (error) {
      if (error instanceof DamagedFileError) {
        // The writer holds the whole draft; the damaged file is set aside and theirs is written.
        await this.quarantine(id, this.file(id))
        return null
      }
      throw error
    }
  }

  /**
   * Writes the writer's content if the file is still at `baseRevision`; otherwise someone
   * else saved in between and nothing is overwritten. On failure the text goes to a side file.
   */
  async save(id: string, baseRevision: number, content: DraftContent): Promise<SaveResult> {
    const result = await this.lock(id, async () => {
      const head = await this.head(id)
      const at = this.now().toISOString()
      const draft: DraftFile = {
        schemaVersion: DRAFT_SCHEMA_VERSION,
        id,
        revision: (head?.revision ?? baseRevision) + 1,
        createdAt: head?.createdAt ?? at,
        updatedAt: at,
        ...content,
        wordCount: draftWordCount(content),
      }
      const text = encodeDraft(draft)
      if (head && head.revision !== baseRevision) {
        const side = await this.writeSideFile(id, text)
        throw new ServiceError(
          'CONFLICT',
          `这份草稿已在另一个窗口或程序中被修改。为避免互相覆盖，本次修改没有写入草稿${side ? `，已另存到 ${side}` : ''}。请重新打开草稿。`,
        )
      }
      try {
        await this.write(this.file(id), text)
      } catch (error) {
        throw saveFailure(error, await this.writeSideFile(id, text))
      }
      await this.remember(id, draft)
      return { draft, text }
    })
    const { draft, text } = result
    if (draft.revision > 0 && (await this.snapshotDue(id))) {
      await this.writeSnapshot(id, draft, text, 'periodic').catch(() => undefined)
    }
    return { revision: draft.revision, updatedAt: draft.updatedAt, wordCount: draft.wordCount }
  }

  /** Best effort: the unsaved text in recovery/, outside the draft's own folder. */
  private async writeSideFile(id: string, text: string): Promise<string | null> {
    try {
      const dir = join(this.dataDir, 'recovery')
      await mkdir(dir, { recursive: true })
      const path = join(dir, `${id}-${this.now().toISOString().replace(/[:.]/g, '-')}.json`)
      await writeFile(path, text)
      return path
    } catch {
      return null
    }
  }

  private async snapshotDue(id: string): Promise<boolean> {
    let last = this.lastSnapshot.get(id)
    if (last === undefined) {
      const newest = (await this.listRevisions(id))[0]
      last = newest ? Date.parse(newest.createdAt) : 0
      this.lastSnapshot.set(id, last)
    }
    return this.now().getTime() - last >= PERIODIC_SNAPSHOT_MS
  }

  private async writeSnapshot(
    id: string,
    draft: DraftFile,
    text: string,
    reason: RevisionReason,
  ): Promise<RevisionInfo> {
    const at = this.now()
    const revId = revisionId(at, draft.revision, reason, draft.wordCount)
    await mkdir(this.revisionsDir(id), { recursive: true })
    await this.write(join(this.revisionsDir(id), `${revId}.json`), text)
    this.lastSnapshot.set(id, at.getTime())
    for (const old of revisionsToPrune(await this.listRevisions(id), at)) {
      await unlink(join(this.revisionsDir(id), `${old.id}.json`)).catch(() => undefined)
    }
    return parseRevisionId(revId)!
  }

  /** A snapshot of the current file now (on close, before anything destructive). */
  async snapshot(id: string, reason: RevisionReason): Promise<RevisionInfo> {
    const { draft } = await this.open(id)
    return this.writeSnapshot(id, draft, encodeDraft(draft), reason)
  }

  /** Newest first. */
  async listRevisions(id: string): Promise<RevisionInfo[]> {
    const names = await readdir(this.revisionsDir(id)).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return [] as string[]
      throw error
    })
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => parseRevisionId(name.slice(0, -5)))
      .filter((info): info is RevisionInfo => info !== null)
      .sort((a, b) => b.id.localeCompare(a.id))
  }

  async readRevision(id: string, revId: string): Promise<DraftFile> {
    if (!parseRevisionId(revId)) throw new ServiceError('NOT_FOUND', '找不到这个历史版本。')
    try {
      return decodeDraft(await readFile(join(this.revisionsDir(id), `${revId}.json`)))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new ServiceError('NOT_FOUND', '找不到这个历史版本。')
      if (error instanceof DamagedFileError)
        throw new ServiceError('IO_ERROR', `这个历史版本已损坏（${error.message}）。`)
      throw error
    }
  }

  /** The current text is kept as a revision first; the restored one becomes a new revision. */
  async restoreRevision(id: string, revId: string): Promise<DraftFile> {
    const old = await this.readRevision(id, revId)
    await this.snapshot(id, 'before-restore')
    return this.lock(id, async () => {
      const head = await this.head(id)
      const draft: DraftFile = {
        ...old,
        id,
        revision: (head?.revision ?? old.revision) + 1,
        createdAt: head?.createdAt ?? old.createdAt,
        updatedAt: this.now().toISOString(),
      }
      await this.write(this.file(id), encodeDraft(draft))
      await this.remember(id, draft)
      return draft
    })
  }

  async rename(id: string, title: string): Promise<DraftSummary> {
    return this.lock(id, async () => {
      const { draft: current } = await this.open(id)
      const draft: DraftFile = {
        ...current,
        meta: { ...current.meta, title },
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
      }
      await this.write(this.file(id), encodeDraft(draft))
      await this.remember(id, draft)
      return summarize(draft)
    })
  }

  async duplicate(id: string): Promise<DraftFile> {
    const { draft } = await this.open(id)
    return this.create({
      meta: { ...draft.meta, title: `${draft.meta.title}（副本）` },
      body: draft.body,
      indicators: draft.indicators,
      ignoredFindings: draft.ignoredFindings,
    })
  }

  async carryForward(id: string): Promise<DraftFile> {
    await this.snapshot(id, 'before-carry-forward')
    const { draft } = await this.open(id)
    return this.create(carryForward(draft))
  }

  async trash(id: string): Promise<void> {
    await this.snapshot(id, 'before-delete')
    await mkdir(this.trashDir, { recursive: true })
    await this.lock(id, async () => {
      await writeFile(join(this.dir(id), 'trashed-at'), this.now().toISOString())
    })
    await rename(this.dir(id), join(this.trashDir, id))
    this.heads.delete(id)
    this.summaries.delete(id)
  }

  async listTrash(): Promise<TrashedDraft[]> {
    const entries = await readdir(this.trashDir, { withFileTypes: true }).catch(() => [])
    const result: TrashedDraft[] = []
    for (const entry of entries) {
      if (!entry.isDirectory() || !draftIdSchema.safeParse(entry.name).success) continue
      const dir = join(this.trashDir, entry.name)
      try {
        const draft = decodeDraft(await readFile(join(dir, 'draft.json')))
        const trashedAt = (
          await readFile(join(dir, 'trashed-at'), 'utf8').catch(() => draft.updatedAt)
        ).trim()
        result.push({ ...summarize(draft), trashedAt })
      } catch {
        // A damaged draft in the trash stays on disk; restoring it runs the usual recovery.
        const info = await stat(dir)
        const at = info.mtime.toISOString()
        result.push({
          id: entry.name,
          title: '（无法读取的草稿）',
          unit: '',
          year: 0,
          kind: 'blank',
          topic: '',
          updatedAt: at,
          wordCount: 0,
          revision: 0,
          trashedAt: at,
        })
      }
    }
    return result.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))
  }

  async restoreFromTrash(id: string): Promise<DraftSummary> {
    this.dir(id)
    await mkdir(this.draftsDir, { recursive: true })
    try {
      await rename(join(this.trashDir, id), this.dir(id))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw NOT_FOUND()
      throw error
    }
    await rm(join(this.dir(id), 'trashed-at'), { force: true })
    return summarize((await this.open(id)).draft)
  }

  /** Only after the writer confirmed it: the one place a draft is removed from disk. */
  async deleteForever(id: string): Promise<void> {
    this.dir(id)
    const target = join(this.trashDir, id)
    if (!(await stat(target).catch(() => null))) throw NOT_FOUND()
    await rm(target, { recursive: true, force: true })
  }
}

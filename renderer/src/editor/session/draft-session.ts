import type { MethodInput, MethodOutput } from '../../../../domain/contract.ts'
import type { Doc } from '../../../../domain/draft/doc.ts'
import type { DraftContent, DraftFile, DraftMeta } from '../../../../domain/draft/draft.ts'
import { Autosave, type SaveState } from '../autosave/autosave.ts'
import { IndicatorStore } from '../indicators/indicator-store.ts'

export interface DraftSessionSnapshot {
  readonly meta: DraftMeta
  readonly ignored: readonly string[]
  readonly save: SaveState
  /**
   * Why this window stopped taking edits: another window saved the draft first and this
   * window's save was refused (the store kept its text as a revision). Null while editing.
   */
  readonly conflict: string | null
}

/** The calls a session makes; the renderer's api, or a fake in tests. */
export interface SessionApi {
  saveDraft: (input: MethodInput<'saveDraft'>) => Promise<MethodOutput<'saveDraft'>>
  snapshotDraft: (input: MethodInput<'snapshotDraft'>) => Promise<MethodOutput<'snapshotDraft'>>
}

export interface SessionTiming {
  idleMs: number
  maxWaitMs: number
  /** Whether a failed save may be tried again by itself (a conflict may not). */
  isRetryable: (error: unknown) => boolean
  /** Whether a failed save was refused because the draft changed on disk meanwhile. */
  isConflict?: (error: unknown) => boolean
}

/**
 * One open draft: its metadata, indicators and ignored findings, the content to save, and the
 * save state. The editor screen reads it with useSyncExternalStore; the body comes from the
 * editor connected to it, and is kept when the editor goes so a last save can still write it.
 */
export class DraftSession {
  readonly id: string
  readonly indicators: IndicatorStore
  private snapshot: DraftSessionSnapshot
  private readonly listeners = new Set<() => void>()
  private revision: number
  private edited = false
  private readBody: () => Doc
  private autosave: Autosave | null = null
  /** The last connection's closing save, and whether it left anything unsaved. */
  private closing: Promise<void> = Promise.resolve()
  private leftUnsaved = false
  private isConflict: (error: unknown) => boolean = () => false

  private readonly api: SessionApi

  constructor(draft: DraftFile, api: SessionApi) {
    this.api = api
    this.id = draft.id
    this.revision = draft.revision
    this.indicators = new IndicatorStore(draft.indicators)
    const body = draft.body
    this.readBody = () => body
    this.snapshot = {
      meta: draft.meta,
      ignored: draft.ignoredFindings,
      save: { kind: 'saved', at: null },
      conflict: null,
    }
    // Every indicator change (value, source, add, remove) is an edit of the draft.
    this.indicators.subscribe(() => this.markDirty())
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): DraftSessionSnapshot => this.snapshot

  get meta(): DraftMeta {
    return this.snapshot.meta
  }

  setMeta(meta: DraftMeta): void {
    this.set({ meta })
    this.markDirty()
  }

  /** 忽略 in the proofreading panel: kept in the draft. */
  ignoreFinding(key: string): void {
    this.set({ ignored: [...this.snapshot.ignored, key] })
    this.markDirty()
  }

  /** What a save writes now. */
  content(): DraftContent {
    return {
      meta: this.snapshot.meta,
      indicators: [...this.indicators.list()],
      ignoredFindings: [...this.snapshot.ignored],
      body: this.readBody(),
    }
  }

  /** After a conflict nothing is pending: the refused text is a revision, and nothing more is taken. */
  get hasUnsavedChanges(): boolean {
    if (this.snapshot.conflict) return false
    return this.autosave ? this.autosave.hasUnsavedChanges : this.leftUnsaved
  }

  /** Whether anything was changed since the draft was opened. */
  get wasEdited(): boolean {
    return this.edited
  }

  /**
   * Starts saving the body `readBody` returns. The returned function saves what is pending,
   * keeps the last body for any later save, and stops the timers.
   */
  connect(readBody: () => Doc, timing: SessionTiming): () => void {
    this.readBody = readBody
    this.isConflict = timing.isConflict ?? (() => false)
    const autosave = new Autosave({
      ...timing,
      onState: (save) =>
        this.set({
          save: this.snapshot.conflict
            ? { kind: 'error', message: '另一个窗口已修改这份草稿', retryable: false }
            : save,
        }),
      save: () => this.write(),
    })
    this.autosave = autosave
    if (this.leftUnsaved) autosave.markDirty()
    return () => {
      const last = readBody()
      this.readBody = () => last
      this.autosave = null
      // After a conflict a closing save would only be refused again.
      const settled = this.snapshot.conflict ? Promise.resolve() : autosave.flush()
      this.closing = settled.finally(() => {
        this.leftUnsaved = !this.snapshot.conflict && autosave.hasUnsavedChanges
        autosave.dispose()
      })
    }
  }

  /** Any change: metadata, indicators, ignores, or the body (the editor's update event). */
  markDirty(): void {
    if (this.snapshot.conflict) return
    this.edited = true
    if (this.autosave) this.autosave.markDirty()
    else this.leftUnsaved = true
  }

  /** A save at the next idle moment (after an IME commit). */
  saveSoon(): void {
    this.autosave?.soon()
  }

  /** The 重试 button. */
  retry(): Promise<void> {
    return this.autosave?.retry() ?? this.flush().then(() => undefined)
  }

  /** Saves now; true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    if (this.snapshot.conflict) return false
    const autosave = this.autosave
    if (autosave) {
      await autosave.flush()
      // Unless the editor went meanwhile: then its closing save has the last word.
      if (this.autosave === autosave) return !autosave.hasUnsavedChanges
    }
    await this.closing
    if (!this.leftUnsaved) return true
    try {
      this.set({ save: { kind: 'saving' } })
      await this.write()
      this.leftUnsaved = false
      this.set({ save: { kind: 'saved', at: new Date() } })
      return true
    } catch (e) {
      const message = e instanceof Error ? e.message : '保存失败。'
      this.set({ save: { kind: 'error', message, retryable: !this.snapshot.conflict } })
      return false
    }
  }

  /** Saves, takes the on-close revision if anything was edited; true when nothing is left unsaved. */
  async leave(): Promise<boolean> {
    // The store kept the refused text as a revision (or its message said where): leaving loses nothing.
    if (this.snapshot.conflict) return true
    const saved = await this.flush()
    if (saved && this.edited)
      await this.api.snapshotDraft({ id: this.id, reason: 'close' }).catch(() => undefined)
    return saved
  }

  /**
   * After the editor broke: saves what is pending and keeps the text as a revision. True only
   * when both are on disk, so the screen may say so.
   */
  async rescue(): Promise<boolean> {
    if (!(await this.flush())) return false
    try {
      await this.api.snapshotDraft({ id: this.id, reason: 'close' })
      return true
    } catch {
      return false
    }
  }

  /**
   * Before a bulk change (a large deletion, replace-all, fix-all): the text on disk kept as a
   * revision. False when that failed, so the screen can say Ctrl+Z is the way back.
   */
  async keepRevision(): Promise<boolean> {
    try {
      await this.api.snapshotDraft({ id: this.id, reason: 'before-bulk-change' })
      return true
    } catch {
      return false
    }
  }

  private async write(): Promise<void> {
    if (this.snapshot.conflict) throw new Error(this.snapshot.conflict)
    let result: MethodOutput<'saveDraft'>
    try {
      result = await this.api.saveDraft({
        id: this.id,
        baseRevision: this.revision,
        content: this.content(),
      })
    } catch (error) {
      if (this.isConflict(error)) {
        this.autosave?.dispose()
        this.set({
          conflict: error instanceof Error ? error.message : '这份草稿已在另一个窗口中修改过。',
        })
      }
      throw error
    }
    this.revision = result.revision
  }

  private set(patch: Partial<DraftSessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }
}

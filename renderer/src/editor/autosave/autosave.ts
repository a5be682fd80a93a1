export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; retryable: boolean }

export interface AutosaveOptions {
  /** Serialises the current document and writes it; throws with a Chinese message on failure. */
  save: () => Promise<void>
  onState: (state: SaveState) => void
  /** Quiet time after the last keystroke before saving. */
  idleMs?: number
  /** Longest a change waits while typing goes on. */
  maxWaitMs?: number
  /** When a failed save is tried again by itself. */
  retryMs?: number
  /** Whether an error may be retried (a conflict may not). */
  isRetryable?: (error: unknown) => boolean
}

/**
 * When to save: about 1 s after typing stops, at least every 5 s while it goes on, and at
 * once when asked (blur, compositionend, Ctrl+S, leaving). One save at a time; a change made
 * during a save is saved right after it.
 */
export class Autosave {
  private readonly options: Required<AutosaveOptions>
  private dirtySince: number | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: Promise<void> | null = null
  private changedDuringSave = false
  private disposed = false
  private failed = false

  constructor(options: AutosaveOptions) {
    this.options = {
      idleMs: 1000,
      maxWaitMs: 5000,
      retryMs: 10_000,
      isRetryable: () => true,
      ...options,
    }
  }

  get hasUnsavedChanges(): boolean {
    return this.dirtySince !== null || this.inFlight !== null
  }

  /** Called on every document change. */
  markDirty(): void {
    if (this.disposed) return
    const now = Date.now()
    if (this.inFlight) this.changedDuringSave = true
    if (this.dirtySince === null) {
      this.dirtySince = now
      if (!this.failed) this.options.onState({ kind: 'dirty' })
    }
    const delay = Math.max(
      0,
      Math.min(this.options.idleMs, this.dirtySince + this.options.maxWaitMs - now),
    )
    this.schedule(delay)
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, delay)
  }

  /** Saves now if anything is unsaved; resolves when what was there at the call is written or has failed. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.inFlight) {
      await this.inFlight
      if (this.dirtySince !== null && !this.failed) return this.flush()
      return
    }
    if (this.dirtySince === null) return
    this.dirtySince = null
    this.changedDuringSave = false
    this.options.onState({ kind: 'saving' })
    this.inFlight = this.options
      .save()
      .then(
        () => {
          this.failed = false
          if (this.changedDuringSave || this.dirtySince !== null) {
            this.dirtySince ??= Date.now()
            this.options.onState({ kind: 'dirty' })
            this.schedule(0)
          } else {
            this.options.onState({ kind: 'saved', at: new Date() })
          }
        },
        (error: unknown) => {
          this.failed = true
          // Nothing is dropped: the change stays pending until a save succeeds.
          this.dirtySince ??= Date.now()
          const retryable = this.options.isRetryable(error)
          const message = error instanceof Error ? error.message : '保存失败。'
          this.options.onState({ kind: 'error', message, retryable })
          if (retryable && !this.disposed) this.schedule(this.options.retryMs)
        },
      )
      .finally(() => {
        this.inFlight = null
      })
    await this.inFlight
  }

  /** The 重试 button. */
  retry(): Promise<void> {
    this.failed = false
    this.dirtySince ??= Date.now()
    return this.flush()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

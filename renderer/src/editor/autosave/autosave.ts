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
  /**
   * Runs `run` when the page is idle, or after `timeoutMs` at the latest; returns a cancel.
   * A timed save waits for it so that serialising a long report does not land on a key.
   */
  whenIdle?: (run: () => void, timeoutMs: number) => () => void
}

/** How long a due save may wait for an idle moment. */
const IDLE_WAIT_MS = 1000
/** How long a save asked for soon (after an IME commit) may wait. */
const SOON_WAIT_MS = 500

function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  // No idle callbacks here (tests under Node): at once, as a plain timer would have.
  run()
  return () => {}
}

/**
 * When to save: about 1 s after typing stops, at least every 5 s while it goes on (each at
 * the next idle moment, within a second), soon after an IME commit, and at once when asked
 * (blur, Ctrl+S, leaving). One save at a time; a change made
 * during a save is saved right after it.
 */
export class Autosave {
  private readonly options: Required<AutosaveOptions>
  private dirtySince: number | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private cancelIdle: (() => void) | null = null
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
      whenIdle,
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
    this.cancelPending()
    this.timer = setTimeout(() => {
      this.timer = null
      this.saveWhenIdle(IDLE_WAIT_MS)
    }, delay)
  }

  private saveWhenIdle(timeoutMs: number): void {
    this.cancelIdle = this.options.whenIdle(() => {
      this.cancelIdle = null
      void this.flush()
    }, timeoutMs)
  }

  private cancelPending(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.cancelIdle?.()
    this.cancelIdle = null
  }

  /** Saves at the next idle moment, within half a second: after an IME commit. */
  soon(): void {
    if (this.disposed || this.dirtySince === null || this.failed) return
    this.cancelPending()
    this.saveWhenIdle(SOON_WAIT_MS)
  }

  /** Saves now if anything is unsaved; resolves when what was there at the call is written or has failed. */
  async flush(): Promise<void> {
    this.cancelPending()
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
    this.cancelPending()
  }
}

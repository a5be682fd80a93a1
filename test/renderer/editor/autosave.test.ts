import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { Autosave, type SaveState } from '../../../renderer/src/editor/autosave/autosave.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(save = vi.fn(async () => {})) {
  const states: SaveState['kind'][] = []
  const autosave = new Autosave({ save, onState: (s) => states.push(s.kind) })
  return { autosave, save, states }
}

describe('autosave timing', () => {
  it('saves about 1 s after typing stops', async () => {
    const { autosave, save } = setup()
    autosave.markDirty()
    await vi.advanceTimersByTimeAsync(900)
    autosave.markDirty()
    await vi.advanceTimersByTimeAsync(900)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(150)
    expect(save).toHaveBeenCalledOnce()
  })

  it('saves at least every 5 s while typing goes on', async () => {
    const { autosave, save } = setup()
    for (let t = 0; t < 12_000; t += 200) {
      autosave.markDirty()
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(save.mock.calls.length).toBeLessThanOrEqual(3)
  })

  it('saves at once on flush (blur, compositionend, Ctrl+S) and not twice', async () => {
    const { autosave, save, states } = setup()
    autosave.markDirty()
    await autosave.flush()
    expect(save).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).toHaveBeenCalledOnce()
    expect(states).toEqual(['dirty', 'saving', 'saved'])
  })

  it('saves a change made during a save right after it', async () => {
    let release!: () => void
    const save = vi.fn(() => new Promise<void>((r) => (release = r)))
    const { autosave } = setup(save)
    autosave.markDirty()
    const first = autosave.flush()
    autosave.markDirty()
    release()
    await first
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledTimes(2)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(autosave.hasUnsavedChanges).toBe(false)
  })

  it('keeps a failed change pending, reports it, and retries', async () => {
    const save = vi.fn(async () => {
      if (save.mock.calls.length === 1) throw new Error('磁盘空间已满')
    })
    const { autosave, states } = setup(save)
    autosave.markDirty()
    await autosave.flush()
    expect(states.at(-1)).toBe('error')
    expect(autosave.hasUnsavedChanges).toBe(true)
    await autosave.retry()
    expect(states.at(-1)).toBe('saved')
    expect(autosave.hasUnsavedChanges).toBe(false)
  })
})

describe('autosave at idle moments', () => {
  /** An idle queue the test runs by hand, recording each wait's limit. */
  function idleQueue() {
    const waiting: { run: () => void; timeoutMs: number; cancelled: boolean }[] = []
    const whenIdle = (run: () => void, timeoutMs: number) => {
      const entry = { run, timeoutMs, cancelled: false }
      waiting.push(entry)
      return () => {
        entry.cancelled = true
      }
    }
    const runIdle = () => {
      for (const e of waiting.splice(0)) if (!e.cancelled) e.run()
    }
    return { waiting, whenIdle, runIdle }
  }

  it('waits for an idle moment once a save is due, within a second', async () => {
    const idle = idleQueue()
    const save = vi.fn(async () => {})
    const autosave = new Autosave({ save, onState: () => {}, whenIdle: idle.whenIdle })
    autosave.markDirty()
    await vi.advanceTimersByTimeAsync(1100)
    expect(save).not.toHaveBeenCalled()
    expect(idle.waiting.map((w) => w.timeoutMs)).toEqual([1000])
    idle.runIdle()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledOnce()
  })

  it('saves soon after an IME commit, and an explicit flush does not wait', async () => {
    const idle = idleQueue()
    const save = vi.fn(async () => {})
    const autosave = new Autosave({ save, onState: () => {}, whenIdle: idle.whenIdle })
    autosave.markDirty()
    autosave.soon()
    expect(idle.waiting.map((w) => w.timeoutMs)).toEqual([500])
    // A key typed before the idle moment: the due save is put off again, nothing is lost.
    autosave.markDirty()
    expect(idle.waiting[0]!.cancelled).toBe(true)
    await autosave.flush()
    expect(save).toHaveBeenCalledOnce()
    expect(autosave.hasUnsavedChanges).toBe(false)
    idle.runIdle()
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).toHaveBeenCalledOnce()
  })
})

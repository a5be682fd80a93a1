import { readFile, stat, unlink } from 'node:fs/promises'

import { errorCode, nodeFs, writeNewFile, type AtomicFs } from './atomic-write.ts'
import { LockBusyError } from './draft-errors.ts'

const STALE_MS = 30_000
/** A live holder writes its pid right after creating the file; an empty lock older than this is a leftover. */
const EMPTY_GRACE_MS = 2_000

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)])
    const age = Date.now() - info.mtimeMs
    // A negative age means the clock moved; the holder's pid still decides below.
    if (!/^\d+$/.test(text.trim())) return age > EMPTY_GRACE_MS || age < 0
    const pid = Number.parseInt(text, 10)
    if (pid > 0 && !isAlive(pid)) return true
    return age > STALE_MS
  } catch {
    return false
  }
}

export interface FileLockOptions {
  timeoutMs?: number
  /** The same injectable file operations as the atomic write: a full disk fails the lock cleanly. */
  fs?: AtomicFs
}

/**
 * Runs `fn` while holding `lockPath`, so that two processes never interleave a
 * read-check-write on the same draft. A lock left by a dead process, or one left empty
 * by a failed write, is taken over; a lock this call could not write whole is removed.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, fs = nodeFs } = options
  const started = Date.now()
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      await writeNewFile(lockPath, String(process.pid), fs)
      break
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
      if (await isStale(lockPath)) {
        await unlink(lockPath).catch(() => undefined)
        continue
      }
      const elapsed = Date.now() - started
      if (elapsed > timeoutMs || elapsed < 0) throw new LockBusyError(lockPath, { cause: error })
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
  try {
    return await fn()
  } finally {
    await unlink(lockPath).catch(() => undefined)
  }
}

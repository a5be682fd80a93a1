import { readFile, stat, unlink, writeFile } from 'node:fs/promises'

import { errorCode } from './atomic-write.ts'

const STALE_MS = 30_000

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
    const pid = Number.parseInt(text, 10)
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) return true
    return Date.now() - info.mtimeMs > STALE_MS
  } catch {
    return false
  }
}

/**
 * Runs `fn` while holding `lockPath`, so that two processes never interleave a
 * read-check-write on the same draft. A lock left by a dead process is taken over.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now()
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
      if (await isStale(lockPath)) {
        await unlink(lockPath).catch(() => undefined)
        continue
      }
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
  try {
    return await fn()
  } finally {
    await unlink(lockPath).catch(() => undefined)
  }
}

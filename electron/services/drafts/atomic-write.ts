import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

import { errorCode } from '../fs-error-message.ts'

export { errorCode }

/** The few file operations an atomic write needs; tests pass spies or failing versions. */
export interface AtomicFs {
  open(path: string, flags: string): Promise<FileHandleLike>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

export interface FileHandleLike {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export const nodeFs: AtomicFs = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
}

/** Windows antivirus and sync tools hold files briefly: these are worth retrying. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES'])
export const DEFAULT_RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1000, 1000]

export interface AtomicWriteOptions {
  fs?: AtomicFs
  /** Waits between rename attempts; their sum is how long a locked file is waited for. */
  retryDelaysMs?: readonly number[]
  /** fsync of the folder after the rename; Windows cannot open a folder for it. */
  syncDirectory?: boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A rename that waits out antivirus and sync tools holding the file or folder for a moment. */
export async function renameWithRetry(
  from: string,
  to: string,
  options: Pick<AtomicWriteOptions, 'fs' | 'retryDelaysMs'> = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const code = errorCode(error)
      if (!code || !TRANSIENT.has(code) || attempt >= delays.length) throw error
      await sleep(delays[attempt]!)
    }
  }
}

/**
 * Creates a file that must not exist yet (a lock, a recovery copy). 'wx' never follows a
 * planted link; a file that could not be written whole is removed, never left empty.
 */
export async function writeNewFile(
  path: string,
  data: string | Uint8Array,
  fs: AtomicFs = nodeFs,
  durable = false,
): Promise<void> {
  const handle = await fs.open(path, 'wx')
  try {
    try {
      await handle.writeFile(data)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await fs.unlink(path).catch(() => undefined)
    throw error
  }
}

/**
 * Write, fsync, rename, fsync the folder: after a crash or power cut the target holds
 * either the old content or the new, never a mix, and the last good file is untouched
 * when anything fails.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs
  const dir = dirname(target)
  const temp = join(
    dir,
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )

  try {
    const handle = await fs.open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    // A rename replaces a link at `target` itself; nothing is written through it.
    await renameWithRetry(temp, target, { fs, retryDelaysMs: options.retryDelaysMs })
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }

  if (options.syncDirectory ?? process.platform !== 'win32') {
    try {
      const dirHandle = await fs.open(dir, 'r')
      try {
        await dirHandle.sync()
      } finally {
        await dirHandle.close()
      }
    } catch {
      // Some file systems refuse to fsync a folder; the rename itself has happened.
    }
  }
}

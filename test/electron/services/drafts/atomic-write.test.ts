import { chmod, lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  nodeFs,
  writeFileAtomic,
  writeNewFile,
  type AtomicFs,
} from '../../../../electron/services/drafts/atomic-write.ts'
import { tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(() => dispose())

/** Records every file operation, in order, while doing it for real. */
function spyFs(log: string[], name = (p: string) => p.replace(dir, '<dir>')): AtomicFs {
  return {
    async open(path, flags) {
      log.push(`open ${name(path)} ${flags}`)
      const handle = await nodeFs.open(path, flags)
      return {
        writeFile: async (data) => {
          log.push(`write ${name(path)}`)
          await handle.writeFile(data)
        },
        sync: async () => {
          log.push(`fsync ${name(path)}`)
          await handle.sync()
        },
        close: async () => {
          log.push(`close ${name(path)}`)
          await handle.close()
        },
      }
    },
    async rename(from, to) {
      log.push(`rename ${name(from)} -> ${name(to)}`)
      await nodeFs.rename(from, to)
    },
    async unlink(path) {
      log.push(`unlink ${name(path)}`)
      await nodeFs.unlink(path)
    },
  }
}

function failingRename(codes: string[], log: string[] = []): AtomicFs {
  let calls = 0
  return {
    ...spyFs(log),
    async rename(from, to) {
      const code = codes[calls++]
      if (code) throw Object.assign(new Error(code), { code })
      await nodeFs.rename(from, to)
    },
  }
}

const fast = [1, 1, 1, 1, 1]

describe('writeFileAtomic', () => {
  it('writes, fsyncs, renames, then fsyncs the folder, in that order', async () => {
    const log: string[] = []
    const target = join(dir, 'draft.json')
    await writeFileAtomic(target, '{"a":1}', { fs: spyFs(log), syncDirectory: true })
    const temp = log[0]!.split(' ')[1]!
    expect(temp).toMatch(/^<dir>\/\.draft\.json\.\d+\.[0-9a-f]{8}\.tmp$/)
    expect(log).toEqual([
      `open ${temp} wx`,
      `write ${temp}`,
      `fsync ${temp}`,
      `close ${temp}`,
      `rename ${temp} -> <dir>/draft.json`,
      'open <dir> r',
      'fsync <dir>',
      'close <dir>',
    ])
    expect(await readFile(target, 'utf8')).toBe('{"a":1}')
    expect(await readdir(dir)).toEqual(['draft.json'])
  })

  it('retries a rename refused by antivirus (EPERM, EBUSY, EACCES) and succeeds', async () => {
    const target = join(dir, 'draft.json')
    await writeFile(target, 'old')
    await writeFileAtomic(target, 'new', {
      fs: failingRename(['EPERM', 'EBUSY', 'EACCES']),
      retryDelaysMs: fast,
    })
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['draft.json'])
  })

  it('gives up after the retries, leaving the old file intact and no temp file', async () => {
    const target = join(dir, 'draft.json')
    await writeFile(target, 'old')
    const codes = Array.from({ length: 10 }, () => 'EBUSY')
    await expect(
      writeFileAtomic(target, 'new', { fs: failingRename(codes), retryDelaysMs: fast }),
    ).rejects.toMatchObject({ code: 'EBUSY' })
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['draft.json'])
  })

  it('does not retry a full disk', async () => {
    const target = join(dir, 'draft.json')
    await writeFile(target, 'old')
    const log: string[] = []
    const fs: AtomicFs = {
      ...spyFs(log),
      async open(path, flags) {
        const handle = await nodeFs.open(path, flags)
        return {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    await expect(writeFileAtomic(target, 'new', { fs })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['draft.json'])
  })

  it('fails cleanly when the folder refuses new files (read-only disk)', async () => {
    const target = join(dir, 'draft.json')
    await writeFile(target, 'old')
    const fs: AtomicFs = {
      ...nodeFs,
      open: async () => {
        throw Object.assign(new Error('EROFS'), { code: 'EROFS' })
      },
    }
    await expect(writeFileAtomic(target, 'new', { fs })).rejects.toMatchObject({ code: 'EROFS' })
    expect(await readFile(target, 'utf8')).toBe('old')
  })

  // Root ignores folder permissions, so this real check runs only for ordinary users.
  it.skipIf(process.getuid?.() === 0)('fails cleanly in a read-only folder', async () => {
    const ro = join(dir, 'ro')
    await mkdir(ro)
    await writeFile(join(ro, 'draft.json'), 'old')
    await chmod(ro, 0o555)
    await expect(writeFileAtomic(join(ro, 'draft.json'), 'new')).rejects.toMatchObject({
      code: 'EACCES',
    })
    await chmod(ro, 0o755)
    expect(await readFile(join(ro, 'draft.json'), 'utf8')).toBe('old')
  })

  it('replaces a link at the target instead of writing through it', async () => {
    const outside = join(dir, 'outside.txt')
    await writeFile(outside, 'elsewhere')
    const target = join(dir, 'trashed-at')
    await symlink(outside, target)
    await writeFileAtomic(target, 'new')
    expect(await readFile(outside, 'utf8')).toBe('elsewhere')
    expect((await lstat(target)).isSymbolicLink()).toBe(false)
    expect(await readFile(target, 'utf8')).toBe('new')
  })
})

describe('writeNewFile', () => {
  it('never follows a planted link', async () => {
    const outside = join(dir, 'outside.txt')
    await writeFile(outside, 'elsewhere')
    await symlink(outside, join(dir, '.lock'))
    await expect(writeNewFile(join(dir, '.lock'), '123')).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readFile(outside, 'utf8')).toBe('elsewhere')
  })

  it('leaves no empty file behind when the disk is full', async () => {
    const fs: AtomicFs = {
      ...nodeFs,
      async open(path, flags) {
        const handle = await nodeFs.open(path, flags)
        return {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    await expect(writeNewFile(join(dir, '.lock'), '123', fs)).rejects.toMatchObject({
      code: 'ENOSPC',
    })
    expect(await readdir(dir)).toEqual([])
  })
})

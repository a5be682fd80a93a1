import { chmod, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { nodeFs, type AtomicFs } from '../../../../electron/services/drafts/atomic-write.ts'
import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
let clock: Date
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
  clock = new Date('2026-11-23T08:00:00Z')
})
afterEach(() => dispose())

const store = (options: Partial<ConstructorParameters<typeof DraftStore>[0]> = {}) =>
  new DraftStore({ dataDir: dir, now: () => clock, retryDelaysMs: [1, 1], ...options })

const fail = (code: string) => Object.assign(new Error(code), { code })

/** Every new file can be created, but no byte can be written into it: a full disk. */
const fullDisk: AtomicFs = {
  ...nodeFs,
  open: async (path, flags) => {
    const handle = await nodeFs.open(path, flags)
    if (flags === 'r') return handle
    return {
      writeFile: async () => {
        throw fail('ENOSPC')
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  },
}

/** No file can be created: a read-only disk. */
const readOnly: AtomicFs = {
  ...nodeFs,
  open: async (path, flags) => {
    if (flags !== 'r') throw fail('EROFS')
    return nodeFs.open(path, flags)
  },
}

const body = async (id: string) => JSON.stringify((await store().open(id)).draft.body)

describe('a full or read-only disk', () => {
  it('full disk: the designed message, an honest word on the recovery copy, no lock left', async () => {
    const draft = await store().create(sampleContent('原来的内容。'))
    const error = await store({ fs: fullDisk })
      .save(draft.id, 0, sampleContent('新的内容。'))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'IO_ERROR' })
    expect((error as Error).message).toMatch(
      /^磁盘空间已满.*内容没有丢失：仍在编辑窗口中，请不要关闭程序。另存恢复副本也没有成功（磁盘空间已满）/,
    )
    expect(await readdir(join(dir, 'drafts', draft.id))).not.toContain('.lock')
    expect(await readdir(join(dir, 'recovery')).catch(() => [])).toEqual([])
    // The next save, once there is space, is not blocked by a leftover lock.
    expect((await store().save(draft.id, 0, sampleContent('腾出空间后。'))).revision).toBe(1)
    expect(await body(draft.id)).toContain('腾出空间后')
  })

  it('full disk for the draft folder only: the text goes to a recovery copy', async () => {
    const draft = await store().create(sampleContent('原来的内容。'))
    const draftFolderFull: AtomicFs = {
      ...nodeFs,
      open: (path, flags) =>
        path.includes(join('drafts', draft.id))
          ? fullDisk.open(path, flags)
          : nodeFs.open(path, flags),
    }
    await expect(
      store({ fs: draftFolderFull }).save(draft.id, 0, sampleContent('新的内容。')),
    ).rejects.toThrow(/磁盘空间已满.*并已另存到/)
    const [copy] = await readdir(join(dir, 'recovery'))
    expect(await readFile(join(dir, 'recovery', copy!), 'utf8')).toContain('新的内容')
    expect(await body(draft.id)).toContain('原来的内容')
  })

  it('read-only disk: its own message, no lock left, the file untouched', async () => {
    const draft = await store().create(sampleContent('原来的内容。'))
    await expect(
      store({ fs: readOnly }).save(draft.id, 0, sampleContent('新的内容。')),
    ).rejects.toThrow(/只读.*内容没有丢失/)
    expect(await readdir(join(dir, 'drafts', draft.id))).not.toContain('.lock')
    expect(await body(draft.id)).toContain('原来的内容')
    expect((await store().save(draft.id, 0, sampleContent('可写之后。'))).revision).toBe(1)
  })

  // Root writes anywhere, so this real permission check runs only for ordinary users.
  it.skipIf(process.getuid?.() === 0)(
    'a draft folder without write permission: a message, not an internal error',
    async () => {
      const draft = await store().create(sampleContent('原来的内容。'))
      const folder = join(dir, 'drafts', draft.id)
      await chmod(folder, 0o555)
      try {
        await expect(store().save(draft.id, 0, sampleContent('新的内容。'))).rejects.toMatchObject({
          code: 'IO_ERROR',
          message: expect.stringMatching(/没有权限.*另存到/),
        })
      } finally {
        await chmod(folder, 0o755)
      }
      expect(await body(draft.id)).toContain('原来的内容')
    },
  )

  it('a create on a full disk leaves no staging folder and says why', async () => {
    await store().list()
    await expect(store({ fs: fullDisk }).create(sampleContent())).rejects.toThrow(
      /磁盘空间已满，新建草稿失败/,
    )
    await expect(store({ fs: readOnly }).create(sampleContent())).rejects.toThrow(/只读/)
    expect(await readdir(join(dir, 'drafts'))).toEqual([])
  })
})

describe('leftovers of earlier failures', () => {
  it('an empty or unreadable lock file left behind is stale, not "in use"', async () => {
    const draft = await store().create(sampleContent())
    const lock = join(dir, 'drafts', draft.id, '.lock')
    const old = new Date(Date.now() - 10_000)
    await writeFile(lock, '')
    await utimes(lock, old, old)
    expect((await store().save(draft.id, 0, sampleContent('一'))).revision).toBe(1)
    await writeFile(lock, 'garbage')
    await utimes(lock, old, old)
    expect((await store().save(draft.id, 1, sampleContent('二'))).revision).toBe(2)
  })

  it('temp files of a saver that died are cleared from the draft and its revisions', async () => {
    const draft = await store().create(sampleContent())
    const folder = join(dir, 'drafts', draft.id)
    const dead = [
      '.draft.json.999999999.0a1b2c3d.tmp',
      join('revisions', '.x-r1.json.999999999.0a1b2c3d.tmp'),
    ]
    const live = `.draft.json.${process.pid}.0a1b2c3d.tmp`
    for (const name of [...dead, live]) await writeFile(join(folder, name), '{"half')
    await store().open(draft.id)
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([live])
    expect((await readdir(join(folder, 'revisions'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('staging folders of creates that died are cleared on start; a live one is kept', async () => {
    const drafts = join(dir, 'drafts')
    await mkdir(drafts, { recursive: true })
    const dead = join(drafts, '.new-p999999999-6f1c1d9e-8a51-4b7e-9b43-0d0f5a2c1e11')
    const legacy = join(drafts, '.new-1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed')
    const live = join(drafts, `.new-p${process.pid}-2c5ea4c0-4067-11e9-8bad-9b1deb4d3b7d`)
    for (const folder of [dead, legacy, live]) {
      await mkdir(join(folder, 'revisions'), { recursive: true })
      await writeFile(join(folder, 'draft.json'), '{}')
    }
    const old = new Date(Date.now() - 5 * 60_000)
    await utimes(legacy, old, old)
    expect((await store().list()).drafts).toEqual([])
    expect(await readdir(drafts)).toEqual([live.slice(drafts.length + 1)])
  })
})

describe('a periodic snapshot that fails', () => {
  it('is logged, and the save itself succeeds', async () => {
    const draft = await store().create(sampleContent())
    const logged: string[] = []
    const noRevisions: AtomicFs = {
      ...nodeFs,
      open: (path, flags) =>
        path.includes('revisions') ? fullDisk.open(path, flags) : nodeFs.open(path, flags),
    }
    clock = new Date(clock.getTime() + 10 * 60_000)
    const saved = await store({ fs: noRevisions, log: (m) => logged.push(m) }).save(
      draft.id,
      0,
      sampleContent('十分钟后。'),
    )
    expect(saved.revision).toBe(1)
    expect(logged).toEqual([`periodic snapshot of ${draft.id} failed`])
    expect(await body(draft.id)).toContain('十分钟后')
  })
})

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { nodeFs, type AtomicFs } from '../../../../electron/services/drafts/atomic-write.ts'
import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { ServiceError } from '../../../../electron/services/service-error.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
let clock: Date
const now = () => clock
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms))

beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
  clock = new Date('2026-11-23T08:00:00Z')
})
afterEach(() => dispose())

const store = (options: Partial<ConstructorParameters<typeof DraftStore>[0]> = {}) =>
  new DraftStore({ dataDir: dir, now, retryDelaysMs: [1, 1, 1], ...options })

describe('draft store', () => {
  it('creates, lists, opens and saves a draft in its own folder', async () => {
    const s = store()
    const created = await s.create(sampleContent())
    expect(created.revision).toBe(0)
    // 主要工作及成效 7 + 全区小学在校学生 8 + 24341 1 + 人 1 + 。1
    expect(created.wordCount).toBe(18)
    expect((await readdir(join(dir, 'drafts', created.id))).sort()).toEqual([
      'draft.json',
      'revisions',
    ])

    const listed = await s.list()
    expect(listed.drafts.map((d) => d.title)).toEqual(['某某县教育局2026年教育工作总结'])

    tick(1000)
    const saved = await s.save(created.id, 0, sampleContent('全区初中在校学生12458人。'))
    expect(saved.revision).toBe(1)
    const reopened = await store().open(created.id)
    expect(reopened.notice).toBeNull()
    expect(JSON.stringify(reopened.draft.body)).toContain('12458')
    expect(reopened.draft.updatedAt).toBe(clock.toISOString())
  })

  it('refuses to overwrite a save it has not seen, and keeps the refused text as a revision', async () => {
    const a = store()
    const b = store()
    const draft = await a.create(sampleContent())
    await a.save(draft.id, 0, sampleContent('窗口甲的修改。'))
    const before = await readFile(join(dir, 'drafts', draft.id, 'draft.json'), 'utf8')
    const error = await b
      .save(draft.id, 0, sampleContent('窗口乙的修改。'))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'CONFLICT' })
    expect((error as ServiceError).message).toContain('另一窗口修改时未保存的内容')
    expect((error as ServiceError).message).toContain('重新载入')
    // No file path as the remedy, and no recovery copy when the revision was written.
    expect((error as ServiceError).message).not.toContain(dir)
    await expect(readdir(join(dir, 'recovery'))).rejects.toMatchObject({ code: 'ENOENT' })

    // The draft on disk is byte for byte what window A saved.
    expect(await readFile(join(dir, 'drafts', draft.id, 'draft.json'), 'utf8')).toBe(before)
    const onDisk = await store().open(draft.id)
    expect(onDisk.notice).toBeNull()
    expect(JSON.stringify(onDisk.draft.body)).toContain('窗口甲')
    expect(onDisk.draft.revision).toBe(1)

    const revisions = await store().listRevisions(draft.id)
    const kept = revisions.filter((r) => r.reason === 'conflict-unsaved')
    expect(kept).toHaveLength(1)
    expect(revisions[0]!.id).toBe(kept[0]!.id)
    const text = await store().readRevision(draft.id, kept[0]!.id)
    expect(JSON.stringify(text.body)).toContain('窗口乙')
    expect(JSON.stringify(text.body)).not.toContain('窗口甲')
  })

  it('falls back to a recovery copy when the refused text cannot be kept as a revision', async () => {
    const a = store()
    const draft = await a.create(sampleContent())
    await a.save(draft.id, 0, sampleContent('窗口甲的修改。'))
    const noRevisions: AtomicFs = {
      ...nodeFs,
      open: async (path, flags) => {
        if (path.includes(join(draft.id, 'revisions'))) {
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
        }
        return nodeFs.open(path, flags)
      },
    }
    const b = store({ fs: noRevisions, log: () => undefined })
    const error = await b
      .save(draft.id, 0, sampleContent('窗口乙的修改。'))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'CONFLICT' })
    expect((error as ServiceError).message).toContain('恢复副本')
    const onDisk = await store().open(draft.id)
    expect(JSON.stringify(onDisk.draft.body)).toContain('窗口甲')
    // Window B's text is not lost: it went to a side file.
    const side = await readdir(join(dir, 'recovery'))
    expect(side).toHaveLength(1)
    expect(await readFile(join(dir, 'recovery', side[0]!), 'utf8')).toContain('窗口乙')
  })

  it('when the refused text can be kept nowhere, asks to retry, and keeps it once the disk lets it', async () => {
    const a = store()
    const draft = await a.create(sampleContent())
    await a.save(draft.id, 0, sampleContent('窗口甲的修改。'))
    const state = { full: true }
    const fullDisk: AtomicFs = {
      ...nodeFs,
      open: async (path, flags) => {
        if (state.full && !path.endsWith('.lock')) {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
        }
        return nodeFs.open(path, flags)
      },
    }
    const b = store({ fs: fullDisk, log: () => undefined })
    const first = await b
      .save(draft.id, 0, sampleContent('窗口乙的修改。'))
      .catch((e: unknown) => e)
    expect(first).toMatchObject({ code: 'IO_ERROR' })
    expect((first as ServiceError).message).toMatch(/磁盘空间已满.*请不要关闭窗口/)
    expect(JSON.stringify((await store().open(draft.id)).draft.body)).toContain('窗口甲')

    state.full = false
    const retried = await b
      .save(draft.id, 0, sampleContent('窗口乙的修改。'))
      .catch((e: unknown) => e)
    expect(retried).toMatchObject({ code: 'CONFLICT' })
    const kept = (await store().listRevisions(draft.id)).filter(
      (r) => r.reason === 'conflict-unsaved',
    )
    expect(kept).toHaveLength(1)
    expect(JSON.stringify((await store().readRevision(draft.id, kept[0]!.id)).body)).toContain(
      '窗口乙',
    )
  })

  it('serialises concurrent saves so that exactly one of two same-base saves wins', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    const results = await Promise.allSettled([
      store().save(draft.id, 0, sampleContent('甲')),
      store().save(draft.id, 0, sampleContent('乙')),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
  })

  it('keeps the last good file and a side file when the disk is full', async () => {
    const good = store()
    const draft = await good.create(sampleContent('原来的内容。'))
    const full: AtomicFs = {
      ...nodeFs,
      open: async (path, flags) => {
        if (path.endsWith('.tmp')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
        return nodeFs.open(path, flags)
      },
    }
    const failing = store({ fs: full })
    const error = await failing
      .save(draft.id, 0, sampleContent('新的内容。'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).code).toBe('IO_ERROR')
    expect((error as ServiceError).message).toMatch(/磁盘空间已满.*内容没有丢失/)
    expect(JSON.stringify((await store().open(draft.id)).draft.body)).toContain('原来的内容')
    const side = await readdir(join(dir, 'recovery'))
    expect(await readFile(join(dir, 'recovery', side[0]!), 'utf8')).toContain('新的内容')
  })

  it('explains a file held by antivirus after the retries', async () => {
    const draft = await store().create(sampleContent())
    const busy: AtomicFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' })
      },
    }
    await expect(store({ fs: busy }).save(draft.id, 0, sampleContent('x'))).rejects.toThrow(
      /被其他程序占用/,
    )
    expect((await store().open(draft.id)).draft.revision).toBe(0)
  })

  it('takes a snapshot at most every 5 minutes while editing', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    let revision = 0
    for (let i = 0; i < 20; i++) {
      tick(60_000)
      revision = (await s.save(draft.id, revision, sampleContent(`第${i}次`))).revision
    }
    const revisions = await s.listRevisions(draft.id)
    // created + one every five of the twenty minutes
    expect(revisions.map((r) => r.reason)).toEqual([
      'periodic',
      'periodic',
      'periodic',
      'periodic',
      'created',
    ])
    expect(revisions[0]!.wordCount).toBeGreaterThan(0)
  })

  it('restores a revision as a new revision, keeping the current text as one too', async () => {
    const s = store()
    const draft = await s.create(sampleContent('第一稿。'))
    tick(1000)
    await s.save(draft.id, 0, sampleContent('第二稿。'))
    const first = (await s.listRevisions(draft.id)).find((r) => r.reason === 'created')!
    expect(JSON.stringify((await s.readRevision(draft.id, first.id)).body)).toContain('第一稿')
    tick(1000)
    const restored = await s.restoreRevision(draft.id, first.id)
    expect(restored.revision).toBe(2)
    expect(JSON.stringify(restored.body)).toContain('第一稿')
    const reasons = (await s.listRevisions(draft.id)).map((r) => r.reason)
    expect(reasons).toContain('before-restore')
    const before = (await s.listRevisions(draft.id)).find((r) => r.reason === 'before-restore')!
    expect(JSON.stringify((await s.readRevision(draft.id, before.id)).body)).toContain('第二稿')
  })

  it('renames and duplicates', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    const renamed = await s.rename(draft.id, '新标题')
    expect(renamed.title).toBe('新标题')
    expect(renamed.revision).toBe(1)
    const copy = await s.duplicate(draft.id)
    expect(copy.id).not.toBe(draft.id)
    expect(copy.meta.title).toBe('新标题（副本）')
    expect((await s.list()).drafts).toHaveLength(2)
  })

  it('carries a report forward to next year', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    const next = await s.carryForward(draft.id)
    expect(next.meta.year).toBe(2027)
    expect(next.meta.title).toBe('某某县教育局2027年教育工作总结')
    expect(next.meta.date).toBe('')
    expect(next.indicators[0]).toMatchObject({ current: null, previous: '99.66' })
    expect(next.body).toEqual(draft.body)
    expect((await s.listRevisions(draft.id)).map((r) => r.reason)).toContain('before-carry-forward')
  })

  it('moves a deleted draft to the trash, restores it, and deletes it for good', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    await s.trash(draft.id)
    expect((await s.list()).drafts).toEqual([])
    const trash = await s.listTrash()
    expect(trash.map((d) => d.id)).toEqual([draft.id])
    expect(trash[0]!.trashedAt).toBe(clock.toISOString())
    await s.restoreFromTrash(draft.id)
    expect((await s.list()).drafts.map((d) => d.id)).toEqual([draft.id])
    const reasons = (await s.listRevisions(draft.id)).map((r) => r.reason)
    expect(reasons).toContain('before-delete')
    await s.trash(draft.id)
    await s.deleteForever(draft.id)
    expect(await s.listTrash()).toEqual([])
    await expect(s.open(draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('never shows a half-created draft to a listing running at the same time', async () => {
    const s = store()
    const creating = Array.from({ length: 20 }, () => s.create(sampleContent()))
    const listings = Array.from({ length: 20 }, () => store().list())
    await Promise.all(creating)
    for (const { notices } of await Promise.all(listings)) expect(notices).toEqual([])
    expect((await s.list()).drafts).toHaveLength(20)
  })

  it('refuses ids that are not draft ids', async () => {
    for (const id of ['../etc', '..', 'a/b', '']) {
      await expect(store().open(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
  })

  it('works in a long path with Chinese characters and spaces', async () => {
    let deep = dir
    while (deep.length < 400) deep = join(deep, '某某县教育局 2026年 工作总结 资料')
    await mkdir(deep, { recursive: true })
    const s = new DraftStore({ dataDir: deep, now })
    const draft = await s.create(sampleContent())
    await s.save(draft.id, 0, sampleContent('长路径。'))
    expect(JSON.stringify((await s.open(draft.id)).draft.body)).toContain('长路径')
  })

  it('reads a draft saved with a BOM by a text editor', async () => {
    const draft = await store().create(sampleContent())
    const file = join(dir, 'drafts', draft.id, 'draft.json')
    await writeFile(file, '\ufeff' + (await readFile(file, 'utf8')))
    expect((await store().open(draft.id)).notice).toBeNull()
  })
})

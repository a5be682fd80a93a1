import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(() => dispose())

const store = () => new DraftStore({ dataDir: dir, log: () => undefined })
const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  )

describe('trashing a draft under its lock', () => {
  it('a save after the trash fails, keeps the text aside, and does not bring the folder back', async () => {
    const draft = await store().create(sampleContent())
    await store().trash(draft.id)
    await expect(
      store().save(draft.id, 0, sampleContent('删除后才到的保存。')),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/已被删除.*并已另存到/),
    })
    expect(await exists(join(dir, 'drafts', draft.id))).toBe(false)
    const [copy] = await readdir(join(dir, 'recovery'))
    expect(await readFile(join(dir, 'recovery', copy!), 'utf8')).toContain('删除后才到的保存')
  })

  it('saves racing a trash either land before it (and go to the trash) or fail; none is lost', async () => {
    // A clock that runs fast: every save also writes a periodic snapshot, the late write
    // that used to bring a trashed folder back.
    let ms = Date.parse('2026-11-23T08:00:00Z')
    const fast = () => new DraftStore({ dataDir: dir, now: () => new Date((ms += 6 * 60_000)) })
    for (let round = 0; round < 8; round++) {
      const s = fast()
      const saver = fast()
      const draft = await s.create(sampleContent())
      let revision = 0
      const saving = (async () => {
        for (let i = 1; i <= 30; i++) {
          try {
            const text = sampleContent(`第${i}次保存。`)
            revision = (await saver.save(draft.id, revision, text)).revision
            // As the editor's debounce does, leave the lock free between saves.
            await new Promise((resolve) => setTimeout(resolve, 2))
          } catch (error) {
            expect(error).toMatchObject({ code: 'NOT_FOUND' })
            return i
          }
        }
        return 31
      })()
      await new Promise((resolve) => setTimeout(resolve, round * 3))
      await s.trash(draft.id)
      const failedAt = await saving
      expect(await exists(join(dir, 'drafts', draft.id))).toBe(false)
      // Every save that was acknowledged is in the trashed draft.
      const inTrash = join(dir, 'trash', draft.id)
      const file = JSON.parse(await readFile(join(inTrash, 'draft.json'), 'utf8'))
      expect(file.revision).toBe(revision)
      if (revision > 0) expect(JSON.stringify(file.body)).toContain(`第${failedAt - 1}次保存`)
      expect(await readdir(inTrash)).not.toContain('.lock')
      // Restored, it saves at once: no lock came back with it.
      await s.restoreFromTrash(draft.id)
      expect((await s.save(draft.id, revision, sampleContent('恢复后。'))).revision).toBe(
        revision + 1,
      )
    }
  })

  it('a draft that cannot be read can still be moved to the trash', async () => {
    const draft = await store().create(sampleContent())
    const folder = join(dir, 'drafts', draft.id)
    await writeFile(join(folder, 'draft.json'), 'garbage')
    for (const name of await readdir(join(folder, 'revisions'))) {
      await writeFile(join(folder, 'revisions', name), 'garbage')
    }
    await store().trash(draft.id)
    expect((await store().listTrash()).map((d) => [d.id, d.damaged])).toEqual([[draft.id, true]])
  })
})

describe('links in the data folder are never written through', () => {
  it('a planted trashed-at link is replaced, its target untouched', async () => {
    const draft = await store().create(sampleContent())
    const outside = join(dir, 'outside.txt')
    await writeFile(outside, '别处的文件')
    await symlink(outside, join(dir, 'drafts', draft.id, 'trashed-at'))
    await store().trash(draft.id)
    expect(await readFile(outside, 'utf8')).toBe('别处的文件')
    const marker = join(dir, 'trash', draft.id, 'trashed-at')
    expect((await lstat(marker)).isSymbolicLink()).toBe(false)
  })

  it('a planted draft.json link is replaced by a save, its target untouched', async () => {
    const draft = await store().create(sampleContent())
    const outside = join(dir, 'outside.json')
    const file = join(dir, 'drafts', draft.id, 'draft.json')
    await writeFile(outside, await readFile(file))
    const before = await readFile(outside, 'utf8')
    await rm(file)
    await symlink(outside, file)
    await store().save(draft.id, 0, sampleContent('新的内容。'))
    expect(await readFile(outside, 'utf8')).toBe(before)
    expect((await lstat(file)).isSymbolicLink()).toBe(false)
  })

  it('a draft folder that is a link is not saved into', async () => {
    const elsewhere = join(dir, 'elsewhere')
    await mkdir(elsewhere)
    const id = '0b7d2f3e-5c1a-4e8b-9f6d-2a4c8e1b3d5f'
    await mkdir(join(dir, 'drafts'), { recursive: true })
    await symlink(elsewhere, join(dir, 'drafts', id))
    await expect(store().save(id, 0, sampleContent())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await readdir(elsewhere)).toEqual([])
    expect((await store().list()).drafts).toEqual([])
  })
})

import { readdir, readFile, writeFile } from 'node:fs/promises'
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

/** A draft with a good revision, then a newer good file; returns what the file held. */
async function prepared() {
  let clock = new Date('2026-11-23T08:00:00Z')
  const store = new DraftStore({ dataDir: dir, now: () => clock })
  const draft = await store.create(sampleContent('历史版本中的内容。'))
  clock = new Date('2026-11-23T08:01:00Z')
  await store.save(draft.id, 0, sampleContent('最新保存的内容。'))
  const file = join(dir, 'drafts', draft.id, 'draft.json')
  return { id: draft.id, file, good: await readFile(file) }
}

async function damageAndOpen(damage: (good: Buffer) => Buffer | string) {
  const { id, file, good } = await prepared()
  const damaged = damage(good)
  await writeFile(file, damaged)
  const opened = await new DraftStore({ dataDir: dir }).open(id)
  const quarantine = join(dir, 'drafts', id, 'quarantine')
  const kept = await readdir(quarantine)
  return { opened, damaged: Buffer.from(damaged), kept, quarantine, good }
}

const good = JSON.stringify

describe('damaged draft files', () => {
  const cases: [string, (good: Buffer) => Buffer | string][] = [
    ['empty', () => ''],
    ['NUL-filled (power cut)', (g) => Buffer.alloc(g.length)],
    ['invalid JSON', () => '{"schemaVersion": 1, "id": '],
    [
      'a wrong schema version',
      (g) => g.toString('utf8').replace('"schemaVersion":1', '"schemaVersion":99'),
    ],
    ['a wrong shape', () => good({ schemaVersion: 1, hello: 'world' })],
    ['GBK bytes', () => Buffer.from([0xc4, 0xb3, 0xc4, 0xb3, 0xcf, 0xd8, 0xbd, 0xcc, 0xd3, 0xfd])],
  ]

  it.each(cases)(
    '%s: quarantined, never deleted, and the newest good revision loaded',
    async (_name, damage) => {
      const { opened, damaged, kept, quarantine } = await damageAndOpen(damage)
      expect(JSON.stringify(opened.draft.body)).toContain('历史版本中的内容')
      expect(opened.notice).toMatch(/已损坏.*隔离文件夹.*历史版本恢复/)
      expect(kept).toHaveLength(1)
      expect(await readFile(join(quarantine, kept[0]!))).toEqual(damaged)
    },
  )

  it('truncated at many offsets: always quarantined and recovered', async () => {
    const { id, file, good: full } = await prepared()
    const store = new DraftStore({ dataDir: dir })
    const offsets = Array.from({ length: 40 }, (_, i) => Math.floor((full.length * i) / 40))
    for (const offset of offsets) {
      await writeFile(file, full.subarray(0, offset))
      const opened = await store.open(id)
      expect(opened.notice, `offset ${offset}`).not.toBeNull()
      expect(JSON.stringify(opened.draft.body)).toContain('历史版本中的内容')
      // The recovered draft is written back as a complete file.
      expect((await new DraftStore({ dataDir: dir }).open(id)).notice).toBeNull()
    }
    expect(await readdir(join(dir, 'drafts', id, 'quarantine'))).toHaveLength(offsets.length)
  })

  it('lists a damaged draft after recovering it, and says so', async () => {
    const { file } = await prepared()
    await writeFile(file, '')
    const { drafts, notices } = await new DraftStore({ dataDir: dir }).list()
    expect(drafts).toHaveLength(1)
    expect(notices[0]).toMatch(/文件是空的/)
  })

  it('says clearly when no good revision is left, and keeps the file', async () => {
    const { id, file } = await prepared()
    const revisions = join(dir, 'drafts', id, 'revisions')
    for (const name of await readdir(revisions)) await writeFile(join(revisions, name), 'garbage')
    await writeFile(file, 'garbage')
    await expect(new DraftStore({ dataDir: dir }).open(id)).rejects.toThrow(
      /没有可用的历史版本.*原文件保存在/,
    )
    expect(await readdir(join(dir, 'drafts', id, 'quarantine'))).toHaveLength(1)
  })
})

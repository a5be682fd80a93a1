import { lstat, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { revisionId } from '../../../../domain/draft/revisions.ts'
import { nodeFs } from '../../../../electron/services/drafts/atomic-write.ts'
import type { StoreContext } from '../../../../electron/services/drafts/draft-commit.ts'
import { DraftPaths } from '../../../../electron/services/drafts/draft-paths.ts'
import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { RevisionStore } from '../../../../electron/services/drafts/revision-store.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
let clock: Date
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
  clock = new Date('2026-11-23T08:00:00Z')
})
afterEach(() => dispose())

const MIN = 60_000
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms))
const store = () => new DraftStore({ dataDir: dir, now: () => clock })
const text = async (s: DraftStore, id: string) => JSON.stringify((await s.open(id)).draft.body)

describe('revisions and a clock that is set back or forward', () => {
  it('set back a day: periodic snapshots go on, and recovery takes the newest one written', async () => {
    const s = store()
    const draft = await s.create(sampleContent('新建时。'))
    tick(6 * MIN)
    await s.save(draft.id, 0, sampleContent('设回时钟之前。'))
    tick(-24 * 60 * MIN)
    let revision = 1
    for (let i = 0; i < 3; i++) {
      tick(MIN)
      revision = (await s.save(draft.id, revision, sampleContent(`设回之后第${i}次。`))).revision
    }
    const revisions = await s.listRevisions(draft.id)
    expect(revisions.map((r) => r.reason)).toEqual(['periodic', 'periodic', 'created'])
    expect(JSON.stringify((await s.readRevision(draft.id, revisions[0]!.id)).body)).toContain(
      '设回之后第0次',
    )
    // The newest revision by sequence is older by its time stamp, and it is the one recovered.
    expect(revisions[0]!.createdAt < revisions[1]!.createdAt).toBe(true)
    await writeFile(join(dir, 'drafts', draft.id, 'draft.json'), '')
    expect(await text(store(), draft.id)).toContain('设回之后第0次')
  })

  it('set forward years: pruning keeps the newest 20, whatever the dates', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    let revision = 0
    for (let i = 0; i < 30; i++) {
      tick(6 * MIN)
      revision = (await s.save(draft.id, revision, sampleContent(`第${i}次。`))).revision
    }
    clock = new Date('2031-06-01T00:00:00Z')
    await s.snapshot(draft.id, 'close')
    const revisions = await s.listRevisions(draft.id)
    expect(revisions.length).toBeGreaterThanOrEqual(20)
    expect(revisions[0]!.reason).toBe('close')
    expect(JSON.stringify((await s.readRevision(draft.id, revisions[1]!.id)).body)).toContain(
      '第29次',
    )
  })

  it('revision files named before the sequence existed still load, after the numbered ones', async () => {
    const s = store()
    const draft = await s.create(sampleContent('新的。'))
    const folder = join(dir, 'drafts', draft.id, 'revisions')
    const [created] = await readdir(folder)
    const old = (await s.readRevision(draft.id, created!.slice(0, -5)))!
    // An older version wrote names without a sequence, dated by the clock alone.
    const legacy = revisionId(new Date('2027-05-01T00:00:00Z'), 0, 'close', old.wordCount)
    await writeFile(join(folder, `${legacy}.json`), JSON.stringify(old))
    const revisions = await s.listRevisions(draft.id)
    expect(revisions.map((r) => r.id)).toEqual([created!.slice(0, -5), legacy])
    expect((await s.readRevision(draft.id, legacy)).id).toBe(draft.id)
  })

  it('a snapshot written late never brings back a folder that went to the trash', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    await s.trash(draft.id)
    const ctx: StoreContext = {
      paths: new DraftPaths(dir),
      now: () => clock,
      fs: nodeFs,
      retryDelaysMs: undefined,
      log: () => undefined,
      heads: new Map(),
    }
    await expect(new RevisionStore(ctx).write(draft, 'periodic')).rejects.toMatchObject({
      code: 'ENOENT',
    })
    await expect(lstat(join(dir, 'drafts', draft.id))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { DocNode } from '../../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../../domain/draft/draft.ts'
import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(() => dispose())

const store = () => new DraftStore({ dataDir: dir })

/** Content that skipped the contract's check, as a bug in any path could produce. */
function invalid(): DraftContent {
  const content = sampleContent()
  return { ...content, meta: { ...content.meta, year: 3000 } }
}

function nested(depth: number): DraftContent {
  let node: DocNode = { type: 'paragraph', content: [{ type: 'text', text: '深。' }] }
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
  return { ...sampleContent(), body: { type: 'doc', content: [node] } }
}

describe('every path that writes a draft checks it with the draft schema first', () => {
  it('create: refused, and no folder or staging folder is left', async () => {
    await store().list()
    await expect(store().create(invalid())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/不符合草稿格式（meta\.year）/),
    })
    expect(await readdir(join(dir, 'drafts'))).toEqual([])
  })

  it('save: refused, the file on disk unchanged', async () => {
    const draft = await store().create(sampleContent('原来的内容。'))
    const file = join(dir, 'drafts', draft.id, 'draft.json')
    const before = await readFile(file, 'utf8')
    await expect(store().save(draft.id, 0, invalid())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    await expect(store().save(draft.id, 0, nested(400))).rejects.toThrow(/嵌套过深/)
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('duplicate of a draft whose title is at the limit: a valid copy, not a damaged file', async () => {
    const s = store()
    const content = sampleContent()
    const draft = await s.create({ ...content, meta: { ...content.meta, title: '长'.repeat(200) } })
    const copy = await s.duplicate(draft.id)
    expect(copy.meta.title).toHaveLength(200)
    expect((await store().open(copy.id)).notice).toBeNull()
  })

  it('carry forward and rename produce files that read back without notice', async () => {
    const s = store()
    const draft = await s.create(sampleContent())
    const next = await s.carryForward(draft.id)
    await s.rename(next.id, '新的标题')
    expect((await store().open(next.id)).notice).toBeNull()
    expect((await store().open(next.id)).draft.meta.title).toBe('新的标题')
  })
})

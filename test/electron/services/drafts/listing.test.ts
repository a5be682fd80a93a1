import { chmod, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { sampleContent, tempDataDir } from './helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(async () => {
  // A test may leave a file without permissions behind.
  await chmod(dir, 0o755).catch(() => undefined)
  await dispose()
})

const store = () => new DraftStore({ dataDir: dir, log: () => undefined })

/** Two drafts; returns the one to damage and the path of its file. */
async function twoDrafts() {
  const s = store()
  const good = await s.create({
    ...sampleContent(),
    meta: { ...sampleContent().meta, title: '好的草稿' },
  })
  const bad = await s.create({
    ...sampleContent(),
    meta: { ...sampleContent().meta, title: '坏的草稿' },
  })
  return { good, bad, file: join(dir, 'drafts', bad.id, 'draft.json') }
}

/** A draft file whose body is nested `depth` levels deep: valid JSON, and a valid shape. */
function deeplyNested(id: string, depth: number): string {
  const open = '{"type":"bulletList","content":['.repeat(depth)
  const close = ']}'.repeat(depth)
  const at = '2026-11-23T08:00:00.000Z'
  return `{"schemaVersion":1,"id":"${id}","revision":3,"createdAt":"${at}","updatedAt":"${at}","wordCount":0,"meta":${JSON.stringify(sampleContent().meta)},"indicators":[],"ignoredFindings":[],"body":{"type":"doc","content":[${open}${close}]}}`
}

describe('one unreadable draft never hides the others', () => {
  it('a draft.json that became a folder: set aside, recovered from its revision, all listed', async () => {
    const { good, bad, file } = await twoDrafts()
    await rm(file)
    await mkdir(file)
    const { drafts, notices } = await store().list()
    expect(drafts.map((d) => d.id).sort()).toEqual([good.id, bad.id].sort())
    expect(drafts.every((d) => !d.damaged)).toBe(true)
    expect(notices[0]).toMatch(/变成了一个文件夹.*历史版本恢复/)
    expect(await readdir(join(dir, 'drafts', bad.id, 'quarantine'))).toHaveLength(1)
  })

  it('a draft.json that cannot be read (a link loop): listed as damaged with its revision’s title', async () => {
    const { good, bad, file } = await twoDrafts()
    await rm(file)
    await symlink(file, file)
    const { drafts, notices } = await store().list()
    expect(drafts).toHaveLength(2)
    const damaged = drafts.find((d) => d.id === bad.id)!
    expect(damaged).toMatchObject({ title: '坏的草稿', damaged: true })
    expect(drafts.find((d) => d.id === good.id)!.damaged).toBeUndefined()
    expect(notices[0]).toMatch(/坏的草稿.*无法打开.*符号链接/)
    await expect(store().open(bad.id)).rejects.toMatchObject({ code: 'IO_ERROR' })
  })

  // Root reads any file, so this real permission check runs only for ordinary users.
  it.skipIf(process.getuid?.() === 0)(
    'a draft.json without read permission: listed as damaged, the others listed',
    async () => {
      const { bad, file } = await twoDrafts()
      await chmod(file, 0o000)
      const { drafts, notices } = await store().list()
      expect(drafts).toHaveLength(2)
      expect(drafts.find((d) => d.id === bad.id)).toMatchObject({
        damaged: true,
        title: '坏的草稿',
      })
      expect(notices[0]).toMatch(/没有权限/)
      await chmod(file, 0o644)
    },
  )

  it('a body nested too deep to parse: refused before parsing, recovered from its revision', async () => {
    const { good, bad, file } = await twoDrafts()
    await writeFile(file, deeplyNested(bad.id, 100_000))
    const { drafts, notices } = await store().list()
    expect(drafts.map((d) => d.id).sort()).toEqual([good.id, bad.id].sort())
    expect(notices[0]).toMatch(/嵌套过深/)
    expect((await store().open(bad.id)).notice).toBeNull()
  })

  it('nested too deep and no revision left: listed as damaged with a plain title', async () => {
    const { bad, file } = await twoDrafts()
    await rm(join(dir, 'drafts', bad.id, 'revisions'), { recursive: true })
    await writeFile(file, deeplyNested(bad.id, 100_000))
    const { drafts, notices } = await store().list()
    expect(drafts.find((d) => d.id === bad.id)).toMatchObject({
      damaged: true,
      title: '（无法读取的草稿）',
    })
    expect(notices[0]).toMatch(/嵌套过深.*没有可用的历史版本/)
    // A listing again, and opening, say the same; nothing is lost from the quarantine.
    expect((await store().list()).drafts).toHaveLength(2)
    expect(await readdir(join(dir, 'drafts', bad.id, 'quarantine'))).toHaveLength(1)
  })

  it('a report with deep but ordinary nesting still reads', async () => {
    const { bad, file } = await twoDrafts()
    await writeFile(file, deeplyNested(bad.id, 40))
    expect((await store().open(bad.id)).notice).toBeNull()
  })
})

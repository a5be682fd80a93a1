import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { nodeFs, type AtomicFs } from '../../../../electron/services/drafts/atomic-write.ts'
import { SnippetStore } from '../../../../electron/services/snippets/snippet-store.ts'
import { tempDataDir } from '../drafts/helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(() => dispose())

const pack = (snippets: { text: string; category: string }[]) =>
  JSON.stringify({ format: 'caogao-snippets', version: 1, snippets })

describe('the writer’s own snippets', () => {
  it('are kept in snippets.json, apart from drafts, and survive a restart', async () => {
    const saved = await new SnippetStore(dir).save({
      text: '全面落实“双减”政策。',
      category: '义务教育',
    })
    await new SnippetStore(dir).recordUse(saved.id)
    const again = await new SnippetStore(dir).list()
    expect(again.snippets).toEqual([saved])
    expect(again.usage[saved.id]).toBe(1)
    expect(JSON.parse(await readFile(join(dir, 'snippets.json'), 'utf8')).snippets).toHaveLength(1)
  })

  it('edit, delete and refuse a duplicate', async () => {
    const store = new SnippetStore(dir)
    const s = await store.save({ text: '甲', category: '开头' })
    await expect(store.save({ text: '甲', category: '结尾' })).rejects.toThrow(/相同/)
    await store.save({ id: s.id, text: '乙', category: '结尾' })
    expect((await store.list()).snippets).toEqual([{ id: s.id, text: '乙', category: '结尾' }])
    await store.remove(s.id)
    expect((await store.list()).snippets).toEqual([])
  })
})

describe('snippet packs', () => {
  it('import a good pack and merge duplicates', async () => {
    const store = new SnippetStore(dir)
    await store.save({ text: '已有的一句。', category: '开头' })
    const result = await store.importPack(
      pack([
        { text: '已有的一句。', category: '开头' },
        { text: '新的一句。', category: '结尾' },
        { text: '新的一句。', category: '结尾' },
      ]),
    )
    expect(result).toEqual({ added: 1, skipped: 2 })
    expect((await store.list()).snippets.map((s) => s.text)).toEqual(['已有的一句。', '新的一句。'])
  })

  it('round-trip through export', async () => {
    const a = new SnippetStore(dir)
    await a.save({ text: '甲句。', category: '开头' })
    const text = await a.exportPack()
    const { dir: other, dispose: disposeOther } = await tempDataDir()
    try {
      expect(await new SnippetStore(other).importPack(text)).toEqual({ added: 1, skipped: 0 })
    } finally {
      await disposeOther()
    }
  })

  it.each([
    ['not JSON', '{oops', /不是有效的 JSON/],
    [
      'another format',
      JSON.stringify({ format: 'x', version: 1, snippets: [] }),
      /不是草稿程序导出的常用语包/,
    ],
    ['an empty text', pack([{ text: '', category: '开头' }]), /不是草稿程序导出的常用语包/],
    [
      'a wrong version',
      JSON.stringify({ format: 'caogao-snippets', version: 9, snippets: [] }),
      /不是草稿程序导出的常用语包/,
    ],
  ])('refuse %s with a clear message and change nothing', async (_name, text, message) => {
    const store = new SnippetStore(dir)
    await store.save({ text: '原有。', category: '开头' })
    await expect(store.importPack(text)).rejects.toThrow(message)
    expect((await new SnippetStore(dir).list()).snippets.map((s) => s.text)).toEqual(['原有。'])
  })
})

describe('no silent loss of the writer’s snippets', () => {
  const file = () => join(dir, 'snippets.json')

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'counts uses of a snippet with the id %j, and every snippet survives a restart',
    async (id) => {
      const own = await new SnippetStore(dir).save({ text: '我的一句。', category: '开头' })
      await new SnippetStore(dir).recordUse(id)
      await new SnippetStore(dir).recordUse(id)
      const after = await new SnippetStore(dir).list()
      expect(after.snippets).toEqual([own])
      expect(Object.getOwnPropertyDescriptor(after.usage, id)?.value).toBe(2)
      expect(Object.getPrototypeOf(after.usage)).toBeNull()
      expect(JSON.parse(await readFile(file(), 'utf8')).snippets).toHaveLength(1)
    },
  )

  it('drops a bad usage entry, never the file', async () => {
    await writeFile(
      file(),
      JSON.stringify({
        version: 1,
        snippets: [{ id: 'u:1', text: '甲。', category: '开头' }],
        usage: { 'u:1': 3, bad: 'function Object() { [native code] }1', neg: -1, half: 0.5 },
      }),
    )
    const { snippets, usage } = await new SnippetStore(dir).list()
    expect(snippets.map((s) => s.text)).toEqual(['甲。'])
    expect(usage).toEqual({ 'u:1': 3 })
  })

  it('sets a damaged snippets.json aside and never overwrites it with an empty list', async () => {
    const damaged = '{"version":1,"snippets":[{"id":"u:1","text":"甲。","categ'
    await writeFile(file(), damaged)
    const logged: string[] = []
    const store = new SnippetStore(dir, { log: (m) => logged.push(m) })
    expect((await store.list()).snippets).toEqual([])
    await store.save({ text: '新的一句。', category: '开头' })
    const kept = await readdir(join(dir, 'quarantine'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, 'quarantine', kept[0]!), 'utf8')).toBe(damaged)
    expect(logged[0]).toMatch(/set aside/)
  })

  it('keeps the good snippets of a partly damaged file, and a copy of the whole file', async () => {
    const text = JSON.stringify({
      version: 1,
      snippets: [
        { id: 'u:1', text: '甲。', category: '开头' },
        { id: 'u:2', text: 42, category: '开头' },
        { id: 'u:3', text: '丙。', category: '结尾' },
      ],
    })
    await writeFile(file(), text)
    const store = new SnippetStore(dir, { log: () => undefined })
    expect((await store.list()).snippets.map((s) => s.id)).toEqual(['u:1', 'u:3'])
    const kept = await readdir(join(dir, 'quarantine'))
    expect(await readFile(join(dir, 'quarantine', kept[0]!), 'utf8')).toBe(text)
  })

  it('refuses to work on a snippets.json it cannot read, rather than start empty', async () => {
    await mkdir(file())
    await writeFile(join(file(), 'inside'), 'x')
    const store = new SnippetStore(dir)
    await expect(store.list()).rejects.toMatchObject({ code: 'IO_ERROR' })
    await expect(store.save({ text: '甲。', category: '开头' })).rejects.toThrow(/失败/)
    expect(await readdir(file())).toEqual(['inside'])
  })

  it('explains a full disk and keeps the old file', async () => {
    const store = new SnippetStore(dir)
    await store.save({ text: '原有。', category: '开头' })
    const before = await readFile(file(), 'utf8')
    const full: AtomicFs = {
      ...nodeFs,
      open: async () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
      },
    }
    const failing = new SnippetStore(dir, { fs: full })
    await expect(failing.save({ text: '新。', category: '开头' })).rejects.toThrow(
      /磁盘空间已满，保存常用语失败/,
    )
    expect(await readFile(file(), 'utf8')).toBe(before)
  })

  it('counts every one of many quick uses', async () => {
    const store = new SnippetStore(dir)
    await Promise.all(Array.from({ length: 10 }, () => store.recordUse('b:opening-1')))
    expect((await new SnippetStore(dir).list()).usage['b:opening-1']).toBe(10)
  })
})

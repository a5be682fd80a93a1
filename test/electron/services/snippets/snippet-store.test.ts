import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

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

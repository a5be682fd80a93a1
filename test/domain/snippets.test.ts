import { describe, expect, it } from 'vitest'

import {
  BUILTIN_SNIPPETS,
  CATEGORIES,
  categoriesForSection,
  fillSnippet,
  parseTemplate,
  previewSnippet,
  snippetPackSchema,
} from '../../domain/snippets/snippets.ts'

const meta = { unit: '某某县教育局', year: 2026, topic: '', superior: '县委、县政府' }

describe('the built-in library', () => {
  it('holds at least 200 snippets in the categories of the genre', () => {
    expect(BUILTIN_SNIPPETS.length).toBeGreaterThanOrEqual(200)
    for (const s of BUILTIN_SNIPPETS) expect(CATEGORIES).toContain(s.category)
    expect(new Set(BUILTIN_SNIPPETS.map((s) => s.id)).size).toBe(BUILTIN_SNIPPETS.length)
    expect(new Set(BUILTIN_SNIPPETS.map((s) => s.text)).size).toBe(BUILTIN_SNIPPETS.length)
  })

  it('uses only known fields and well-formed slots', () => {
    for (const s of BUILTIN_SNIPPETS) {
      for (const part of parseTemplate(s.text))
        if (part.kind === 'text') expect(part.text).not.toMatch(/[{}[\]]/)
    }
  })
})

describe('filling a snippet', () => {
  it('fills fields from the report and leaves slots open', () => {
    const nodes = fillSnippet(
      '{年度}年，{单位}在{上级}的正确领导下，[具体做法]，{下一年度}年将继续努力。',
      meta,
    )
    expect(nodes).toEqual([
      { type: 'text', text: '2026年，某某县教育局在县委、县政府的正确领导下，' },
      { type: 'snippetSlot', attrs: { label: '具体做法' } },
      { type: 'text', text: '，2027年将继续努力。' },
    ])
  })

  it('leaves a field the report lacks as a slot named after it', () => {
    expect(
      previewSnippet('在{上级}领导下，推进{主题}。', { ...meta, superior: '', topic: '' }),
    ).toBe('在［上级］领导下，推进［主题］。')
    expect(previewSnippet('推进{主题}。', { ...meta, topic: '安全工作' })).toBe('推进安全工作。')
    expect(previewSnippet('推进{主题}。', { ...meta, topic: '学生资助' })).toBe(
      '推进学生资助工作。',
    )
  })

  it('keeps unknown braces as text', () => {
    expect(previewSnippet('{未知}与[槽]', meta)).toBe('{未知}与［槽］')
  })
})

describe('suggestions follow the section', () => {
  it.each([
    [[], true, false, ['开头']],
    [
      ['一、主要工作及成效', '（二）推进学前教育普及普惠'],
      false,
      false,
      ['学前教育', '成绩', '举措'],
    ],
    [['二、存在的问题'], false, false, ['问题']],
    [['三、下一步工作打算'], false, false, ['打算']],
    [['三、下一步工作打算'], false, true, ['结尾', '打算']],
  ])('%j → %j', (path, before, end, expected) => {
    expect(categoriesForSection(path, before, end)).toEqual(expected)
  })
})

describe('snippet packs', () => {
  it('accept the pack format and refuse anything else', () => {
    expect(
      snippetPackSchema.safeParse({
        format: 'caogao-snippets',
        version: 1,
        snippets: [{ text: '甲', category: '开头' }],
      }).success,
    ).toBe(true)
    expect(snippetPackSchema.safeParse({ format: 'other', version: 1, snippets: [] }).success).toBe(
      false,
    )
    expect(
      snippetPackSchema.safeParse({
        format: 'caogao-snippets',
        version: 1,
        snippets: [{ text: '' }],
      }).success,
    ).toBe(false)
  })
})

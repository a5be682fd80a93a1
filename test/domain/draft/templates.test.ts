import { describe, expect, it } from 'vitest'

import { docSchema, plainText, type DocNode } from '../../../domain/draft/doc.ts'
import { draftKindSchema } from '../../../domain/draft/draft.ts'
import { TOPIC_NAMES, suggestTitle, templateBody } from '../../../domain/draft/templates.ts'

const headings = (nodes: DocNode[]) =>
  nodes.filter((n) => n.type === 'heading').map((n) => `${String(n.attrs?.level)} ${plainText(n)}`)

describe('templates', () => {
  it.each(draftKindSchema.options)('%s is a valid document', (kind) => {
    expect(docSchema.safeParse(templateBody(kind, '安全工作')).success).toBe(true)
  })

  it('gives the annual skeleton real reports use, with guidance and no text', () => {
    const body = templateBody('annual')
    const h = headings(body.content)
    expect(h[0]).toBe('1 主要工作及成效')
    expect(h.filter((x) => x.startsWith('2 ')).length).toBeGreaterThanOrEqual(6)
    expect(h.slice(-2)).toEqual(['1 存在的问题', '1 下一步工作打算'])
    const paragraphs = body.content.filter((n) => n.type === 'paragraph')
    expect(
      paragraphs.every((p) => plainText(p) === '' && typeof p.attrs?.guidance === 'string'),
    ).toBe(true)
    expect(body.content[0]!.type).toBe('paragraph')
    expect(body.content.at(-1)!.type).toBe('paragraph')
  })

  it('gives the half-year report its own sections', () => {
    const h = headings(templateBody('half-year').content).filter((x) => x.startsWith('1 '))
    expect(h).toEqual(['1 上半年主要工作及成效', '1 存在的问题', '1 下半年工作思路'])
  })

  it.each(TOPIC_NAMES)('gives the %s topic its subsections', (topic) => {
    const h = headings(templateBody('topical', topic).content).filter((x) => x.startsWith('2 '))
    expect(h.length).toBeGreaterThanOrEqual(3)
  })

  it('suggests titles from unit, year and kind', () => {
    expect(suggestTitle({ unit: '某某县教育局', year: 2026, kind: 'annual', topic: '' })).toBe(
      '某某县教育局2026年教育工作总结',
    )
    expect(
      suggestTitle({ unit: '某某县教育局', year: 2026, kind: 'topical', topic: '安全工作' }),
    ).toBe('某某县教育局2026年安全工作总结')
    expect(suggestTitle({ unit: '某某镇中心学校', year: 2026, kind: 'half-year', topic: '' })).toBe(
      '某某镇中心学校2026年上半年工作总结及下半年工作思路',
    )
  })
})

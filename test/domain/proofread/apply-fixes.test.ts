import { describe, expect, it } from 'vitest'

import { paragraph, type Doc, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftMeta } from '../../../domain/draft/draft.ts'
import { importParagraphs, paragraphsOfText } from '../../../domain/import/import-paragraphs.ts'
import { applyFixes } from '../../../domain/proofread/apply-fixes.ts'
import { checkedTexts, proofread, type Finding } from '../../../domain/proofread/proofread.ts'
import { loadCorpus } from '../../fixtures/proofread/score.ts'

const meta = (over: Partial<DraftMeta> = {}): DraftMeta => ({
  title: '',
  unit: '云溪县教育局',
  year: 2025,
  kind: 'annual',
  topic: '',
  superior: '',
  recipient: '',
  signature: '',
  date: '',
  lengthTarget: null,
  ...over,
})

const doc = (...content: DocNode[]): Doc => ({ type: 'doc', content })
const fixesOf = (body: Doc) => proofread({ meta: meta(), body, indicators: [] })

describe('applyFixes', () => {
  it('applies only findings with a fix and lists each change', () => {
    const body = doc(paragraph('全年新建学校3所,改扩建学校11所。。全县共有教师X人。'))
    const findings = fixesOf(body)
    expect(findings.some((f) => f.fix === undefined)).toBe(true) // the placeholder has no fix
    const { body: fixed, changes } = applyFixes(body, findings)
    expect(checkedTexts(fixed.content)).toEqual([
      '全年新建学校3所，改扩建学校11所。全县共有教师X人。',
    ])
    expect(changes.map((c) => [c.before, c.after])).toEqual([
      [',', '，'],
      ['。。', '。'],
    ])
  })

  it('keeps each text node’s marks and leaves references where they stand', () => {
    const body = doc({
      type: 'paragraph',
      content: [
        { type: 'text', text: '开展"书香' },
        { type: 'text', text: '校园"活动', marks: [{ type: 'bold' }] },
        { type: 'indicatorRef', attrs: { id: 'a' } },
        { type: 'text', text: '人,增长' },
      ],
    })
    const { body: fixed } = applyFixes(body, fixesOf(body))
    expect(fixed.content[0]!.content).toEqual([
      { type: 'text', text: '开展“书香' },
      { type: 'text', text: '校园”活动', marks: [{ type: 'bold' }] },
      { type: 'indicatorRef', attrs: { id: 'a' } },
      { type: 'text', text: '人，增长' },
    ])
  })

  it('skips a stale finding, one across a reference, and one overlapping another', () => {
    const body = doc(paragraph('甲,乙'), {
      type: 'paragraph',
      content: [
        { type: 'text', text: '丙' },
        { type: 'indicatorRef' },
        { type: 'text', text: '丁' },
      ],
    })
    const base = {
      message: '',
      severity: 'should',
      rule: 'half-width',
      section: '',
      key: '',
    } as const
    const findings: Finding[] = [
      { ...base, block: 0, offset: 1, length: 1, text: ',', fix: '，' },
      { ...base, block: 0, offset: 0, length: 2, text: '甲,', fix: 'X' },
      { ...base, block: 0, offset: 2, length: 1, text: '戊', fix: '己' },
      { ...base, block: 1, offset: 0, length: 3, text: '丙\ufffc丁', fix: '' },
    ]
    const { body: fixed, changes, skipped } = applyFixes(body, findings)
    expect(checkedTexts(fixed.content)).toEqual(['X乙', '丙\ufffc丁'])
    expect(changes).toHaveLength(1)
    expect(skipped).toHaveLength(3)
    expect(fixed.content[1]).toBe(body.content[1])
  })
})

/** Every block's new text is its old text with exactly the listed spans replaced. */
function expectOnlyFlaggedSpansChanged(body: Doc, findings: Finding[], label: string) {
  const { body: fixed, changes } = applyFixes(body, findings)
  const before = checkedTexts(body.content)
  const after = checkedTexts(fixed.content)
  expect(after.length, label).toBe(before.length)
  before.forEach((text, block) => {
    const here = changes.filter((c) => c.block === block)
    if (here.length === 0) {
      expect(fixed.content[block], `${label} block ${block}`).toBe(body.content[block])
      return
    }
    let expected = ''
    let pos = 0
    for (const c of here) {
      expect(c.offset, label).toBeGreaterThanOrEqual(pos)
      expect(text.slice(c.offset, c.offset + c.before.length), label).toBe(c.before)
      expected += text.slice(pos, c.offset) + c.after
      pos = c.offset + c.before.length
    }
    expected += text.slice(pos)
    expect(after[block], `${label} block ${block}`).toBe(expected)
  })
  return changes.length
}

describe('fix-all over the whole proofreading corpus', () => {
  const corpus = loadCorpus()

  it('changes nothing in the clean reports but what it flags (and flags nothing there)', () => {
    let changes = 0
    for (const report of corpus.clean) {
      const imported = importParagraphs(paragraphsOfText(report.text), { previousYear: false })
      const body = doc(...imported.body)
      const findings = proofread({
        meta: meta({ ...imported.meta, year: report.context.reportYear ?? 2025 }),
        body,
        indicators: imported.indicators,
      })
      changes += expectOnlyFlaggedSpansChanged(body, findings, report.name)
    }
    expect(changes).toBe(0)
  })

  it('changes only the flagged spans of every slip line', () => {
    let changes = 0
    for (const slip of corpus.slips) {
      const body = doc(
        ...[slip.context?.previous, slip.text]
          .filter((t) => t !== undefined)
          .map((t) => paragraph(t)),
      )
      const findings = proofread({
        meta: meta({
          year: slip.context?.reportYear ?? 2025,
          unit: slip.context?.unit ?? '云溪县教育局',
          kind: slip.context?.kind ?? 'annual',
        }),
        body,
        indicators: [],
      })
      changes += expectOnlyFlaggedSpansChanged(body, findings, slip.id)
    }
    // Most slips that have a certain fix get it.
    expect(changes).toBeGreaterThanOrEqual(180)
  })

  it('leaves nothing for a second fix-all on any slip line: a fix never half-mends a word', () => {
    const left: string[] = []
    for (const slip of corpus.slips) {
      const m = meta({
        year: slip.context?.reportYear ?? 2025,
        unit: slip.context?.unit ?? '云溪县教育局',
        kind: slip.context?.kind ?? 'annual',
      })
      const body = doc(
        ...[slip.context?.previous, slip.text]
          .filter((t) => t !== undefined)
          .map((t) => paragraph(t)),
      )
      const once = applyFixes(body, proofread({ meta: m, body, indicators: [] })).body
      const again = proofread({ meta: m, body: once, indicators: [] }).filter(
        (f) => f.fix !== undefined,
      )
      for (const f of again) left.push(`${slip.id}: ${f.text} → ${f.fix}`)
    }
    expect(left).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'

import { generateReport } from '../../../bench/report-fixture.ts'
import { compareVersions, type Comparison } from '../../../domain/compare/compare.ts'
import { diffText, newerText, olderText } from '../../../domain/compare/text-diff.ts'
import { tokenize } from '../../../domain/compare/tokens.ts'
import { heading, paragraph, plainText, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftContent, DraftMeta } from '../../../domain/draft/draft.ts'
import { newDraftMeta } from '../../../domain/draft/new-draft.ts'

const P1 =
  '全县小学在校学生28630人，初中在校学生12537人。小学适龄儿童入学率100%，九年义务教育巩固率92.5%。'
const P2 =
  '全年争取各级项目资金8650万元，新建、改扩建校舍4.2万平方米，改造危房面积3200平方米，新增学位1350个。'
const P3 =
  '全县义务教育学校全部开展课后服务，学生自愿参与率达到92.4%，各校开设书法、合唱、篮球等特色课程340余门。'
const P4 =
  '通过公开招聘、特岗计划和公费师范生安置等渠道补充新教师186人，全县专任教师5248人，乡村学校紧缺学科教师得到补充。'
const P5 =
  '严格落实校园安全“一岗双责”，全年开展安全隐患排查4轮，整改隐患213处，全年未发生较大以上安全责任事故。'

type Block = ['h', 1 | 2, string] | string

function version(blocks: Block[], meta: Partial<DraftMeta> = {}): DraftContent {
  const content: DocNode[] = blocks.map((b) =>
    typeof b === 'string' ? paragraph(b) : heading(b[1], b[2]),
  )
  return {
    meta: newDraftMeta({
      unit: '某某县教育局',
      year: 2026,
      kind: 'annual',
      title: '某某县教育局2026年工作总结',
      date: '2026-11-20',
      ...meta,
    }),
    body: { type: 'doc', content },
    indicators: [],
    ignoredFindings: [],
  }
}

const BASE: Block[] = [['h', 1, '工作开展情况'], P1, P2, P3, ['h', 1, '存在的问题'], P4, P5]

const compare = (a: DraftContent, b: DraftContent) =>
  compareVersions(a, b, { level3: '1.', today: '2026-11-23' })

/** Every entry's segments give back each side's text, block by block. */
function expectFaithful(c: Comparison) {
  const olderBody = c.entries
    .filter((e) => e.kind !== 'moved')
    .map((e) => olderText(e.segments))
    .filter(Boolean)
  const newerBody = c.entries
    .filter((e) => e.kind !== 'moved-away')
    .map((e) => newerText(e.segments))
    .filter(Boolean)
  const text = (blocks: Comparison['older']) => blocks.map((b) => b.label + b.text).filter(Boolean)
  expect(olderBody.join('\n')).toBe(text(c.older).join('\n'))
  expect(newerBody.join('\n')).toBe(text(c.newer).join('\n'))
}

const kinds = (c: Comparison) => c.entries.filter((e) => e.kind !== 'equal').map((e) => e.kind)

describe('tokenize', () => {
  it.each([
    ['率92.5%，', ['率', '92.5%', '，']],
    ['3,182人', ['3,182', '人']],
    ['1.2万人', ['1.2万', '人']],
    ['2026年11月20日起', ['2026年11月20日', '起']],
    ['提高2.1个百分点', ['提', '高', '2.1个百分点']],
    ['师生比1∶21', ['师', '生', '比', '1∶21']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens)
  })
})

describe('diffText', () => {
  it('gives up cheaply on texts with nothing in common: one deletion, one insertion', () => {
    const a = '甲乙丙丁'.repeat(5000)
    const b = '子丑寅卯'.repeat(5000)
    const segments = diffText(a, b)
    expect(segments.map((s) => s.op)).toEqual(['delete', 'insert'])
    expect(olderText(segments)).toBe(a)
    expect(newerText(segments)).toBe(b)
  })

  it('folds equal scraps between changes into one replacement', () => {
    expect(
      diffText('加强了教师的培训工作', '强化教研队伍建设工作').filter((s) => s.op !== 'equal'),
    ).toHaveLength(2)
  })
})

describe('compareVersions', () => {
  const cases: {
    name: string
    newer: DraftContent
    older?: DraftContent
    check: (c: Comparison) => void
  }[] = [
    {
      name: 'identical versions: no change',
      newer: version(BASE),
      check: (c) => {
        expect(c.changes).toEqual([])
        expect(c.counts.total).toBe(0)
        expect(kinds(c)).toEqual([])
      },
    },
    {
      name: 'figures changed: one change each, flagged',
      newer: version(
        BASE.map((b) => (b === P1 ? P1.replace('92.5%', '93.1%').replace('28630', '28,702') : b)),
      ),
      check: (c) => {
        expect(kinds(c)).toEqual(['modified'])
        expect(c.changes.map((x) => [x.type, x.oldText, x.newText, x.figure])).toEqual([
          ['replace', '28630', '28,702', true],
          ['replace', '92.5%', '93.1%', true],
        ])
        expect(c.counts.figures).toBe(2)
      },
    },
    {
      name: 'a paragraph moved: one move, not a deletion and an insertion',
      newer: version([['h', 1, '工作开展情况'], P2, P3, ['h', 1, '存在的问题'], P4, P1, P5]),
      check: (c) => {
        expect(kinds(c).sort()).toEqual(['moved', 'moved-away'])
        expect(c.changes.map((x) => x.type)).toEqual(['move'])
        expect(c.counts.moved).toBe(1)
      },
    },
    {
      name: 'a moved paragraph edited on the way',
      newer: version([
        ['h', 1, '工作开展情况'],
        P2,
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5,
        P1.replace('92.5%', '93%'),
      ]),
      check: (c) => {
        expect(kinds(c).sort()).toEqual(['moved', 'moved-away'])
        expect(c.changes.map((x) => [x.type, x.newText])).toEqual([
          ['move', P1.replace('92.5%', '93%')],
          ['replace', '93%'],
        ])
      },
    },
    {
      name: 'a paragraph split in two',
      newer: version(BASE.flatMap((b) => (b === P2 ? [P2.slice(0, 24), P2.slice(24)] : [b]))),
      check: (c) => {
        expect(kinds(c)).toEqual(['split'])
        const split = c.entries.find((e) => e.kind === 'split')!
        expect(split.new).toHaveLength(2)
        expect(c.changes.map((x) => [x.type, x.newText])).toEqual([['insert', '\n']])
      },
    },
    {
      name: 'two paragraphs merged',
      newer: version([['h', 1, '工作开展情况'], P1, P2 + P3, ['h', 1, '存在的问题'], P4, P5]),
      check: (c) => {
        expect(kinds(c)).toEqual(['merged'])
        expect(c.changes.map((x) => [x.type, x.oldText])).toEqual([['delete', '\n']])
      },
    },
    {
      name: 'a heading renamed',
      newer: version(
        BASE.map((b) =>
          Array.isArray(b) && b[2] === '存在的问题' ? ['h', 1, '存在的主要问题'] : b,
        ),
      ),
      check: (c) => {
        expect(kinds(c)).toEqual(['modified'])
        expect(c.changes).toMatchObject([{ type: 'insert', newText: '主要', heading: true }])
      },
    },
    {
      name: 'a heading reworded beyond likeness stays paired by level and place',
      newer: version(
        BASE.map((b) =>
          Array.isArray(b) && b[2] === '工作开展情况' ? ['h', 1, '主要工作及成效'] : b,
        ),
      ),
      check: (c) => {
        expect(kinds(c)).toEqual(['modified'])
        expect(c.counts.headings).toBe(c.counts.total)
      },
    },
    {
      name: 'a section deleted: its heading and paragraphs, the next heading renumbered',
      newer: version([['h', 1, '存在的问题'], P4, P5]),
      check: (c) => {
        expect(kinds(c)).toEqual(['deleted', 'deleted', 'deleted', 'deleted', 'modified'])
        const renumber = c.changes.filter((x) => x.numbering)
        expect(renumber).toMatchObject([{ oldText: '二', newText: '一', heading: true }])
        expect(c.counts.deleted).toBe(4)
      },
    },
    {
      name: 'Chinese punctuation changed',
      newer: version(
        BASE.map((b) =>
          b === P5 ? P5.replace('，整改', '；整改').replace('“一岗双责”', '"一岗双责"') : b,
        ),
      ),
      check: (c) => {
        expect(c.changes.map((x) => [x.type, x.oldText, x.newText])).toEqual([
          ['replace', '“', '"'],
          ['replace', '”', '"'],
          ['replace', '，', '；'],
        ])
      },
    },
    {
      name: 'metadata changed: title, unit, date',
      newer: version(BASE, {
        title: '某某县教育局2026年教育工作总结',
        unit: '某某县教育和体育局',
        date: '2026-12-01',
      }),
      check: (c) => {
        expect(c.changes.every((x) => x.meta)).toBe(true)
        expect(c.changes.map((x) => [x.blockKind, x.field, x.oldText, x.newText])).toEqual([
          ['title', null, '', '教育'],
          ['meta', 'unit', '某某县教育局', '某某县教育和体育局'],
          ['meta', 'signature', '某某县教育局', '某某县教育和体育局'],
          ['meta', 'date', '2026年11月20日', '2026年12月1日'],
        ])
      },
    },
    {
      name: 'a paragraph inserted and one deleted',
      newer: version([
        ['h', 1, '工作开展情况'],
        P1,
        '新增一段关于学前教育普惠发展的总结，全县学前三年毛入园率94.1%。',
        P2,
        P3,
        ['h', 1, '存在的问题'],
        P5,
      ]),
      check: (c) => {
        expect(kinds(c)).toEqual(['inserted', 'deleted'])
        expect(c.counts).toMatchObject({ inserted: 1, deleted: 1, total: 2 })
      },
    },
  ]
  it('an indicator value changed: a figure change wherever the text refers to it', () => {
    const older = generateReport(6_000, 3, 6)
    const newer = structuredClone(older)
    newer.indicators[0]!.current = '99.7'
    const c = compare(older, newer)
    expectFaithful(c)
    // Six references; half also write out the change on last year, which moves too.
    expect(c.counts.figures).toBe(9)
    expect(c.changes.every((x) => x.figure && x.type === 'replace')).toBe(true)
    expect(c.changes[0]).toMatchObject({ oldText: '99.66%', newText: '99.7%' })
  })

  it('a section moved: its heading and paragraphs each moved, the numbers redrawn', () => {
    const c = compare(
      version(BASE),
      version([['h', 1, '存在的问题'], P4, P5, ['h', 1, '工作开展情况'], P1, P2, P3]),
    )
    expectFaithful(c)
    expect(c.counts.inserted + c.counts.deleted).toBe(0)
    expect(c.counts.moved).toBe(3)
  })

  it.each(cases)('$name', ({ newer, older = version(BASE), check }) => {
    const c = compare(older, newer)
    expectFaithful(c)
    // Each body block names the draft node it prints, for jumping to it and applying a change.
    for (const [blocks, source] of [
      [c.older, older],
      [c.newer, newer],
    ] as const) {
      for (const b of blocks.filter((x) => x.node !== null)) {
        expect(plainText(source.body.content[b.node!]!)).toBe(b.text)
      }
    }
    check(c)
  })
})

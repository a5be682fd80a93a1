import { closeHistory, history, undo } from '@tiptap/pm/history'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'

import { compareVersions, type Comparison } from '../../../domain/compare/compare.ts'
import { heading, paragraph, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../domain/draft/draft.ts'
import { newDraftMeta } from '../../../domain/draft/new-draft.ts'
import { draftIndicatorSchema, type DraftIndicator } from '../../../domain/indicators/model.ts'
import { inlineLeafText } from '../../../domain/indicators/references.ts'
import { acceptChange } from '../../../renderer/src/compare/accept-change.ts'
import { headlessEditor, ref, text } from '../editor/headless-editor.ts'

const P1 = '全县小学在校学生28630人，初中在校学生12537人，九年义务教育巩固率92.5%。'
const P2 = '全年争取各级项目资金8650万元，新建、改扩建校舍4.2万平方米。'
const P3 = '全县义务教育学校全部开展课后服务，学生自愿参与率达到92.4%。'
const P4 = '通过公开招聘补充新教师186人，全县专任教师5248人。'
const P5 = '严格落实校园安全“一岗双责”，全年整改隐患213处。'

type Block = ['h', 1 | 2, string] | string
const nodes = (blocks: Block[]): DocNode[] =>
  blocks.map((b) => (typeof b === 'string' ? paragraph(b) : heading(b[1], b[2])))

function version(body: DocNode[], indicators: DraftIndicator[] = []): DraftContent {
  return {
    meta: newDraftMeta({ unit: '某某县教育局', year: 2026, kind: 'annual', title: '工作总结' }),
    body: { type: 'doc', content: body },
    indicators,
    ignoredFindings: [],
  }
}

const BASE: Block[] = [['h', 1, '工作开展情况'], P1, P2, P3, ['h', 1, '存在的问题'], P4, P5]

const compare = (a: DraftContent, b: DraftContent): Comparison =>
  compareVersions(a, b, { level3: '1.', today: '2026-11-23' })

/**
 * Takes every change of `newer` into an editor holding `older`, one at a time, comparing
 * again after each as the dialog does; what is refused is counted, not forced.
 */
function acceptAll(older: DraftContent, newer: DraftContent) {
  const { editor } = headlessEditor(older.body, older.indicators)
  // The report's schema with the history the app's editor has, as a plain state.
  let state = EditorState.create({ doc: editor.state.doc, plugins: [history()] })
  const leaf = inlineLeafText(older.indicators)
  const current = () => ({ ...older, body: state.doc.toJSON() as DraftContent['body'] })
  const refused: string[] = []
  let steps = 0
  for (let round = 0; round < 50; round++) {
    const comparison = compare(current(), newer)
    const next = comparison.changes.find((c, i) => !c.meta && !c.numbering && i >= refused.length)
    if (!next) break
    const result = acceptChange(state, comparison, next, leaf)
    if (result.ok === true) {
      state = state.apply(closeHistory(result.tr))
      steps++
    } else if (result.ok === false) refused.push(result.reason)
  }
  const undoOnce = () =>
    undo(state, (tr) => {
      state = state.apply(tr)
    })
  return { undoOnce, current, refused, steps }
}

const body = (c: DraftContent) => compare(c, c).newer.filter((b) => b.node !== null)
const texts = (c: DraftContent) => body(c).map((b) => `${b.kind}:${b.text}`)

describe('accepting the changes of a returned file', () => {
  const cases: [string, Block[]][] = [
    [
      'a figure changed',
      [
        ['h', 1, '工作开展情况'],
        P1.replace('92.5', '93.1'),
        P2,
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5,
      ],
    ],
    [
      'words inserted and deleted',
      [
        ['h', 1, '工作开展情况'],
        P1,
        P2.replace('各级', ''),
        `${P3}课后服务实现全覆盖。`,
        ['h', 1, '存在的问题'],
        P4,
        P5,
      ],
    ],
    [
      'a paragraph added',
      [
        ['h', 1, '工作开展情况'],
        P1,
        P2,
        '新增一段：全面推进“双减”工作。',
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5,
      ],
    ],
    ['a paragraph deleted', [['h', 1, '工作开展情况'], P1, P3, ['h', 1, '存在的问题'], P4, P5]],
    ['a paragraph moved', [['h', 1, '工作开展情况'], P2, P3, P1, ['h', 1, '存在的问题'], P4, P5]],
    [
      'a paragraph split',
      [
        ['h', 1, '工作开展情况'],
        P1,
        '全年争取各级项目资金8650万元。',
        '新建、改扩建校舍4.2万平方米。',
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5,
      ],
    ],
    [
      'two paragraphs merged',
      [['h', 1, '工作开展情况'], P1, P2, P3, ['h', 1, '存在的问题'], P4 + P5],
    ],
    ['a heading renamed', [['h', 1, '主要工作及成效'], P1, P2, P3, ['h', 1, '存在的问题'], P4, P5]],
    ['a section deleted', [['h', 1, '工作开展情况'], P1, P2, P3]],
    [
      'punctuation changed',
      [
        ['h', 1, '工作开展情况'],
        P1.replace('，初中', '；初中'),
        P2,
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5.replace('“一岗双责”', '"一岗双责"'),
      ],
    ],
  ]
  it.each(cases)(
    '%s: taking every change gives the newer text, one undo step each',
    (_name, blocks) => {
      const older = version(nodes(BASE))
      const newer = version(nodes(blocks))
      const { undoOnce, current, refused, steps } = acceptAll(older, newer)
      expect(refused).toEqual([])
      expect(texts(current())).toEqual(texts(newer))
      expect(steps).toBeGreaterThan(0)
      // Each change its own undo step: as many undos as changes bring the older text back.
      for (let i = 0; i < steps; i++) expect(undoOnce()).toBe(true)
      expect(texts(current())).toEqual(texts(older))
    },
  )

  it('keeps indicator references the change does not touch, and refuses to cut one', () => {
    const indicators: DraftIndicator[] = [
      draftIndicatorSchema.parse({
        id: 'a',
        name: '九年义务教育巩固率',
        kind: 'percent',
        unit: '%',
        current: '92.5',
        previous: null,
      }),
    ]
    const withRef: DocNode[] = [
      {
        type: 'paragraph',
        content: [text('全县巩固率'), ref('a'), text('，比上年有所提高。')] as DocNode[],
      },
    ]
    const older = version(withRef, indicators)
    const leaf = inlineLeafText(indicators)
    const printed = compare(older, older).older.find((b) => b.node === 0)!.text
    // A change away from the reference is taken and the reference stays.
    const later = version([paragraph(printed.replace('有所提高', '明显提高'))], indicators)
    const { editor } = headlessEditor(older.body, indicators)
    const c1 = compare(older, later)
    const r1 = acceptChange(editor.state, c1, c1.changes[0]!, leaf)
    expect(r1.ok).toBe(true)
    if (r1.ok === true) editor.view.dispatch(r1.tr)
    const json = JSON.stringify(editor.getJSON())
    expect(json).toContain('indicatorRef')
    expect(json).toContain('明显提高')
    // A change of the figure the reference prints is refused, and nothing changes.
    const figure = version(
      [paragraph(printed.replace('有所提高', '明显提高').replace(/92\.5/, '93.1'))],
      indicators,
    )
    const before = editor.state.doc
    const c2 = compare({ ...older, body: editor.getJSON() as DraftContent['body'] }, figure)
    const r2 = acceptChange(editor.state, c2, c2.changes[0]!, leaf)
    expect(r2.ok).toBe(false)
    expect(editor.state.doc.eq(before)).toBe(true)
  })

  it('refuses a change once the text it was compared on has changed', () => {
    const older = version(nodes(BASE))
    const newer = version(
      nodes([
        ['h', 1, '工作开展情况'],
        P1.replace('92.5', '93.1'),
        P2,
        P3,
        ['h', 1, '存在的问题'],
        P4,
        P5,
      ]),
    )
    const { editor } = headlessEditor(older.body)
    const comparison = compare(older, newer)
    // Inside the paragraph the change is in (after the heading's 8 positions).
    editor.view.dispatch(editor.state.tr.insertText('改动', 11))
    const result = acceptChange(
      editor.state,
      comparison,
      comparison.changes[0]!,
      inlineLeafText([]),
    )
    expect(result.ok).toBe(false)
  })
})

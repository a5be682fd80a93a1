import { describe, expect, it } from 'vitest'

import { heading, paragraph } from '../../../domain/draft/doc.ts'
import { buildExportModel } from '../../../domain/export/export-model.ts'
import { FONT_SETS, PAGE, SIZE } from '../../../domain/export/gbt9704.ts'
import {
  fontStack,
  pageSpec,
  printLayout,
  type PageParagraph,
} from '../../../domain/export/page-spec.ts'
import { defaultSettings } from '../../../domain/settings.ts'

const draft = {
  meta: {
    ...{ title: '某某县教育局2026年教育工作总结', unit: '某某县教育局' },
    recipient: '县人民政府',
    signature: '某某县教育局',
    date: '2026-01-05',
  },
  body: {
    type: 'doc',
    content: [
      paragraph('开头一段。'),
      heading(1, '主要工作'),
      heading(2, '党建工作。全年召开党组会议18次。'),
      paragraph('正文。'),
    ],
  },
  indicators: [],
}

function spec(patch: Partial<typeof defaultSettings> = {}) {
  const settings = { ...defaultSettings, ...patch }
  const model = buildExportModel(draft as never, {
    level3: settings.level3Numbering,
    indicatorAppendix: false,
    today: '2026-11-23',
  })
  return pageSpec(model, printLayout(settings, draft.meta as never))
}

describe('pageSpec', () => {
  it('takes the page and its margins from the Word layout, in points', () => {
    const { page } = spec()
    expect(page.topPt).toBe(PAGE.marginTop / 20)
    expect(page.leftPt).toBe(PAGE.marginLeft / 20)
    expect(page.textWidthPt).toBeCloseTo(442.2)
    expect(page.textHeightPt).toBeCloseTo(637.8)
    expect(page.linePt).toBe(28.95)
    expect(page.linesPerPage).toBe(22)
  })

  it('follows the line spacing setting: fewer lines when they no longer fit', () => {
    expect(spec({ lineSpacingPt: 29 }).page.linesPerPage).toBe(21)
    expect(spec({ lineSpacingPt: 28 }).page.linesPerPage).toBe(22)
  })

  it('lays out title, recipient, body, headings, signature and date as the docx does', () => {
    const s = spec()
    const paras = s.flows.filter((f): f is PageParagraph => f.kind === 'paragraph')
    const texts = paras.map((p) => p.runs.map((r) => r.text).join(''))
    expect(texts).toEqual([
      '某某县教育局2026年教育工作总结',
      '',
      '县人民政府：',
      '开头一段。',
      '一、主要工作',
      '（一）党建工作。全年召开党组会议18次。',
      '正文。',
      '',
      '某某县教育局',
      '2026年1月5日',
    ])
    const [title, , recipient, body, level1, runIn] = paras
    expect(title!.align).toBe('center')
    expect(title!.split).toBe(false)
    expect(title!.runs[0]!.sizePt).toBe(SIZE.title / 2)
    expect(recipient!.firstIndentPt).toBe(0)
    expect(body!.firstIndentPt).toBe(32)
    expect(body!.runs[0]!.letterSpacingPt).toBe(-0.25)
    expect(level1!.keepNext).toBe(true)
    expect(level1!.runs[0]!.font).toBe(fontStack(FONT_SETS.gb2312.level1, 'hei'))
    // A run-in heading: the heading sentence in 楷体, the rest in the body face, kept as one paragraph.
    expect(runIn!.keepNext).toBe(false)
    expect(runIn!.runs.map((r) => r.font)).toEqual([
      fontStack(FONT_SETS.gb2312.level2, 'kai'),
      fontStack(FONT_SETS.gb2312.body, 'fang'),
    ])
    expect(paras.at(-1)!.align).toBe('right')
    // The signature sits over the date, centred on it: more space on its right.
    expect(paras.at(-2)!.rightIndentPt).toBeGreaterThan(paras.at(-1)!.rightIndentPt)
  })

  it('follows the font set, with free faces of the same kind after the chosen one', () => {
    const s = spec({ exportFontSet: 'windows' })
    expect(s.pageNumber.font.startsWith('"宋体"')).toBe(true)
    expect(fontStack('楷体', 'kai')).toBe(
      '"楷体", "KaiTi", "楷体_GB2312", "AR PL UKai CN", "STKaiti", serif',
    )
    expect(fontStack('my"font', 'hei').startsWith('"myfont", ')).toBe(true)
  })

  it('prints the page number as the setting says', () => {
    expect(spec().pageNumber).toMatchObject({ style: 'sides', before: '— ', after: ' —' })
    expect(spec({ pageNumberStyle: 'plain-center' }).pageNumber).toMatchObject({
      before: '',
      after: '',
    })
  })
})

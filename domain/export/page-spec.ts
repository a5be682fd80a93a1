import type { DraftFile, DraftMeta } from '../draft/draft.ts'
import type { Settings } from '../settings.ts'
import { buildExportModel, type ExportModel } from './export-model.ts'
import {
  APPENDIX_ROW_LINE,
  BODY_CHARACTER_SPACING,
  CELL_MARGIN,
  ONE_CHAR,
  PAGE,
  PAGE_NUMBER_INDENT,
  SIZE,
  TWO_CHARS,
  fontsFor,
  type Fonts,
  type PageNumberStyle,
} from './gbt9704.ts'

/** How the report is laid out on paper, from the settings: the Word file and the pages alike. */
export interface PrintLayout {
  fonts: Fonts
  lineSpacingPt: number
  boldLevel2: boolean
  boldLevel3: boolean
  pageNumberStyle: PageNumberStyle
  /** Document properties. */
  title: string
  author: string
}

export function printLayout(
  settings: Pick<
    Settings,
    | 'exportFontSet'
    | 'exportCustomFonts'
    | 'lineSpacingPt'
    | 'boldLevel2'
    | 'boldLevel3'
    | 'pageNumberStyle'
  >,
  meta: Pick<DraftMeta, 'title' | 'unit'>,
): PrintLayout {
  return {
    fonts: fontsFor(settings.exportFontSet, settings.exportCustomFonts),
    lineSpacingPt: settings.lineSpacingPt,
    boldLevel2: settings.boldLevel2,
    boldLevel3: settings.boldLevel3,
    pageNumberStyle: settings.pageNumberStyle,
    title: meta.title,
    author: meta.unit,
  }
}

/** A run of text in one face; "\n" alone is a line break (the title's lines). */
export interface PageRun {
  text: string
  font: string
  sizePt: number
  bold: boolean
  letterSpacingPt: number
}

export interface PageParagraph {
  kind: 'paragraph'
  runs: PageRun[]
  align: 'left' | 'center' | 'right'
  firstIndentPt: number
  rightIndentPt: number
  /** The draft's top-level block it prints, for the jump back to the editor. */
  node: number | null
  /** A heading on a line of its own stays with the next paragraph (Word's keepNext). */
  keepNext: boolean
  pageBreakBefore: boolean
  /** Title lines are broken where the .docx breaks them and never split over two pages. */
  split: boolean
}

export interface PageTable {
  kind: 'table'
  columnsPt: number[]
  header: PageRun[]
  rows: PageRun[][]
  /** Exact line height in the cells. */
  linePt: number
  cellMarginPt: number
}

/** Everything the page layout in the browser needs, in points; no decisions are left to it. */
export interface PageSpec {
  title: string
  page: {
    widthMm: number
    heightMm: number
    topPt: number
    bottomPt: number
    leftPt: number
    rightPt: number
    textWidthPt: number
    textHeightPt: number
    linePt: number
    linesPerPage: number
  }
  pageNumber: {
    style: PageNumberStyle
    /** Printed around the number: "— " and " —", or nothing. */
    before: string
    after: string
    font: string
    sizePt: number
    /** From the paper's bottom edge to the bottom of the number's line. */
    bottomPt: number
    indentPt: number
  }
  flows: (PageParagraph | PageTable)[]
}

const pt = (twips: number) => twips / 20

type FaceKind = 'fang' | 'song' | 'hei' | 'kai'

/** What a face falls back to when the named font is missing: the faces Windows and Debian carry. */
const FALLBACKS: Record<FaceKind, string[]> = {
  fang: [
    'FangSong',
    '仿宋',
    '仿宋_GB2312',
    'STFangsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
  ],
  song: ['SimSun', '宋体', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  hei: ['SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC'],
  kai: ['KaiTi', '楷体', '楷体_GB2312', 'AR PL UKai CN', 'STKaiti'],
}

/** A CSS font-family list: the chosen font first, then faces of the same kind. */
export function fontStack(name: string, kind: FaceKind): string {
  const quote = (f: string) => `"${f.replace(/["\\]/g, '')}"`
  const names = [name, ...FALLBACKS[kind].filter((f) => f !== name)]
  return [...names.map(quote), kind === 'hei' ? 'sans-serif' : 'serif'].join(', ')
}

/** The pages' layout of an export model: the same numbers as the Word file's (gbt9704.ts). */
export function pageSpec(model: ExportModel, layout: PrintLayout): PageSpec {
  const { fonts } = layout
  const body = SIZE.body / 2
  const stack = {
    title: fontStack(fonts.title, 'song'),
    body: fontStack(fonts.body, 'fang'),
    level1: fontStack(fonts.level1, 'hei'),
    level2: fontStack(fonts.level2, 'kai'),
    pageNumber: fontStack(fonts.pageNumber, 'song'),
  }
  const spacing = BODY_CHARACTER_SPACING / 20
  const run = (text: string, font: string, bold = false): PageRun => ({
    text,
    font,
    sizePt: body,
    bold,
    letterSpacingPt: spacing,
  })
  const titleRun = (text: string): PageRun => ({
    text,
    font: stack.title,
    sizePt: SIZE.title / 2,
    bold: false,
    letterSpacingPt: 0,
  })
  const para = (runs: PageRun[], extra: Partial<PageParagraph> = {}): PageParagraph => ({
    kind: 'paragraph',
    runs,
    align: 'left',
    firstIndentPt: 0,
    rightIndentPt: 0,
    node: null,
    keepNext: false,
    pageBreakBefore: false,
    split: true,
    ...extra,
  })
  const blank = () => para([])
  const indent = pt(TWO_CHARS)
  const headingFont = (level: number) =>
    level === 1 ? stack.level1 : level === 2 ? stack.level2 : stack.body
  const headingBold = (level: number) =>
    (level === 2 && layout.boldLevel2) || (level === 3 && layout.boldLevel3)

  const flows: PageSpec['flows'] = [
    para(
      model.titleLines.flatMap((line, i) =>
        i > 0 ? [titleRun('\n'), titleRun(line)] : [titleRun(line)],
      ),
      { align: 'center', split: false },
    ),
    blank(),
  ]
  if (model.recipient) flows.push(para([run(model.recipient, stack.body)]))
  for (const b of model.blocks) {
    flows.push(
      b.kind === 'paragraph'
        ? para([run(b.text, stack.body)], { firstIndentPt: indent, node: b.node })
        : para(
            b.runs.map((r) =>
              r.role === 'heading'
                ? run(r.text, headingFont(b.level), headingBold(b.level))
                : run(r.text, stack.body),
            ),
            { firstIndentPt: indent, node: b.node, keepNext: b.runs.length === 1 },
          ),
    )
  }
  if (model.attachmentNotes.length > 0) flows.push(blank())
  for (const note of model.attachmentNotes)
    flows.push(para([run(note, stack.body)], { firstIndentPt: indent }))
  flows.push(blank())
  if (model.signature)
    flows.push(
      para([run(model.signature.text, stack.body)], {
        align: 'right',
        rightIndentPt: pt(model.signature.rightChars * ONE_CHAR),
      }),
    )
  flows.push(
    para([run(model.date.text, stack.body)], {
      align: 'right',
      rightIndentPt: pt(model.date.rightChars * ONE_CHAR),
    }),
  )
  const textWidth = pt(PAGE.width - PAGE.marginLeft - PAGE.marginRight)
  const cell = (text: string, font: string): PageRun => ({
    text,
    font,
    sizePt: SIZE.table / 2,
    bold: false,
    letterSpacingPt: 0,
  })
  for (const appendix of model.appendices) {
    flows.push(
      para([run(appendix.label, stack.level1)], { pageBreakBefore: true }),
      blank(),
      para([titleRun(appendix.title)], { align: 'center', split: false }),
      {
        kind: 'table',
        columnsPt: appendix.shares.map((f) => Math.round(f * textWidth * 20) / 20),
        header: appendix.header.map((h) => cell(h, stack.level1)),
        rows: appendix.rows.map((r) => r.map((t) => cell(t, stack.body))),
        linePt: pt(APPENDIX_ROW_LINE),
        cellMarginPt: pt(CELL_MARGIN),
      },
    )
  }
  const textHeight = pt(PAGE.height - PAGE.marginTop - PAGE.marginBottom)
  return {
    title: layout.title,
    page: {
      widthMm: 210,
      heightMm: 297,
      topPt: pt(PAGE.marginTop),
      bottomPt: pt(PAGE.marginBottom),
      leftPt: pt(PAGE.marginLeft),
      rightPt: pt(PAGE.marginRight),
      textWidthPt: textWidth,
      textHeightPt: textHeight,
      linePt: layout.lineSpacingPt,
      // Word puts as many exact lines on the text block as fit: 22 at the standard 28.95 pt.
      linesPerPage: Math.floor(textHeight / layout.lineSpacingPt + 1e-6),
    },
    pageNumber: {
      style: layout.pageNumberStyle,
      before: layout.pageNumberStyle === 'plain-center' ? '' : '— ',
      after: layout.pageNumberStyle === 'plain-center' ? '' : ' —',
      font: stack.pageNumber,
      sizePt: SIZE.pageNumber / 2,
      bottomPt: pt(PAGE.footer),
      indentPt: pt(PAGE_NUMBER_INDENT),
    },
    flows,
  }
}

/** The pages of a draft as the settings lay them out today: the page view, the page count, the CLI. */
export function draftPageSpec(
  draft: Pick<DraftFile, 'meta' | 'body' | 'indicators'>,
  settings: Parameters<typeof printLayout>[0] &
    Pick<Settings, 'level3Numbering' | 'indicatorAppendix'>,
  today: string,
): PageSpec {
  const model = buildExportModel(draft, {
    level3: settings.level3Numbering,
    indicatorAppendix: settings.indicatorAppendix,
    today,
  })
  return pageSpec(model, printLayout(settings, draft.meta))
}

/**
 * What each flow's measure depends on, as a key: equal keys measure alike, so a page count
 * after an edit measures only the flows whose key is new.
 */
export function pageFlowKeys(spec: PageSpec): string[] {
  const width = `${spec.page.textWidthPt}/${spec.page.linePt}/`
  // Not the block index: a paragraph added above shifts every index and changes no line.
  return spec.flows.map(
    (flow) => width + JSON.stringify(flow.kind === 'paragraph' ? { ...flow, node: null } : flow),
  )
}

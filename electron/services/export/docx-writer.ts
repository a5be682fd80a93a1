import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ISpacingProperties,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'

import type {
  MarkedBlock,
  MarkedParagraph,
  MarkedSpan,
} from '../../../domain/compare/marked-document.ts'
import type {
  ExportAppendix,
  ExportBlock,
  ExportModel,
} from '../../../domain/export/export-model.ts'
import {
  APPENDIX_ROW_LINE,
  BODY_CHARACTER_SPACING,
  ONE_CHAR,
  PAGE_NUMBER_INDENT,
  PAGE,
  SIZE,
  TWO_CHARS,
  lineTwips,
} from '../../../domain/export/gbt9704.ts'
import type { PrintLayout } from '../../../domain/export/page-spec.ts'
import { MARK_COLOR, markedRuns, type DocxMarks } from './docx-marks.ts'

export type { DocxMarks } from './docx-marks.ts'

export type DocxLayout = PrintLayout

const fontOf = (font: string) => ({ ascii: font, eastAsia: font, hAnsi: font, cs: font })

/**
 * The layout as named styles in styles.xml, so that a paragraph names its style instead of
 * repeating fonts, sizes and spacing on every run: a smaller file, a faster export, and text a
 * writer adds later in Word or WPS takes the layout from the style it continues. The body is
 * Word's own 正文 (Normal), so that most paragraphs need no properties at all; the other styles
 * are not based on it, so they never inherit its indent and condensed spacing.
 */
export const STYLE = {
  /** 正文: indented two characters, condensed −0.25 pt. Paragraphs without a style are in it. */
  body: 'Normal',
  /** 公文文字: the body's spacing without the indent; recipient, signature, date, blank lines. */
  text: 'GongwenText',
  title: 'GongwenTitle',
  table: 'GongwenTable',
  /** Word's own 页眉 and 页脚 styles: plain lines, neither indented nor condensed. */
  header: 'Header',
  footer: 'Footer',
  level1: 'GongwenLevel1',
  level2: 'GongwenLevel2',
  level3: 'GongwenLevel3',
} as const

function layoutStyles(layout: DocxLayout, spacing: ISpacingProperties) {
  const { fonts } = layout
  const condensed = { characterSpacing: BODY_CHARACTER_SPACING }
  return {
    default: {
      document: {
        run: { font: fontOf(fonts.body), size: SIZE.body },
        paragraph: { spacing },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLine: TWO_CHARS, firstLineChars: 200 } },
        run: condensed,
      },
      { id: STYLE.text, name: '公文文字', next: STYLE.body, quickFormat: true, run: condensed },
      {
        id: STYLE.title,
        name: '公文标题',
        next: STYLE.text,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.CENTER },
        run: { font: fontOf(fonts.title), size: SIZE.title, snapToGrid: false },
      },
      {
        id: STYLE.table,
        name: '公文表格',
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: APPENDIX_ROW_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
        run: { size: SIZE.table },
      },
      { id: STYLE.header, name: 'header' },
      { id: STYLE.footer, name: 'footer' },
    ],
    characterStyles: [
      { id: STYLE.level1, name: '一级标题文字', run: { font: fontOf(fonts.level1) } },
      {
        id: STYLE.level2,
        name: '二级标题文字',
        run: { font: fontOf(fonts.level2), bold: layout.boldLevel2 || undefined },
      },
      {
        id: STYLE.level3,
        name: '三级标题文字',
        run: { bold: layout.boldLevel3 || undefined },
      },
    ],
  }
}

const run = (text: string, style?: string, options: Partial<IRunOptions> = {}) =>
  new TextRun({ text, style, ...options })

/** Renders the export model as a Word document in the GB/T 9704 layout. */
export function renderDocx(
  model: ExportModel,
  layout: DocxLayout,
  marks?: DocxMarks,
): Promise<Buffer> {
  const { fonts } = layout
  let revisionId = 0
  const nextId = () => ++revisionId
  const spacing = {
    line: lineTwips(layout.lineSpacingPt),
    lineRule: LineRuleType.EXACT,
    before: 0,
    after: 0,
  }
  /** A paragraph of the plain text, or of its marked counterpart with its paragraph mark's change. */
  const slot = (
    options: Omit<IParagraphOptions, 'children'>,
    plain: ParagraphChild[],
    marked: MarkedParagraph | undefined,
    style: (role: MarkedSpan['role']) => string | undefined = () => undefined,
  ) => {
    if (!marks || !marked) return new Paragraph({ ...options, children: plain })
    const change =
      marked.mark === 'equal' || marks.style === 'fixed'
        ? {}
        : {
            run: {
              [marked.mark === 'insert' ? 'insertion' : 'deletion']: {
                id: nextId(),
                author: marks.author,
                date: marks.date,
              },
            },
          }
    return new Paragraph({
      ...options,
      ...change,
      children: markedRuns(marked.spans, marks, nextId, style),
    })
  }
  const text = { style: STYLE.text }
  const blank = () => new Paragraph({ ...text, children: [] })

  /** The character style of a heading's own words: 黑体, 楷体, or the body font, bold or not. */
  const headingStyle = (level: number) =>
    level === 1
      ? STYLE.level1
      : level === 2
        ? STYLE.level2
        : level === 3 && layout.boldLevel3
          ? STYLE.level3
          : undefined

  // 正文 is the default paragraph style: a body paragraph names none.
  const block = (b: ExportBlock) =>
    b.kind === 'paragraph'
      ? new Paragraph({ children: [run(b.text)] })
      : new Paragraph({
          keepNext: b.runs.length === 1,
          children: b.runs.map((r) =>
            run(r.text, r.role === 'heading' ? headingStyle(b.level) : undefined),
          ),
        })
  const markedBlock = (b: MarkedBlock) =>
    b.kind === 'paragraph'
      ? slot({}, [], b)
      : slot({ keepNext: !b.runIn }, [], b, (role) =>
          role === 'heading' ? headingStyle(b.level) : undefined,
        )

  const children: (Paragraph | Table)[] = [
    slot(
      { style: STYLE.title },
      model.titleLines.map((line, i) => run(line, undefined, { break: i > 0 ? 1 : undefined })),
      marks && { spans: marks.document.title, mark: 'equal' },
    ),
    blank(),
  ]
  const recipient = marks ? marks.document.recipient : null
  if (model.recipient || recipient)
    children.push(slot(text, [run(model.recipient ?? '')], recipient ?? undefined))
  children.push(...(marks ? marks.document.blocks.map(markedBlock) : model.blocks.map(block)))
  if (model.attachmentNotes.length > 0) children.push(blank())
  for (const note of model.attachmentNotes) children.push(new Paragraph({ children: [run(note)] }))
  children.push(blank())
  const signature = marks ? marks.document.signature : null
  if (model.signature || signature) {
    children.push(
      slot(
        {
          ...text,
          alignment: AlignmentType.RIGHT,
          indent: { right: (model.signature?.rightChars ?? 2) * ONE_CHAR },
        },
        [run(model.signature?.text ?? '')],
        signature ?? undefined,
      ),
    )
  }
  children.push(
    slot(
      {
        ...text,
        alignment: AlignmentType.RIGHT,
        indent: { right: model.date.rightChars * ONE_CHAR },
      },
      [run(model.date.text)],
      marks?.document.date,
    ),
  )

  for (const appendix of model.appendices) {
    children.push(
      new Paragraph({
        ...text,
        pageBreakBefore: true,
        children: [run(appendix.label, STYLE.level1)],
      }),
      blank(),
      new Paragraph({ style: STYLE.title, children: [run(appendix.title)] }),
      appendixTable(appendix),
    )
  }

  const number = (alignment: 'left' | 'right' | 'center') => {
    const dashes = layout.pageNumberStyle !== 'plain-center'
    const font = fonts.pageNumber
    const runOptions = {
      font: fontOf(font),
      size: SIZE.pageNumber,
    }
    return new Footer({
      children: [
        new Paragraph({
          style: STYLE.footer,
          alignment:
            alignment === 'left'
              ? AlignmentType.LEFT
              : alignment === 'right'
                ? AlignmentType.RIGHT
                : AlignmentType.CENTER,
          // One character of 四号 in from the edge of the text block.
          indent:
            alignment === 'right'
              ? { right: PAGE_NUMBER_INDENT }
              : alignment === 'left'
                ? { left: PAGE_NUMBER_INDENT }
                : undefined,
          children: [
            new TextRun({
              ...runOptions,
              children: dashes ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT],
            }),
          ],
        }),
      ],
    })
  }
  const sides = layout.pageNumberStyle === 'sides'
  const header = (text: string) => {
    const line = () =>
      new Header({
        children: [
          new Paragraph({
            style: STYLE.header,
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({
                text,
                font: fontOf(fonts.body),
                size: SIZE.pageNumber,
                color: MARK_COLOR,
              }),
            ],
          }),
        ],
      })
    return sides ? { default: line(), even: line() } : { default: line() }
  }

  const doc = new Document({
    title: layout.title,
    creator: layout.author || '草稿',
    lastModifiedBy: layout.author || '草稿',
    evenAndOddHeaderAndFooters: sides,
    styles: layoutStyles(layout, spacing),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: 851,
              footer: PAGE.footer,
            },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch: lineTwips(layout.lineSpacingPt) },
        },
        footers: sides
          ? { default: number('right'), even: number('left') }
          : { default: number('center') },
        ...(marks?.header ? { headers: header(marks.header) } : {}),
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}

const TABLE_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight
function appendixTable(appendix: ExportAppendix): Table {
  const columns = appendix.shares.map((f) => Math.round(f * TABLE_WIDTH))
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const cell = (text: string, header: boolean, width: number, left = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          style: STYLE.table,
          alignment: left ? AlignmentType.LEFT : undefined,
          children: [run(text, header ? STYLE.level1 : undefined)],
        }),
      ],
    })
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    rows: [
      new TableRow({
        tableHeader: true,
        children: appendix.header.map((h, i) => cell(h, true, columns[i]!)),
      }),
      ...appendix.rows.map(
        (r) => new TableRow({ children: r.map((t, i) => cell(t, false, columns[i]!, i === 0)) }),
      ),
    ],
  })
}

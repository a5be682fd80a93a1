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
  type Fonts,
} from '../../../domain/export/gbt9704.ts'
import type { PrintLayout } from '../../../domain/export/page-spec.ts'
import { MARK_COLOR, markedRuns, type DocxMarks } from './docx-marks.ts'

export type { DocxMarks } from './docx-marks.ts'

export type DocxLayout = PrintLayout

/** A run with the font named for East Asian text, ASCII and hAnsi alike, so digits never fall back. */
function run(
  text: string,
  font: string,
  options: Partial<IRunOptions> & { size?: number } = {},
): TextRun {
  return new TextRun({
    text,
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
    size: SIZE.body,
    characterSpacing: BODY_CHARACTER_SPACING,
    ...options,
  })
}

/** Renders the export model as a Word document in the GB/T 9704 layout. */
export function renderDocx(
  model: ExportModel,
  layout: DocxLayout,
  marks?: DocxMarks,
): Promise<Buffer> {
  const { fonts } = layout
  let revisionId = 0
  const nextId = () => ++revisionId
  /** A paragraph of the plain text, or of its marked counterpart with its paragraph mark's change. */
  const slot = (
    options: Omit<IParagraphOptions, 'children'>,
    plain: ParagraphChild[],
    marked: MarkedParagraph | undefined,
    font: (role: MarkedSpan['role']) => string = () => fonts.body,
    runOptions?: (role: MarkedSpan['role']) => Partial<IRunOptions> & { size?: number },
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
      children: markedRuns(marked.spans, marks, nextId, font, runOptions),
    })
  }
  const spacing = {
    line: lineTwips(layout.lineSpacingPt),
    lineRule: LineRuleType.EXACT,
    before: 0,
    after: 0,
  }
  const bodyIndent = { firstLine: TWO_CHARS, firstLineChars: 200 }
  const blank = () => new Paragraph({ spacing, children: [] })
  const body = (text: string) =>
    new Paragraph({ spacing, indent: bodyIndent, children: [run(text, fonts.body)] })

  const headingFont = (level: number) =>
    level === 1 ? fonts.level1 : level === 2 ? fonts.level2 : fonts.body
  const headingBold = (level: number) =>
    (level === 2 && layout.boldLevel2) || (level === 3 && layout.boldLevel3)

  const block = (b: ExportBlock) =>
    b.kind === 'paragraph'
      ? body(b.text)
      : new Paragraph({
          spacing,
          indent: bodyIndent,
          keepNext: b.runs.length === 1,
          children: b.runs.map((r) =>
            r.role === 'heading'
              ? run(r.text, headingFont(b.level), { bold: headingBold(b.level) })
              : run(r.text, fonts.body),
          ),
        })
  const markedBlock = (b: MarkedBlock) =>
    b.kind === 'paragraph'
      ? slot({ spacing, indent: bodyIndent }, [], b)
      : slot(
          { spacing, indent: bodyIndent, keepNext: !b.runIn },
          [],
          b,
          (role) => (role === 'heading' ? headingFont(b.level) : fonts.body),
          (role) => (role === 'heading' ? { bold: headingBold(b.level) } : {}),
        )

  const titleRun = { size: SIZE.title, characterSpacing: 0, snapToGrid: false }
  const children: (Paragraph | Table)[] = [
    slot(
      { alignment: AlignmentType.CENTER, spacing },
      model.titleLines.map((line, i) =>
        run(line, fonts.title, { ...titleRun, break: i > 0 ? 1 : undefined }),
      ),
      marks && { spans: marks.document.title, mark: 'equal' },
      () => fonts.title,
      () => titleRun,
    ),
    blank(),
  ]
  const recipient = marks ? marks.document.recipient : null
  if (model.recipient || recipient)
    children.push(
      slot({ spacing }, [run(model.recipient ?? '', fonts.body)], recipient ?? undefined),
    )
  children.push(...(marks ? marks.document.blocks.map(markedBlock) : model.blocks.map(block)))
  if (model.attachmentNotes.length > 0) children.push(blank())
  for (const note of model.attachmentNotes) children.push(body(note))
  children.push(blank())
  const signature = marks ? marks.document.signature : null
  if (model.signature || signature) {
    children.push(
      slot(
        {
          spacing,
          alignment: AlignmentType.RIGHT,
          indent: { right: (model.signature?.rightChars ?? 2) * ONE_CHAR },
        },
        [run(model.signature?.text ?? '', fonts.body)],
        signature ?? undefined,
      ),
    )
  }
  children.push(
    slot(
      {
        spacing,
        alignment: AlignmentType.RIGHT,
        indent: { right: model.date.rightChars * ONE_CHAR },
      },
      [run(model.date.text, fonts.body)],
      marks?.document.date,
    ),
  )

  for (const appendix of model.appendices) {
    children.push(
      new Paragraph({
        spacing,
        pageBreakBefore: true,
        children: [run(appendix.label, fonts.level1)],
      }),
      blank(),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing,
        children: [
          run(appendix.title, fonts.title, {
            size: SIZE.title,
            characterSpacing: 0,
            snapToGrid: false,
          }),
        ],
      }),
      appendixTable(appendix, fonts),
    )
  }

  const number = (alignment: 'left' | 'right' | 'center') => {
    const dashes = layout.pageNumberStyle !== 'plain-center'
    const font = fonts.pageNumber
    const runOptions = {
      font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
      size: SIZE.pageNumber,
    }
    return new Footer({
      children: [
        new Paragraph({
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
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({
                text,
                font: {
                  ascii: fonts.body,
                  eastAsia: fonts.body,
                  hAnsi: fonts.body,
                  cs: fonts.body,
                },
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
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: fonts.body, eastAsia: fonts.body, hAnsi: fonts.body, cs: fonts.body },
            size: SIZE.body,
          },
          paragraph: { spacing },
        },
      },
    },
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
function appendixTable(appendix: ExportAppendix, fonts: Fonts): Table {
  const columns = appendix.shares.map((f) => Math.round(f * TABLE_WIDTH))
  const cellSpacing = { line: APPENDIX_ROW_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const cell = (
    text: string,
    header: boolean,
    width: number,
    align: 'left' | 'center' = 'center',
  ) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          spacing: cellSpacing,
          alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [
            run(text, header ? fonts.level1 : fonts.body, {
              size: SIZE.table,
              characterSpacing: 0,
            }),
          ],
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
        (r) =>
          new TableRow({
            children: r.map((t, i) => cell(t, false, columns[i]!, i === 0 ? 'left' : 'center')),
          }),
      ),
    ],
  })
}

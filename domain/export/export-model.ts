import { plainText, type DocNode } from '../draft/doc.ts'
import type { DraftFile } from '../draft/draft.ts'
import { indicatorTableRows } from '../indicators/format.ts'
import { INDICATOR_REF, SNIPPET_SLOT, inlineLeafText } from '../indicators/references.ts'
import { runInSplit } from '../outline/heading-markers.ts'
import {
  HeadingCounter,
  isHeadingLevel,
  type HeadingLevel,
  type Level3Style,
} from '../outline/numbering.ts'
import { chineseDate } from '../text/dates.ts'
import { APPENDIX_COLUMNS, APPENDIX_HEADER } from './gbt9704.ts'
import { signatureIndents } from './signature.ts'
import { xmlSafe } from './text-cleaning.ts'
import { titleLines } from './title-lines.ts'

export interface ExportOptions {
  level3: Level3Style
  indicatorAppendix: boolean
  /** The date written when the draft has none: today, as YYYY-MM-DD. */
  today: string
}

/** A run of text and the face it takes: the heading's, or the body's (the rest of a run-in heading). */
export interface ExportRun {
  text: string
  role: 'heading' | 'body'
}

export type ExportBlock = (
  { kind: 'paragraph'; text: string } | { kind: 'heading'; level: HeadingLevel; runs: ExportRun[] }
) & {
  /** The top-level node of the draft's body it prints. */
  node: number
}

/** The report as it goes on paper, before any Word markup: what the docx writer lays out. */
export interface ExportModel {
  titleLines: string[]
  recipient: string | null
  blocks: ExportBlock[]
  /** 附件说明 under the text: "附件：主要指标统计表", or one line per numbered appendix. */
  attachmentNotes: string[]
  signature: { text: string; rightChars: number } | null
  date: { text: string; rightChars: number }
  appendices: ExportAppendix[]
}

/** A table after the report on pages of its own (附件): its title, header, column shares and rows. */
export interface ExportAppendix {
  /** "附件", or "附件1", "附件2" when there are more. */
  label: string
  title: string
  header: string[]
  /** Each column's share of the text block's width. */
  shares: number[]
  rows: string[][]
}

export const APPENDIX_TITLE = '主要指标统计表'

/**
 * The draft as printed text: numbers drawn, references written out, guidance and empty
 * paragraphs left out, unsafe characters removed.
 */
export function buildExportModel(
  draft: Pick<DraftFile, 'meta' | 'body' | 'indicators'>,
  options: ExportOptions,
): ExportModel {
  const leaf = inlineLeafText(draft.indicators)
  const counter = new HeadingCounter()
  const blocks: ExportBlock[] = []
  const nodes = draft.body.content as DocNode[]
  nodes.forEach((node, index) => {
    const text = xmlSafe(plainText(node, '\n', leaf)).replace(/\n/g, '')
    const level = node.attrs?.level
    if (node.type === 'heading' && isHeadingLevel(level)) {
      const label = counter.nextLabel(level, options.level3)
      const split = runInSplit(text)
      const runs: ExportRun[] =
        split === null
          ? [{ text: label + text, role: 'heading' }]
          : [
              { text: label + text.slice(0, split), role: 'heading' },
              { text: text.slice(split), role: 'body' },
            ]
      blocks.push({ kind: 'heading', level, runs, node: index })
    } else if (text.trim() !== '') {
      blocks.push({ kind: 'paragraph', text, node: index })
    }
  })
  const appendices = appendicesOf(draft, options)
  const dateText = chineseDate(draft.meta.date || options.today)
  const signatureText = xmlSafe(draft.meta.signature.trim())
  const indents = signatureIndents(signatureText, dateText)
  const recipient = xmlSafe(draft.meta.recipient.trim())
  return {
    titleLines: titleLines(xmlSafe(draft.meta.title) || '工作总结'),
    recipient: recipient
      ? /[：:]$/.test(recipient)
        ? recipient.replace(/:$/, '：')
        : `${recipient}：`
      : null,
    blocks,
    attachmentNotes: attachmentNotes(appendices),
    signature: signatureText ? { text: signatureText, rightChars: indents.signature } : null,
    date: { text: dateText, rightChars: signatureText ? indents.date : 2 },
    appendices,
  }
}

function appendicesOf(
  draft: Pick<DraftFile, 'meta' | 'indicators'>,
  options: ExportOptions,
): ExportAppendix[] {
  const tables: Omit<ExportAppendix, 'label'>[] = []
  const rows = options.indicatorAppendix ? indicatorTableRows(draft.indicators) : []
  if (rows.length > 0)
    tables.push({
      title: APPENDIX_TITLE,
      header: [...APPENDIX_HEADER],
      shares: [...APPENDIX_COLUMNS],
      rows: rows.map((r) => [r.name, r.unit, r.current, r.previous, r.change]),
    })
  const units = draft.meta.unitTable
  if (units) {
    // The unit's name wider than the figures, which share the rest alike.
    const first = Math.min(0.3, 1 / units.header.length + 0.08)
    const rest = (1 - first) / (units.header.length - 1)
    tables.push({
      title: xmlSafe(units.title),
      header: units.header.map(xmlSafe),
      shares: units.header.map((_, i) => (i === 0 ? first : rest)),
      rows: units.rows.map((r) => r.map(xmlSafe)),
    })
  }
  return tables.map((t, i) => ({ ...t, label: tables.length > 1 ? `附件${i + 1}` : '附件' }))
}

/** GB/T 9704 7.3.6: 附件：title; with more than one, numbered, the later lines under the first title. */
function attachmentNotes(appendices: readonly ExportAppendix[]): string[] {
  if (appendices.length === 1) return [`附件：${appendices[0]!.title}`]
  return appendices.map((a, i) => `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${i + 1}.${a.title}`)
}

/** Every character of the model's text in reading order: for the round-trip check. */
export function modelText(model: ExportModel): string {
  const parts = [
    ...model.titleLines,
    model.recipient ?? '',
    ...model.blocks.map((b) =>
      b.kind === 'paragraph' ? b.text : b.runs.map((r) => r.text).join(''),
    ),
    ...model.attachmentNotes,
    model.signature?.text ?? '',
    model.date.text,
  ]
  return parts.join('')
}

/** Places the writer should look at before exporting: empty sections still showing guidance, figures left blank. */
export interface PendingItem {
  kind: 'guidance' | 'missing-value' | 'slot'
  /** Top-level block index, for the jump. */
  block: number
  text: string
}

export function pendingBeforeExport(draft: Pick<DraftFile, 'body' | 'indicators'>): PendingItem[] {
  const items: PendingItem[] = []
  const values = new Map(draft.indicators.map((i) => [i.id, i]))
  draft.body.content.forEach((node, block) => {
    const guidance = node.attrs?.guidance
    if (
      node.type === 'paragraph' &&
      typeof guidance === 'string' &&
      guidance &&
      plainText(node).trim() === ''
    ) {
      items.push({ kind: 'guidance', block, text: guidance })
    }
    const visit = (n: DocNode) => {
      if (n.type === SNIPPET_SLOT)
        items.push({ kind: 'slot', block, text: `常用语留空：${String(n.attrs?.label)}` })
      if (n.type === INDICATOR_REF) {
        const indicator = values.get(String(n.attrs?.indicatorId))
        if (!indicator || indicator.current === null) {
          items.push({
            kind: 'missing-value',
            block,
            text: indicator ? `${indicator.name}还没有填写数值` : '引用了已删除的指标',
          })
        }
      }
      n.content?.forEach(visit)
    }
    visit(node)
  })
  return items
}

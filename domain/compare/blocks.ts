import type { DraftContent } from '../draft/draft.ts'
import { buildExportModel, type ExportModel } from '../export/export-model.ts'
import { numberHeadings, type HeadingLevel, type Level3Style } from '../outline/numbering.ts'

/** Metadata compared as blocks of their own. */
export type MetaField = 'unit' | 'year' | 'recipient' | 'signature' | 'date'
export const META_FIELDS: readonly MetaField[] = ['unit', 'year', 'recipient', 'signature', 'date']
export const META_FIELD_LABELS: Record<MetaField, string> = {
  unit: '单位',
  year: '年度',
  recipient: '主送机关',
  signature: '署名',
  date: '成文日期',
}

export type CompareBlockKind = 'title' | 'meta' | 'heading' | 'paragraph'

/** One block of a version as it prints: the title, a metadata field, a heading or a paragraph. */
export interface CompareBlock {
  kind: CompareBlockKind
  /** Which field, for 'meta'. */
  field: MetaField | null
  /** For 'heading'. */
  level: HeadingLevel | null
  /** A heading's drawn number (一、（一）…), compared apart so renumbering alone is not an edit. */
  label: string
  /** The text, without the label; references written out as they print. */
  text: string
  /** Where the body-face rest of a run-in heading begins in `text`; null for none. */
  runInAt: number | null
  /** The top-level node of the draft's body this block prints; null for title and metadata. */
  node: number | null
}

/** What a version is: a draft's content (a revision, the current text, an imported file). */
export type CompareSource = Pick<DraftContent, 'meta' | 'body' | 'indicators'>

export interface FlattenOptions {
  level3: Level3Style
  /** The date printed when a version has none, YYYY-MM-DD. */
  today: string
}

/** The export model the blocks are read from; the 修订稿 lays out the same. */
export function compareExportModel(source: CompareSource, options: FlattenOptions): ExportModel {
  return buildExportModel(source, { ...options, indicatorAppendix: false })
}

/** A version as blocks in reading order: title, metadata, then the body as it prints. */
export function flattenVersion(source: CompareSource, options: FlattenOptions): CompareBlock[] {
  return flattenModel(compareExportModel(source, options), source, options.level3)
}

export function flattenModel(
  model: ExportModel,
  source: CompareSource,
  level3: Level3Style,
): CompareBlock[] {
  const block = (kind: CompareBlockKind, text: string, field: MetaField | null = null) => ({
    kind,
    field,
    level: null,
    label: '',
    text,
    runInAt: null,
    node: null,
  })
  const meta: Record<MetaField, string> = {
    unit: source.meta.unit.trim(),
    year: `${source.meta.year}年`,
    recipient: model.recipient ?? '',
    signature: model.signature?.text ?? '',
    date: model.date.text,
  }
  const blocks: CompareBlock[] = [
    block('title', model.titleLines.join('')),
    ...META_FIELDS.map((f) => block('meta', meta[f], f)),
  ]
  const labels = numberHeadings(
    model.blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])),
    level3,
  )
  let h = 0
  for (const b of model.blocks) {
    if (b.kind === 'paragraph') {
      blocks.push({ ...block('paragraph', b.text), node: b.node })
      continue
    }
    const label = labels[h++]!
    const full = b.runs.map((r) => r.text).join('')
    blocks.push({
      kind: 'heading',
      field: null,
      level: b.level,
      label,
      text: full.slice(label.length),
      runInAt: b.runs.length > 1 ? b.runs[0]!.text.length - label.length : null,
      node: b.node,
    })
  }
  return blocks
}

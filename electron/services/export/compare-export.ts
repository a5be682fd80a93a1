import {
  compareExportModel,
  flattenModel,
  type CompareSource,
} from '../../../domain/compare/blocks.ts'
import { compareBlocks, type Comparison } from '../../../domain/compare/compare.ts'
import { markedDocument } from '../../../domain/compare/marked-document.ts'
import type { Settings } from '../../../domain/settings.ts'
import { isoDay } from '../../../domain/text/dates.ts'
import { renderDocx } from './docx-writer.ts'
import { docxLayout } from './export-service.ts'

export type CompareDocStyle = 'tracked' | 'fixed'

export interface CompareDocOptions {
  /** 'tracked': 修订稿 with Word revisions; 'fixed': 花脸稿 with red marks for paper. */
  style: CompareDocStyle
  /** How the two versions are named in the 花脸稿's header: 第12版（2026年11月20日）, 当前稿. */
  olderName: string
  newerName: string
  /** When the revisions were made; now by default. */
  at?: Date
}

/** The header line of a 花脸稿: “对比：第12版（2026年11月20日）→ 当前稿”. */
export function compareHeader(olderName: string, newerName: string): string {
  return `对比：${olderName} → ${newerName}`
}

/**
 * A 修订稿 or 花脸稿 of two versions in the export's layout: the newer text with the changes
 * from the older marked. The author is the one set in 设置, else the newer version's unit.
 */
export async function comparisonToDocx(
  older: CompareSource,
  newer: CompareSource,
  settings: Settings,
  options: CompareDocOptions,
): Promise<{ data: Buffer; comparison: Comparison }> {
  const at = options.at ?? new Date()
  const flatten = { level3: settings.level3Numbering, today: isoDay(at) }
  const olderModel = compareExportModel(older, flatten)
  const newerModel = compareExportModel(newer, flatten)
  const comparison = compareBlocks(
    flattenModel(olderModel, older, flatten.level3),
    flattenModel(newerModel, newer, flatten.level3),
  )
  const author = settings.revisionAuthor.trim() || newer.meta.unit.trim() || '草稿'
  const data = await renderDocx(newerModel, docxLayout(settings, newer.meta), {
    document: markedDocument(comparison, newerModel),
    style: options.style,
    author,
    // Word reads revision dates without fractions of a second.
    date: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    header: options.style === 'fixed' ? compareHeader(options.olderName, options.newerName) : null,
  })
  return { data, comparison }
}

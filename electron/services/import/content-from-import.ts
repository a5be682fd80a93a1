import { basename, extname } from 'node:path'

import type { DraftContent } from '../../../domain/draft/draft.ts'
import { indicatorsFromSuggestions } from '../../../domain/import/figures.ts'
import type { ImportResult } from '../../../domain/import/import-paragraphs.ts'

/**
 * The new draft an import makes. For last year's report the year moves on (title included)
 * and the figures taken stand as last year's values. The figures found are suggestions in the
 * report: the draft holds none unless `takeFigures` (全部采用, `caogao import --figures`) says so.
 */
export function contentFromImport(
  result: ImportResult,
  options: { fileName: string; previousYear: boolean; now?: Date; takeFigures?: boolean },
): DraftContent {
  const now = options.now ?? new Date()
  const title = result.meta.title ?? basename(options.fileName, extname(options.fileName))
  const stated =
    /((?:19|20)\d{2})\s*年/.exec(title)?.[1] ?? result.meta.year ?? result.meta.date?.slice(0, 4)
  const sourceYear = stated ? Number(stated) : now.getFullYear() - (options.previousYear ? 1 : 0)
  const year = options.previousYear ? sourceYear + 1 : sourceYear
  return {
    meta: {
      title: options.previousYear ? title.replaceAll(`${sourceYear}年`, `${year}年`) : title,
      unit: result.meta.unit ?? result.meta.signature ?? '',
      year,
      kind: result.meta.kind ?? 'annual',
      topic: result.meta.topic ?? '',
      superior: '',
      recipient: result.meta.recipient ?? '',
      signature: result.meta.signature ?? '',
      // Last year's date is no date for this year's report.
      date: options.previousYear ? '' : (result.meta.date ?? ''),
      lengthTarget: null,
    },
    body: { type: 'doc', content: result.body },
    indicators: options.takeFigures
      ? indicatorsFromSuggestions(result.report.figures, { previousYear: options.previousYear })
      : result.indicators,
    ignoredFindings: [],
  }
}

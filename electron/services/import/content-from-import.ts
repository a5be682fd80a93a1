import { basename, extname } from 'node:path'

import { z } from 'zod'

import {
  MAX_YEAR,
  MIN_YEAR,
  draftContentSchema,
  draftMetaSchema,
  type DraftContent,
} from '../../../domain/draft/draft.ts'
import { newDraftMeta } from '../../../domain/draft/new-draft.ts'
import { indicatorsFromSuggestions } from '../../../domain/import/figures.ts'
import type { ImportResult } from '../../../domain/import/import-paragraphs.ts'
import { ServiceError } from '../service-error.ts'

/** The longest value the draft schema takes for a text field of the metadata. */
function maxOf(field: 'title' | 'unit' | 'topic' | 'recipient' | 'signature'): number {
  const schema = draftMetaSchema.shape[field]
  return (schema instanceof z.ZodDefault ? schema.unwrap() : schema).maxLength ?? Infinity
}

/** At most `max` UTF-16 units, never half a character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/**
 * The new draft an import makes. For last year's report the year moves on (title included)
 * and the figures read stand as last year's values. Only what the draft schema takes is
 * written: a year it refuses becomes this year with a note in `result.report.notes`, long
 * names are cut to its limits, and the whole is checked against the schema before it is used.
 * The figures found are suggestions in the report: the draft holds none unless `takeFigures`
 * (全部采用, `caogao import --figures`) says so.
 */
export function contentFromImport(
  result: ImportResult,
  options: { fileName: string; previousYear: boolean; now?: Date; takeFigures?: boolean },
): DraftContent {
  const now = options.now ?? new Date()
  const notes = result.report.notes
  const fileTitle = basename(options.fileName, extname(options.fileName))
  const title = cut(result.meta.title ?? fileTitle, maxOf('title'))
  const stated =
    /((?:19|20)\d{2})\s*年/.exec(title)?.[1] ?? result.meta.year ?? result.meta.date?.slice(0, 4)
  const thisYear = now.getFullYear()
  let sourceYear = stated ? Number(stated) : thisYear - (options.previousYear ? 1 : 0)
  let year = options.previousYear ? sourceYear + 1 : sourceYear
  if (year < MIN_YEAR || year > MAX_YEAR) {
    notes.push(
      `标题中的年份“${stated}年”不在 ${MIN_YEAR}—${MAX_YEAR} 年之间，年度已设为 ${thisYear} 年，请在基本信息中核对。`,
    )
    year = thisYear
    sourceYear = Number.NaN
  }
  const content: DraftContent = {
    meta: newDraftMeta({
      title: options.previousYear
        ? cut(title.replaceAll(`${sourceYear}年`, `${year}年`), maxOf('title'))
        : title,
      unit: cut(result.meta.unit ?? result.meta.signature ?? '', maxOf('unit')),
      year,
      kind: result.meta.kind ?? 'annual',
      topic: cut(result.meta.topic ?? '', maxOf('topic')),
      recipient: cut(result.meta.recipient ?? '', maxOf('recipient')),
      signature: cut(result.meta.signature ?? '', maxOf('signature')),
      // Last year's date is no date for this year's report.
      date: options.previousYear ? '' : (result.meta.date ?? ''),
    }),
    body: { type: 'doc', content: result.body },
    indicators: options.takeFigures
      ? indicatorsFromSuggestions(result.report.figures, { previousYear: options.previousYear })
      : result.indicators,
    ignoredFindings: [],
  }
  const checked = draftContentSchema.safeParse(content)
  if (!checked.success) {
    throw new ServiceError(
      'INVALID_INPUT',
      '导入的内容无法保存为草稿（格式不符），没有新建草稿。请把文件另存为 .docx 或 .txt 后再试。',
      { cause: checked.error },
    )
  }
  return checked.data
}

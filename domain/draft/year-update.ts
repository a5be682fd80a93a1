/**
 * After 起草下一年度: which years in a paragraph's text move on with the report. Only what is
 * clearly right changes: the old report year written as a year (2025年, 2025年度,
 * 2025年3月5日) or in a numeric date (2025-03-05, 2025.3.5, 2025/3/5). A year in a span
 * (2024—2025学年, 2021—2025年, 2024年9月至2025年7月) and every other year are left as they
 * are and only counted, for the writer to read.
 */

export interface YearMention {
  /** Where the four digits start in the text. */
  index: number
  year: number
  /** Whether it becomes the new year. */
  change: boolean
}

const YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/g
// What follows the digits of a year written as one: 年, or the rest of a numeric date.
const AS_YEAR = /^(?:年|[-./]\d{1,2}[-./]\d{1,2}(?!\d))/
// A span's joint, with an optional month and day on the near side of it.
const JOINT = '\\s*(?:[—–~～至到－-]|--)\\s*'
const DAY_PART = '(?:年(?:\\d{1,2}月(?:\\d{1,2}日)?)?|(?:[-./]\\d{1,2}){1,2})?'
const SPAN_AFTER = new RegExp(`^${DAY_PART}${JOINT}(?:19|20)\\d\\d(?!\\d)`)
const SPAN_BEFORE = new RegExp(`(?<!\\d)(?:19|20)\\d\\d${DAY_PART}${JOINT}$`)
// Far enough back for 2024年12月31日至.
const LOOK_BACK = 16

/** Every year mentioned in `text`, in order; those of `fromYear` that move on marked `change`. */
export function yearMentions(text: string, fromYear: number): YearMention[] {
  const out: YearMention[] = []
  for (const m of text.matchAll(YEAR)) {
    const index = m.index
    const year = Number(m[1])
    const after = text.slice(index + 4, index + 4 + LOOK_BACK)
    const before = text.slice(Math.max(0, index - LOOK_BACK), index)
    const change =
      year === fromYear &&
      AS_YEAR.test(after) &&
      !SPAN_AFTER.test(after) &&
      !SPAN_BEFORE.test(before)
    out.push({ index, year, change })
  }
  return out
}

/** `text` with the marked years moved to `toYear`; for tests and the preview of one line. */
export function withYearsUpdated(text: string, fromYear: number, toYear: number): string {
  let out = ''
  let last = 0
  for (const m of yearMentions(text, fromYear)) {
    if (!m.change) continue
    out += text.slice(last, m.index) + String(toYear)
    last = m.index + 4
  }
  return out + text.slice(last)
}

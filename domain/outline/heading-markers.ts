import { fromChineseNumeral } from './chinese-numerals.ts'
import type { HeadingLevel } from './numbering.ts'

export interface HeadingMarker {
  level: HeadingLevel
  /** The number the source wrote, to list numbering slips. */
  number: number
  /** The text after the marker. */
  rest: string
}

const FULL_DIGITS = /[０-９]/g
const toHalf = (s: string) =>
  s.replace(FULL_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

const CN = '[一二三四五六七八九十百〇零]+'
const PATTERNS: { level: HeadingLevel; re: RegExp; chinese: boolean }[] = [
  // 一、 一． 一.
  { level: 1, re: new RegExp(`^(${CN})\\s*[、．.，,]\\s*`), chinese: true },
  // （一） (一) （一、
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、．.]?\\s*`), chinese: true },
  // （1） (1) （１）
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[）)]\s*[、．.]?\s*/, chinese: false },
  // 1、 1. 1． — but not a decimal like 1.5万元, nor a year like 2026.
  { level: 3, re: /^(\d{1,2})\s*(?:、|[.．](?!\d))\s*/, chinese: false },
]

/**
 * Reads a level marker at the start of a paragraph: 一、 （一） (一) 1、 1. 1． （1） (1),
 * half-width or full-width, with or without spaces. Null for ordinary text.
 */
export function detectHeadingMarker(text: string): HeadingMarker | null {
  const source = toHalf(text.replace(/^[\s\u3000]+/, ''))
  for (const { level, re, chinese } of PATTERNS) {
    const m = re.exec(source)
    if (!m) continue
    const number = chinese ? fromChineseNumeral(m[1]!) : Number(m[1])
    if (!number) continue
    const rest = source.slice(m[0].length)
    // "一、二、三" in running text, or a bare marker, is not a heading.
    if (rest.trim() === '') continue
    if (level === 1 && /^[一二三四五六七八九十]、/.test(rest)) continue
    return { level, number, rest }
  }
  return null
}

const SENTENCE_END = /[。！？：]/

/**
 * Where a run-in heading's sentence ends: the heading font covers text up to and including
 * the first 。！？： and the body font the rest. Null when nothing follows (a heading on its own).
 */
export function runInSplit(text: string): number | null {
  const m = SENTENCE_END.exec(text)
  if (!m) return null
  const end = m.index + 1
  return text.slice(end).trim() === '' ? null : end
}

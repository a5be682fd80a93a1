import { styledMarker } from './structure.ts'
import { readsLikeTitle } from './title.ts'

/** Width as a page sets it: a CJK character takes two columns, ASCII one. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1
  return w
}

const MARKER_AT =
  /(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d))/g

const BARE_MARKER =
  /^(?:第[一二三四五六七八九十]+(?:部分|章)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．])$/

/** A line long enough that a page flattened several paragraphs into it. */
const FLATTENED = 200

/** A heading standing alone before its body: a marker and a short text with no punctuation. */
const headingAlone = (segment: string) =>
  segment.length <= 30 && styledMarker(segment) !== null && !/[，。；：,;:！？]/.test(segment)

/**
 * Text flattened into one line split back at what separated its paragraphs: a heading standing
 * alone before a space; in a long line also runs of ideographic spaces, a space after a title or
 * a sentence's end or before a marker, and level markers after a sentence's end or after a
 * heading standing alone. Inline items after '：' and '；' stay together. Linear: each check
 * looks at a bounded stretch of the line.
 */
export function splitFlattened(text: string): string[] {
  const long = text.length >= FLATTENED
  const pieces: string[] = []
  // A bare marker ("第一部分", "一、") set apart by a space belongs to the text after it.
  const runs: string[] = []
  for (const run of long ? text.split(/\u3000+/) : [text]) {
    if (runs.length && BARE_MARKER.test(runs.at(-1)!)) runs[runs.length - 1] += '\u3000' + run
    else runs.push(run)
  }
  for (const run of runs) {
    let from = 0
    for (const m of run.matchAll(/(?<=[\u0080-\uffff])[ \t\u3000]+(?=\S)/g)) {
      const near = m.index - from <= 60
      const before = near ? run.slice(from, m.index) : ''
      const split =
        (near && headingAlone(before)) ||
        (long &&
          (/[。！？]/.test(run[m.index - 1]!) ||
            (near && readsLikeTitle(before)) ||
            styledMarker(run.slice(m.index + m[0].length, m.index + m[0].length + 40)) !== null))
      if (!split) continue
      pieces.push(run.slice(from, m.index))
      from = m.index + m[0].length
    }
    pieces.push(run.slice(from))
  }
  if (!long) return pieces.map((p) => p.trim()).filter((p) => p !== '')
  const out: string[] = []
  for (const piece of pieces.map((p) => p.trim()).filter((p) => p !== '')) {
    let from = 0
    for (const m of piece.matchAll(MARKER_AT)) {
      const at = m.index
      if (at === from) continue
      const sentenceEnd = /[。！？]/.test(piece[at - 1]!)
      if (!sentenceEnd && !(at - from <= 30 && headingAlone(piece.slice(from, at)))) continue
      if (!styledMarker(piece.slice(at, at + 40))) continue
      out.push(piece.slice(from, at).trim())
      from = at
    }
    out.push(piece.slice(from).trim())
  }
  return out.filter((s) => s !== '')
}

/**
 * Lines hard-wrapped by a PDF or a web page joined back into paragraphs. A file is taken as
 * wrapped when most of its long lines end at one width; a line that reaches that width runs
 * on into the next, unless the next starts a numbered heading. Linear: one pass to measure,
 * one to join.
 */
export function joinHardWraps<T extends { text: string }>(
  lines: readonly T[],
  options: { sentenceEndsParagraph?: boolean } = {},
): T[] {
  // Pages wrap by glyph width (a digit half a character), copies by character count: both are measured.
  const byWidth = measure(
    lines.map((l) => displayWidth(l.text)),
    8,
  )
  const byChars = measure(
    lines.map((l) => [...l.text].length),
    4,
  )
  if (!byWidth.wrapped && !byChars.wrapped) return [...lines]
  const groups: { first: T; parts: string[] }[] = []
  let open = false
  lines.forEach((line, i) => {
    if (open && styledMarker(line.text) === null) groups.at(-1)!.parts.push(line.text)
    else groups.push({ first: line, parts: [line.text] })
    open =
      (byWidth.reaches(i) || byChars.reaches(i)) &&
      !(options.sentenceEndsParagraph && SENTENCE_END.test(line.text))
  })
  return groups.map((g) => ({ ...g.first, text: g.parts.join('') }))
}

/** In a Word file, a line that ends a sentence at the wrap width is still a paragraph of its own. */
const SENTENCE_END = /[。！？；]$/

/** Whether most long lines end near one length, and which lines reach it. */
function measure(sizes: readonly number[], tolerance: number) {
  const long = sizes.filter((w) => w >= 20).sort((x, y) => x - y)
  const wrap = long[Math.floor(long.length * 0.8)] ?? 0
  const near = long.filter((w) => w >= wrap - tolerance && w <= wrap + tolerance).length
  const wrapped = long.length >= 5 && wrap <= 200 && near >= long.length * 0.5
  return { wrapped, reaches: (i: number) => wrapped && sizes[i]! >= wrap - tolerance }
}

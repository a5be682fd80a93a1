import { styledMarker } from './structure.ts'

/** Width as a page sets it: a CJK character takes two columns, ASCII one. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1
  return w
}

const MARKER_AT =
  /(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d))/g

/** A line long enough that a page flattened several paragraphs into it. */
const FLATTENED = 200

/**
 * Text flattened into one line split back at what separated its paragraphs: runs of
 * ideographic spaces, spaces between Chinese characters, and level markers after a sentence's
 * end or after a heading that stands alone. Inline items after '：' and '；' stay together.
 */
export function splitFlattened(text: string): string[] {
  if (text.length < FLATTENED) return [text]
  const pieces = text
    .split(/\u3000+|(?<=[^\x00-\x7f])[ \t]+(?=[^\x00-\x7f])/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const out: string[] = []
  for (const piece of pieces) {
    let from = 0
    for (const m of piece.matchAll(MARKER_AT)) {
      const at = m.index
      if (at === from) continue
      const before = piece[at - 1]!
      const segment = piece.slice(from, at)
      const headingAlone =
        styledMarker(segment) !== null && segment.length <= 30 && !/[，。；：,;:！？]/.test(segment)
      if (!/[。！？]/.test(before) && !headingAlone) continue
      if (!styledMarker(piece.slice(at, at + 40))) continue
      out.push(segment.trim())
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
export function joinHardWraps<T extends { text: string }>(lines: readonly T[]): T[] {
  const widths = lines.map((l) => displayWidth(l.text))
  const counts = new Map<number, number>()
  let long = 0
  for (const w of widths) {
    if (w < 40) continue
    long++
    counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  let mode = 0
  let best = 0
  for (const [w, n] of counts) {
    // A width and the one below it (a wide character that did not fit) count together.
    const near = n + (counts.get(w - 1) ?? 0)
    if (near > best || (near === best && w > mode)) [mode, best] = [w, near]
  }
  if (long < 5 || best < long * 0.35) return [...lines]
  const groups: { first: T; parts: string[] }[] = []
  let open = false
  lines.forEach((line, i) => {
    if (open && styledMarker(line.text) === null) groups.at(-1)!.parts.push(line.text)
    else groups.push({ first: line, parts: [line.text] })
    open = widths[i]! >= mode - 3
  })
  return groups.map((g) => ({ ...g.first, text: g.parts.join('') }))
}

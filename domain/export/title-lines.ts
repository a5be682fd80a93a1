/** Characters of 二号 (22 pt) on the 156 mm text block. */
export const TITLE_CHARS_PER_LINE = 20

const GOOD_BREAK_AFTER = new Set([...'局府委会校院县区市镇乡厅部年度于的和及与'])

/**
 * A long title split over lines by meaning, in a trapezoid (each line a little longer than the
 * one above, or as even as the text allows): breaks fall after the unit's name, after 年, before
 * 工作总结 — not in the middle of a word where it can be helped.
 */
export function titleLines(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  const chars = [...title.trim()]
  if (chars.length <= perLine) return [chars.join('')]
  const lines = Math.ceil(chars.length / perLine)
  if (lines > 3) {
    const out: string[] = []
    for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''))
    return out
  }
  let best: { cost: number; cuts: number[] } | null = null
  const candidates = Array.from({ length: chars.length - 1 }, (_, i) => i + 1)
  const score = (cuts: number[]) => {
    const bounds = [0, ...cuts, chars.length]
    let cost = 0
    for (let k = 0; k + 1 < bounds.length; k++) {
      const len = bounds[k + 1]! - bounds[k]!
      if (len > perLine) return Infinity
      // Trapezoid: the ideal grows by two characters a line.
      const ideal = chars.length / (bounds.length - 1) + (k - (bounds.length - 2) / 2) * 2
      cost += (len - ideal) ** 2
    }
    for (const cut of cuts) {
      const before = chars[cut - 1]!
      const rest = chars.slice(cut).join('')
      if (GOOD_BREAK_AFTER.has(before)) cost -= 6
      // Before the words that close or open a part of such a title.
      if (/^(工作|关于|情况|总结|报告|汇报|实施|开展|推进|落实)/.test(rest)) cost -= 4
      if (before === '年' && rest.startsWith('度')) cost += 30
      if (/[，、。：；）》”]/.test(chars[cut]!)) cost += 50
      // Never inside a number or a Latin word, nor between a number and its 年/月/日/%.
      if (/[0-9A-Za-z０-９]/.test(before) && /[0-9A-Za-z０-９.．%％年月日号期]/.test(chars[cut]!))
        cost += 100
      // Nor inside quotation marks or brackets: “双减” and （2024—2026年） stay whole.
      const head = chars.slice(0, cut).join('')
      const open = (o: string, c: string) => head.split(o).length > head.split(c).length
      if (open('“', '”') || open('（', '）') || open('《', '》')) cost += 50
    }
    return cost
  }
  if (lines === 2) {
    for (const c of candidates) {
      const cost = score([c])
      if (!best || cost < best.cost) best = { cost, cuts: [c] }
    }
  } else {
    for (const a of candidates) {
      for (const b of candidates) {
        if (b <= a) continue
        const cost = score([a, b])
        if (!best || cost < best.cost) best = { cost, cuts: [a, b] }
      }
    }
  }
  const bounds = [0, ...best!.cuts, chars.length]
  return bounds.slice(0, -1).map((start, k) => chars.slice(start, bounds[k + 1]).join(''))
}

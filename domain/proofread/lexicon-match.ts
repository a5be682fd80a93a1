import { LEXICON, type LexiconEntry } from './lexicon.ts'

/** One lexicon entry found in a text: [offset, offset + length) holds `entry.wrong`. */
export interface LexiconSlip {
  offset: number
  length: number
  entry: LexiconEntry
}

interface Rule {
  entry: LexiconEntry
  context: RegExp | null
  /** Each allowed string with the offsets of `wrong` inside it. */
  allow: { text: string; at: number[] }[]
}

type Index = Map<string, Rule[]>

const indexes = new WeakMap<readonly LexiconEntry[], Index>()

function offsetsOf(needle: string, hay: string): number[] {
  const at: number[] = []
  for (let k = hay.indexOf(needle); k >= 0; k = hay.indexOf(needle, k + 1)) at.push(k)
  return at
}

/** Entries by their first UTF-16 unit, longest first, so a position tries only its own few. */
function indexOf(entries: readonly LexiconEntry[]): Index {
  const cached = indexes.get(entries)
  if (cached) return cached
  const index: Index = new Map()
  for (const entry of entries) {
    const rule: Rule = {
      entry,
      context: entry.context === undefined ? null : new RegExp(entry.context, 'y'),
      allow: (entry.allow ?? []).map((text) => ({ text, at: offsetsOf(entry.wrong, text) })),
    }
    const first = entry.wrong[0]!
    const list = index.get(first)
    if (list) list.push(rule)
    else index.set(first, [rule])
  }
  for (const list of index.values())
    list.sort((a, b) => b.entry.wrong.length - a.entry.wrong.length)
  indexes.set(entries, index)
  return index
}

function fires(rule: Rule, text: string, i: number): boolean {
  for (const a of rule.allow) {
    for (const k of a.at) if (i - k >= 0 && text.startsWith(a.text, i - k)) return false
  }
  if (rule.context) {
    rule.context.lastIndex = i
    return rule.context.test(text)
  }
  return true
}

/**
 * Every lexicon slip in `text`, left to right, in one pass: at each position only the entries
 * starting with that character are tried (the longest that fires wins), and the scan resumes
 * after a slip, so slips never overlap.
 */
export function findLexiconSlips(
  text: string,
  entries: readonly LexiconEntry[] = LEXICON,
): LexiconSlip[] {
  const index = indexOf(entries)
  const slips: LexiconSlip[] = []
  let i = 0
  while (i < text.length) {
    let hit: LexiconEntry | null = null
    for (const rule of index.get(text[i]!) ?? []) {
      if (text.startsWith(rule.entry.wrong, i) && fires(rule, text, i)) {
        hit = rule.entry
        break
      }
    }
    if (hit) {
      slips.push({ offset: i, length: hit.wrong.length, entry: hit })
      i += hit.wrong.length
    } else {
      i++
    }
  }
  return slips
}

/** The character bigrams of a text, sorted, as numbers: compared by one merge. */
export type BigramProfile = Float64Array

// Spaces and the commonest punctuation say little about whether two paragraphs are one.
const IGNORED = /[\s，。、；：,.;:]/g

export function bigramProfile(text: string): BigramProfile {
  const t = text.replace(IGNORED, '')
  if (t.length === 1) return Float64Array.of(t.charCodeAt(0))
  const out = new Float64Array(Math.max(0, t.length - 1))
  for (let i = 0; i + 1 < t.length; i++) out[i] = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1)
  return out.sort()
}

/** Shared bigrams of two profiles, counted as a multiset. */
function shared(a: BigramProfile, b: BigramProfile): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return n
}

/** Dice's coefficient, 0 (nothing shared) to 1 (the same bigrams). */
export function similarity(a: BigramProfile, b: BigramProfile): number {
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  return (2 * shared(a, b)) / (a.length + b.length)
}

/** The most `similarity` can be for profiles of these sizes: skips hopeless pairs unread. */
export function similarityBound(a: BigramProfile, b: BigramProfile): number {
  if (a.length + b.length === 0) return 1
  return (2 * Math.min(a.length, b.length)) / (a.length + b.length)
}

/** How much of `part` is found in `whole`: 1 when every bigram of part is there. */
export function containment(part: BigramProfile, whole: BigramProfile): number {
  if (part.length === 0) return 1
  return shared(part, whole) / part.length
}

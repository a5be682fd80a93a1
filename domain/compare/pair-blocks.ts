import { diffArrays } from 'diff'

import type { CompareBlock } from './blocks.ts'
import {
  bigramProfile,
  containment,
  similarity,
  similarityBound,
  type BigramProfile,
} from './similarity.ts'

/**
 * How old blocks and new blocks correspond: the same text (equal), lightly edited (modified),
 * one split in several or several merged in one, or moved elsewhere (perhaps edited too).
 */
export type GroupKind = 'equal' | 'modified' | 'split' | 'merged' | 'moved'

export interface BlockGroup {
  kind: GroupKind
  /** Indexes into the older blocks, consecutive. */
  old: number[]
  /** Indexes into the newer blocks, consecutive. */
  new: number[]
}

/** Paragraphs at least this alike are one paragraph edited. */
const PAIR_MIN = 0.45
/** Headings of the same level in the same place are one heading renamed when this alike. */
const HEADING_SAME_LEVEL_MIN = 0.2
/** A block found far from its place must be closer to count as moved. */
const MOVE_MIN = 0.6
/** Beyond this many block edits the versions share no order worth anchoring on. */
const MAX_BLOCK_EDITS = 4000
/** Gaps are paired in slices of at most this many blocks a side: bounded quadratic work. */
const GAP_SLICE = 120
/** Beyond this many candidate pairs, moves are found by identical text only. */
const MOVE_PAIR_LIMIT = 90_000

const NONE = -1

/**
 * Runs of identical keys in the same order, as [old start, new start, length]. Keys found once
 * on each side are matched first (the longest increasing run of them, O(n log n)); Myers'
 * diff then works only in the short stretches between them, so similar versions cost about
 * their length, not length × edits.
 */
export function identicalRuns(
  oldKeys: readonly number[],
  newKeys: readonly number[],
): [number, number, number][] {
  const seen = new Map<number, { old: number; new: number; oldAt: number; newAt: number }>()
  oldKeys.forEach((k, i) => {
    const s = seen.get(k)
    if (s) s.old++
    else seen.set(k, { old: 1, new: 0, oldAt: i, newAt: -1 })
  })
  newKeys.forEach((k, j) => {
    const s = seen.get(k)
    if (s) {
      s.new++
      s.newAt = j
    }
  })
  // Unique on both sides, in old order: their new positions' longest increasing subsequence.
  const unique: [number, number][] = []
  oldKeys.forEach((k, i) => {
    const s = seen.get(k)!
    if (s.old === 1 && s.new === 1) unique.push([i, s.newAt])
  })
  const tails: number[] = []
  const back = new Int32Array(unique.length).fill(NONE)
  for (let u = 0; u < unique.length; u++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (unique[tails[mid]!]![1] < unique[u]![1]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) back[u] = tails[lo - 1]!
    tails[lo] = u
  }
  const anchors: [number, number][] = []
  for (let u = tails.length ? tails[tails.length - 1]! : NONE; u !== NONE; u = back[u]!) {
    anchors.push(unique[u]!)
  }
  anchors.reverse()

  const runs: [number, number, number][] = []
  const push = (i: number, j: number, n: number) => {
    const last = runs[runs.length - 1]
    if (last && last[0] + last[2] === i && last[1] + last[2] === j) last[2] += n
    else runs.push([i, j, n])
  }
  const between = (o0: number, o1: number, n0: number, n1: number) => {
    if (o1 <= o0 || n1 <= n0) return
    const parts = diffArrays(oldKeys.slice(o0, o1), newKeys.slice(n0, n1), {
      maxEditLength: MAX_BLOCK_EDITS,
    })
    let i = o0
    let j = n0
    for (const part of parts ?? []) {
      if (part.added) j += part.count
      else if (part.removed) i += part.count
      else {
        push(i, j, part.count)
        i += part.count
        j += part.count
      }
    }
  }
  let i = 0
  let j = 0
  for (const [ai, aj] of anchors) {
    between(i, ai, j, aj)
    push(ai, aj, 1)
    i = ai + 1
    j = aj + 1
  }
  between(i, oldKeys.length, j, newKeys.length)
  return runs
}

/** Pairs the blocks of two versions; every pass is linear, or quadratic within a bounded slice. */
export function pairBlocks(older: readonly CompareBlock[], newer: readonly CompareBlock[]) {
  const ids = new Map<string, number>()
  const keyOf = (b: CompareBlock) => {
    const key = `${b.kind}\u0000${b.level ?? ''}\u0000${b.text}`
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = ids.size))
    return id
  }
  const oldKeys = older.map(keyOf)
  const newKeys = newer.map(keyOf)
  const oldProfiles: (BigramProfile | undefined)[] = []
  const newProfiles: (BigramProfile | undefined)[] = []
  const oldProfile = (i: number) => (oldProfiles[i] ??= bigramProfile(older[i]!.text))
  const newProfile = (j: number) => (newProfiles[j] ??= bigramProfile(newer[j]!.text))

  const groups: BlockGroup[] = []
  const oldGroup = new Int32Array(older.length).fill(NONE)
  const newGroup = new Int32Array(newer.length).fill(NONE)
  const add = (group: BlockGroup) => {
    for (const i of group.old) oldGroup[i] = groups.length
    for (const j of group.new) newGroup[j] = groups.length
    groups.push(group)
  }

  const pairScore = (i: number, j: number): number => {
    const a = older[i]!
    const b = newer[j]!
    if (a.kind !== b.kind) return NONE
    const min = a.kind === 'heading' && a.level === b.level ? HEADING_SAME_LEVEL_MIN : PAIR_MIN
    const pa = oldProfile(i)
    const pb = newProfile(j)
    if (similarityBound(pa, pb) < min) return NONE
    const s = similarity(pa, pb)
    return s >= min ? s : NONE
  }

  // Monotone pairs of one slice of a gap: the best total similarity, by dynamic programming.
  const pairSlice = (o0: number, o1: number, n0: number, n1: number) => {
    const w = n1 - n0 + 1
    const score = new Float64Array((o1 - o0 + 1) * w)
    const take = new Float64Array((o1 - o0) * (n1 - n0)).fill(NONE)
    for (let i = o0; i < o1; i++) {
      for (let j = n0; j < n1; j++) {
        const r = (i - o0 + 1) * w + (j - n0 + 1)
        const s = pairScore(i, j)
        take[(i - o0) * (n1 - n0) + (j - n0)] = s
        const diagonal = s === NONE ? -Infinity : score[r - w - 1]! + s
        score[r] = Math.max(score[r - w]!, score[r - 1]!, diagonal)
      }
    }
    const pairs: [number, number][] = []
    let i = o1
    let j = n1
    while (i > o0 && j > n0) {
      const r = (i - o0) * w + (j - n0)
      const s = take[(i - 1 - o0) * (n1 - n0) + (j - 1 - n0)]!
      if (s !== NONE && score[r] === score[r - w - 1]! + s) {
        pairs.push([i - 1, j - 1])
        i--
        j--
      } else if (score[r] === score[r - w]) i--
      else j--
    }
    // One heading left on each side, same level, same place: a heading reworded throughout.
    const pairedOld = new Set(pairs.map(([pi]) => pi))
    const pairedNew = new Set(pairs.map(([, pj]) => pj))
    const lone = (
      from: number,
      to: number,
      blocks: readonly CompareBlock[],
      paired: Set<number>,
    ) => {
      const found: number[] = []
      for (let k = from; k < to; k++) {
        if (blocks[k]!.kind === 'heading' && !paired.has(k)) found.push(k)
      }
      return found.length === 1 ? found[0]! : NONE
    }
    const ho = lone(o0, o1, older, pairedOld)
    const hn = lone(n0, n1, newer, pairedNew)
    if (
      ho !== NONE &&
      hn !== NONE &&
      older[ho]!.level === newer[hn]!.level &&
      pairs.every(([pi, pj]) => pi < ho === pj < hn)
    ) {
      pairs.push([ho, hn])
      pairs.sort((x, y) => x[0] - y[0])
    } else pairs.reverse()
    for (const [pi, pj] of pairs) add({ kind: 'modified', old: [pi], new: [pj] })
  }
  const pairGap = (o0: number, o1: number, n0: number, n1: number) => {
    if (o1 <= o0 || n1 <= n0) return
    const slices = Math.ceil(Math.max(o1 - o0, n1 - n0) / GAP_SLICE)
    for (let s = 0; s < slices; s++) {
      pairSlice(
        o0 + Math.floor(((o1 - o0) * s) / slices),
        o0 + Math.floor(((o1 - o0) * (s + 1)) / slices),
        n0 + Math.floor(((n1 - n0) * s) / slices),
        n0 + Math.floor(((n1 - n0) * (s + 1)) / slices),
      )
    }
  }

  // 1. Identical blocks in the same order anchor everything else.
  let gapOld = 0
  let gapNew = 0
  for (const [i, j, count] of identicalRuns(oldKeys, newKeys)) {
    // 2. Between anchors, similar blocks in order are one block edited.
    pairGap(gapOld, i, gapNew, j)
    for (let k = 0; k < count; k++) add({ kind: 'equal', old: [i + k], new: [j + k] })
    gapOld = i + count
    gapNew = j + count
  }
  pairGap(gapOld, older.length, gapNew, newer.length)

  // 3. A paragraph split in two (or two merged) takes in its unpaired neighbour when the
  // neighbour's text comes from it and the whole is closer than the part.
  const joinedProfile = (blocks: readonly CompareBlock[], idx: readonly number[]) =>
    bigramProfile(idx.map((k) => blocks[k]!.text).join(''))
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi]!
    if (group.kind !== 'modified' || older[group.old[0]!]!.kind !== 'paragraph') continue
    const grow = (side: 'old' | 'new') => {
      const mine = side === 'old' ? older : newer
      const taken = side === 'old' ? oldGroup : newGroup
      const other =
        side === 'old' ? joinedProfile(newer, group.new) : joinedProfile(older, group.old)
      let current = similarity(joinedProfile(mine, group[side]), other)
      for (const step of [1, -1]) {
        for (;;) {
          const idx = group[side]
          const k = step === 1 ? idx[idx.length - 1]! + 1 : idx[0]! - 1
          if (k < 0 || k >= mine.length || taken[k] !== NONE || mine[k]!.kind !== 'paragraph') break
          const candidate = step === 1 ? [...idx, k] : [k, ...idx]
          const next = similarity(joinedProfile(mine, candidate), other)
          if (next <= current || containment(bigramProfile(mine[k]!.text), other) < 0.6) break
          current = next
          group[side] = candidate
          taken[k] = gi
        }
      }
    }
    grow('new')
    if (group.new.length > 1) group.kind = 'split'
    else {
      grow('old')
      if (group.old.length > 1) group.kind = 'merged'
    }
  }

  // 4. What is left may have moved: identical text first, then close text if few are left.
  const oldLeft = new Map<number, number[]>()
  for (let k = 0; k < older.length; k++) {
    if (oldGroup[k] !== NONE) continue
    const list = oldLeft.get(oldKeys[k]!)
    if (list) list.push(k)
    else oldLeft.set(oldKeys[k]!, [k])
  }
  for (let k = 0; k < newer.length; k++) {
    if (newGroup[k] !== NONE) continue
    const from = oldLeft.get(newKeys[k]!)?.shift()
    if (from !== undefined) add({ kind: 'moved', old: [from], new: [k] })
  }
  const restOld: number[] = []
  const restNew: number[] = []
  for (let k = 0; k < older.length; k++) if (oldGroup[k] === NONE) restOld.push(k)
  for (let k = 0; k < newer.length; k++) if (newGroup[k] === NONE) restNew.push(k)
  if (restOld.length * restNew.length <= MOVE_PAIR_LIMIT) {
    const candidates: [number, number, number][] = []
    for (const a of restOld) {
      for (const b of restNew) {
        if (older[a]!.kind !== newer[b]!.kind) continue
        if (similarityBound(oldProfile(a), newProfile(b)) < MOVE_MIN) continue
        const s = similarity(oldProfile(a), newProfile(b))
        if (s >= MOVE_MIN) candidates.push([s, a, b])
      }
    }
    candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
    for (const [, a, b] of candidates) {
      if (oldGroup[a] === NONE && newGroup[b] === NONE) add({ kind: 'moved', old: [a], new: [b] })
    }
  }
  return { groups, oldGroup, newGroup }
}

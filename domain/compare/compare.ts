/**
 * Comparing two versions of a draft (issue #19): two revisions, the current text and a
 * revision, or the draft and a Word file that came back.
 *
 *   const c = compareVersions(olderContent, newerContent, { level3, today })
 *   c.entries   the blocks of both versions in reading order, each with its segments
 *   c.changes   one item per change, pointing at its entry; c.counts the tallies
 *
 * Blocks (title, metadata fields, headings, paragraphs, as they print) are paired first —
 * identical blocks in order, then similar ones between them, split and merged paragraphs,
 * then moves — and paired blocks are compared by character with figures and dates kept
 * whole. The result is plain data: the in-app view, the 修订稿 and the 花脸稿 all read it.
 */
import {
  flattenVersion,
  type CompareBlock,
  type CompareBlockKind,
  type CompareSource,
  type FlattenOptions,
  type MetaField,
} from './blocks.ts'
import { pairBlocks, type BlockGroup } from './pair-blocks.ts'
import { diffText, type Segment } from './text-diff.ts'

export type EntryKind =
  | 'equal'
  | 'modified'
  | 'inserted'
  | 'deleted'
  /** The block's new place; its old place is a 'moved-away' entry with the same moveId. */
  | 'moved'
  | 'moved-away'
  /** One older paragraph became several newer ones. */
  | 'split'
  /** Several older paragraphs became one. */
  | 'merged'

/** One row of the comparison: a block of either version or both. */
export interface CompareEntry {
  kind: EntryKind
  /** Indexes into `Comparison.older`, consecutive; empty for an insertion. */
  old: number[]
  /** Indexes into `Comparison.newer`, consecutive; empty for a deletion or a moved-away block. */
  new: number[]
  blockKind: CompareBlockKind
  field: MetaField | null
  /**
   * Older → newer text: a heading's number first (label: true), then its text; the blocks of
   * a split or merge joined by a '\n' segment (inserted for a split, deleted for a merge).
   * For a move, the edits between its old and new text.
   */
  segments: Segment[]
  moveId: number | null
}

export type ChangeType = 'insert' | 'delete' | 'replace' | 'move'

/** One change, as the list and next/previous count them. */
export interface Change {
  type: ChangeType
  /** Index into `Comparison.entries`. */
  entry: number
  blockKind: CompareBlockKind
  field: MetaField | null
  /** In a heading. */
  heading: boolean
  /** The title or a metadata field. */
  meta: boolean
  /** A figure or date changed. */
  figure: boolean
  /** Only a heading's drawn number changed (sections before it came or went). */
  numbering: boolean
  oldText: string
  newText: string
  /** The entry's segments this change is made of: [from, to). */
  segments: [number, number]
}

export interface CompareCounts {
  /** Every change. */
  total: number
  inserted: number
  deleted: number
  replaced: number
  moved: number
  figures: number
  headings: number
  meta: number
  /** Changes of a heading's number only: counted in total, often not worth showing. */
  numbering: number
}

export interface Comparison {
  older: CompareBlock[]
  newer: CompareBlock[]
  entries: CompareEntry[]
  changes: Change[]
  counts: CompareCounts
}

/** Compares two versions of a draft as they print. */
export function compareVersions(
  older: CompareSource,
  newer: CompareSource,
  options: FlattenOptions,
): Comparison {
  return compareBlocks(flattenVersion(older, options), flattenVersion(newer, options))
}

const isMeta = (b: CompareBlock) => b.kind === 'title' || b.kind === 'meta'
const fullText = (b: CompareBlock) => b.label + b.text

/** Compares two lists of blocks (title and metadata blocks first, then the body). */
export function compareBlocks(older: CompareBlock[], newer: CompareBlock[]): Comparison {
  const entries: CompareEntry[] = []
  const entry = (
    kind: EntryKind,
    old: number[],
    neu: number[],
    segments: Segment[],
    moveId: number | null = null,
  ) => {
    const b = (neu.length ? newer[neu[0]!] : older[old[0]!])!
    entries.push({ kind, old, new: neu, blockKind: b.kind, field: b.field, segments, moveId })
  }

  // Title and metadata pair by field.
  const oldMeta = new Map<string, number>()
  older.forEach((b, i) => isMeta(b) && oldMeta.set(`${b.kind}:${b.field}`, i))
  const usedOld = new Set<number>()
  newer.forEach((b, j) => {
    if (!isMeta(b)) return
    const i = oldMeta.get(`${b.kind}:${b.field}`)
    if (i === undefined) return entry('inserted', [], [j], inserted(b))
    usedOld.add(i)
    const a = older[i]!
    const kind =
      a.text === b.text ? 'equal' : !a.text ? 'inserted' : !b.text ? 'deleted' : 'modified'
    entry(kind, [i], [j], diffText(a.text, b.text))
  })
  older.forEach((a, i) => isMeta(a) && !usedOld.has(i) && entry('deleted', [i], [], deleted(a)))

  // The body pairs by text and order.
  const oldBody = older.flatMap((b, i) => (isMeta(b) ? [] : [i]))
  const newBody = newer.flatMap((b, j) => (isMeta(b) ? [] : [j]))
  const { groups, oldGroup, newGroup } = pairBlocks(
    oldBody.map((i) => older[i]!),
    newBody.map((j) => newer[j]!),
  )
  const toOld = (k: number) => oldBody[k]!
  const toNew = (k: number) => newBody[k]!
  const moveIds = new Map<BlockGroup, number>()
  groups.forEach((g) => g.kind === 'moved' && moveIds.set(g, moveIds.size))

  // Deletions and moved-away blocks of a gap come before its insertions.
  let nextOld = 0
  const flushOld = (until: number) => {
    for (; nextOld < until; nextOld++) {
      const g = oldGroup[nextOld]!
      const a = older[toOld(nextOld)]!
      if (g === -1) entry('deleted', [toOld(nextOld)], [], deleted(a))
      else if (groups[g]!.kind === 'moved') {
        entry('moved-away', [toOld(nextOld)], [], deleted(a), moveIds.get(groups[g]!)!)
      }
    }
  }
  // For each new block, where the next block paired in order starts in the older body.
  const nextInOrder = new Int32Array(newBody.length + 1).fill(oldBody.length)
  for (let k = newBody.length - 1; k >= 0; k--) {
    const g = newGroup[k]!
    nextInOrder[k] =
      g !== -1 && groups[g]!.kind !== 'moved' ? groups[g]!.old[0]! : nextInOrder[k + 1]!
  }
  for (let k = 0; k < newBody.length; k++) {
    flushOld(nextInOrder[k]!)
    const g = newGroup[k]!
    const b = newer[toNew(k)]!
    if (g === -1) {
      entry('inserted', [], [toNew(k)], inserted(b))
      continue
    }
    const group = groups[g]!
    if (group.new[0] !== k) continue
    const old = group.old.map(toOld)
    const neu = group.new.map(toNew)
    if (group.kind === 'moved') {
      entry('moved', old, neu, pairSegments(older[old[0]!]!, b), moveIds.get(group)!)
      continue
    }
    const segments =
      group.kind === 'split' || group.kind === 'merged'
        ? diffText(
            old.map((i) => older[i]!.text).join('\n'),
            neu.map((j) => newer[j]!.text).join('\n'),
          )
        : pairSegments(older[old[0]!]!, b)
    const kind =
      group.kind === 'equal' && segments.some((s) => s.op !== 'equal') ? 'modified' : group.kind
    entry(kind, old, neu, segments)
    nextOld = group.old[group.old.length - 1]! + 1
  }
  flushOld(oldBody.length)

  const changes = listChanges(entries, older, newer)
  return { older, newer, entries, changes, counts: countChanges(changes) }
}

function inserted(b: CompareBlock): Segment[] {
  return [
    ...(b.label ? [{ op: 'insert' as const, text: b.label, figure: false, label: true }] : []),
    ...(b.text ? [{ op: 'insert' as const, text: b.text, figure: false, label: false }] : []),
  ]
}

function deleted(b: CompareBlock): Segment[] {
  return inserted(b).map((s) => ({ ...s, op: 'delete' as const }))
}

function pairSegments(a: CompareBlock, b: CompareBlock): Segment[] {
  return [...diffText(a.label, b.label, true), ...diffText(a.text, b.text)]
}

function listChanges(
  entries: readonly CompareEntry[],
  older: readonly CompareBlock[],
  newer: readonly CompareBlock[],
): Change[] {
  const changes: Change[] = []
  entries.forEach((e, index) => {
    const base = {
      entry: index,
      blockKind: e.blockKind,
      field: e.field,
      heading: e.blockKind === 'heading',
      meta: e.blockKind === 'title' || e.blockKind === 'meta',
    }
    const whole = (type: ChangeType) =>
      changes.push({
        ...base,
        type,
        figure: false,
        numbering: false,
        oldText: e.old.map((i) => fullText(older[i]!)).join('\n'),
        newText: e.new.map((j) => fullText(newer[j]!)).join('\n'),
        segments: [0, e.segments.length],
      })
    if (e.kind === 'equal' || e.kind === 'moved-away') return
    if (e.kind === 'inserted') return whole('insert')
    if (e.kind === 'deleted') return whole('delete')
    if (e.kind === 'moved') whole('move')
    if (e.blockKind === 'meta') return whole('replace')
    let run: Segment[] = []
    let start = 0
    const close = (end: number) => {
      if (run.length === 0) return
      const oldText = run.map((s) => (s.op === 'delete' ? s.text : '')).join('')
      const newText = run.map((s) => (s.op === 'insert' ? s.text : '')).join('')
      changes.push({
        ...base,
        type: !newText ? 'delete' : !oldText ? 'insert' : 'replace',
        figure: run.some((s) => s.figure),
        numbering: run.every((s) => s.label),
        oldText,
        newText,
        segments: [start, end],
      })
      run = []
    }
    e.segments.forEach((s, k) => {
      if (s.op === 'equal') return close(k)
      if (run.length === 0) start = k
      run.push(s)
    })
    close(e.segments.length)
  })
  return changes
}

function countChanges(changes: readonly Change[]): CompareCounts {
  const counts: CompareCounts = {
    total: changes.length,
    inserted: 0,
    deleted: 0,
    replaced: 0,
    moved: 0,
    figures: 0,
    headings: 0,
    meta: 0,
    numbering: 0,
  }
  for (const c of changes) {
    if (c.type === 'insert') counts.inserted++
    else if (c.type === 'delete') counts.deleted++
    else if (c.type === 'replace') counts.replaced++
    else counts.moved++
    if (c.figure) counts.figures++
    if (c.heading) counts.headings++
    if (c.meta) counts.meta++
    if (c.numbering) counts.numbering++
  }
  return counts
}

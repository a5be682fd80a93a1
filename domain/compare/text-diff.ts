import { diffArrays } from 'diff'

import { bigramProfile, similarity } from './similarity.ts'
import { isFigureToken, tokenize } from './tokens.ts'

export type SegmentOp = 'equal' | 'insert' | 'delete'

/** A stretch of text the same in both versions, or only in the newer (insert) or the older (delete). */
export interface Segment {
  op: SegmentOp
  text: string
  /** A figure or date (one whole token) that changed. */
  figure: boolean
  /** Part of a heading's drawn number. */
  label: boolean
}

/** Edits beyond this many tokens make a pair a plain replacement: bounds Myers' O((N+M)·D). */
const MAX_EDIT_TOKENS = 1000
/** Long texts less alike than this are replaced whole without trying (a rewrite, not an edit). */
const MIN_LIKENESS = 0.3

interface Piece {
  text: string
  figure: boolean
}
interface Run {
  /** The equal text before this run's change. */
  before: string
  deleted: Piece[]
  inserted: Piece[]
}

const width = (pieces: readonly Piece[]) => pieces.reduce((n, p) => n + p.text.length, 0)

function pieces(tokens: readonly string[]): Piece[] {
  const out: Piece[] = []
  let plain = ''
  for (const t of tokens) {
    if (isFigureToken(t)) {
      if (plain) out.push({ text: plain, figure: false })
      plain = ''
      out.push({ text: t, figure: true })
    } else plain += t
  }
  if (plain) out.push({ text: plain, figure: false })
  return out
}

/**
 * The character comparison of two texts, figures and dates kept whole. Short equal scraps
 * between two changes are folded into them (a rewritten clause reads as one replacement, not
 * a comb of single characters). Texts too different to compare cheaply come back as one
 * deletion and one insertion.
 */
export function diffText(older: string, newer: string, label = false): Segment[] {
  if (older === newer) return older ? [{ op: 'equal', text: older, figure: false, label }] : []
  const a = tokenize(older)
  const b = tokenize(newer)
  const limit = Math.min(MAX_EDIT_TOKENS, a.length + b.length)
  const hopeless =
    a.length + b.length > 200 &&
    similarity(bigramProfile(older), bigramProfile(newer)) < MIN_LIKENESS
  const parts = (!hopeless && diffArrays(a, b, { maxEditLength: limit })) || [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ]
  // Runs of (equal text, deletion, insertion); the last may have only equal text.
  const runs: Run[] = [{ before: '', deleted: [], inserted: [] }]
  for (const part of parts) {
    const last = runs[runs.length - 1]!
    if (part.added) last.inserted.push(...pieces(part.value))
    else if (part.removed) last.deleted.push(...pieces(part.value))
    else {
      const text = part.value.join('')
      if (last.deleted.length === 0 && last.inserted.length === 0) last.before += text
      else runs.push({ before: text, deleted: [], inserted: [] })
    }
  }
  const merged: Run[] = []
  for (const run of runs) {
    const prev = merged[merged.length - 1]
    const changed = run.deleted.length + run.inserted.length > 0
    const prevSize = prev ? Math.max(width(prev.deleted), width(prev.inserted)) : 0
    const size = Math.max(width(run.deleted), width(run.inserted))
    if (
      prev &&
      changed &&
      run.before.length <= 2 &&
      run.before.length <= prevSize &&
      run.before.length <= size
    ) {
      const scrap = { text: run.before, figure: false }
      prev.deleted.push(scrap, ...run.deleted)
      prev.inserted.push(scrap, ...run.inserted)
    } else merged.push(run)
  }
  const out: Segment[] = []
  const push = (op: SegmentOp, p: Piece) => {
    if (!p.text) return
    const last = out[out.length - 1]
    if (last && last.op === op && !last.figure && !p.figure) last.text += p.text
    else out.push({ op, text: p.text, figure: op !== 'equal' && p.figure, label })
  }
  for (const run of merged) {
    push('equal', { text: run.before, figure: false })
    for (const p of run.deleted) push('delete', p)
    for (const p of run.inserted) push('insert', p)
  }
  return out
}

/** The older text of segments (equal and deleted). */
export function olderText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.op === 'insert' ? '' : s.text)).join('')
}

/** The newer text of segments (equal and inserted). */
export function newerText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.op === 'delete' ? '' : s.text)).join('')
}

import type { Doc, DocNode } from '../draft/doc.ts'
import type { Finding } from './proofread.ts'

/** One change fix-all makes, for the list the writer reads before applying. */
export interface FixChange {
  block: number
  offset: number
  /** What stood there, and what replaces it. */
  before: string
  after: string
  message: string
}

export interface AppliedFixes {
  /** The new body: blocks without a change are the same objects as before. */
  body: Doc
  changes: FixChange[]
  /** Findings with a fix that were not applied: overlapping another, stale, or across a reference. */
  skipped: Finding[]
}

type Fixable = Pick<Finding, 'block' | 'offset' | 'length' | 'text' | 'message' | 'fix'>

const isInline = (node: DocNode) => node.content === undefined

/**
 * Applies the findings that carry a fix (and only those) to a draft's body, as one change the
 * editor can undo in one step. A fix changes nothing but its own characters; it is skipped when
 * the text at its place is no longer what the finding saw, when it overlaps a fix before it, or
 * when its characters run across a reference or a slot.
 */
export function applyFixes(body: Doc, findings: readonly Fixable[]): AppliedFixes {
  const byBlock = new Map<number, Fixable[]>()
  const skipped: Fixable[] = []
  for (const f of findings) {
    if (f.fix === undefined) continue
    const list = byBlock.get(f.block)
    if (list) list.push(f)
    else byBlock.set(f.block, [f])
  }
  const changes: FixChange[] = []
  const content = body.content.map((node, block) => {
    const fixes = byBlock.get(block)
    if (!fixes) return node
    const result = fixBlock(node, fixes, block)
    changes.push(...result.changes)
    skipped.push(...result.skipped)
    return result.node
  })
  changes.sort((a, b) => a.block - b.block || a.offset - b.offset)
  return { body: { ...body, content }, changes, skipped: skipped as Finding[] }
}

interface Edit {
  offset: number
  length: number
  fix: string
}

/**
 * A fix as the smallest edits that make it, so characters it keeps stay in their own text
 * nodes with their marks: "书香校园" → “书香校园” changes two characters, not six.
 */
function smallestEdits(f: Fixable): Edit[] {
  const before = f.text
  const after = f.fix!
  if (before.length === after.length) {
    const edits: Edit[] = []
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i]) edits.push({ offset: f.offset + i, length: 1, fix: after[i]! })
    }
    return edits
  }
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++
  return [
    {
      offset: f.offset + head,
      length: before.length - head - tail,
      fix: after.slice(head, after.length - tail),
    },
  ]
}

function fixBlock(
  node: DocNode,
  fixes: Fixable[],
  block: number,
): { node: DocNode; changes: FixChange[]; skipped: Fixable[] } {
  const children = node.content ?? []
  if (!children.every(isInline)) return { node, changes: [], skipped: fixes }
  // Each child's start in the checked text: a text node counts its characters, a leaf one.
  const starts: number[] = []
  let text = ''
  for (const child of children) {
    starts.push(text.length)
    text += child.text ?? '\ufffc'
  }
  const skipped: Fixable[] = []
  const accepted: Fixable[] = []
  let end = -1
  for (const f of [...fixes].sort((a, b) => a.offset - b.offset || b.length - a.length)) {
    const stale = text.slice(f.offset, f.offset + f.length) !== f.text
    const acrossLeaf = text.slice(f.offset, f.offset + f.length).includes('\ufffc')
    if (f.offset < end || stale || acrossLeaf || f.length === 0) skipped.push(f)
    else {
      accepted.push(f)
      end = f.offset + f.length
    }
  }
  if (accepted.length === 0) return { node, changes: [], skipped }
  const edits = accepted.flatMap(smallestEdits)
  // Rebuild the text nodes once, left to right: each keeps its marks, a fix goes into the node
  // where it starts, and characters it replaces in later nodes are dropped.
  const out: DocNode[] = []
  let k = 0
  children.forEach((child, i) => {
    if (child.text === undefined) {
      out.push(child)
      return
    }
    const from = starts[i]!
    const to = from + child.text.length
    let piece = ''
    let pos = from
    while (
      k < edits.length &&
      (edits[k]!.offset < to || (edits[k]!.length === 0 && edits[k]!.offset === to))
    ) {
      const f = edits[k]!
      const fEnd = f.offset + f.length
      if (f.offset >= from) piece += child.text.slice(pos - from, f.offset - from) + f.fix!
      pos = Math.min(fEnd, to)
      if (fEnd > to) break // the rest of this fix lies in the next nodes
      k++
    }
    piece += child.text.slice(pos - from)
    if (piece !== '') out.push({ ...child, text: piece })
  })
  // Never damage: if the rebuilt text is not the old one with exactly these fixes, change nothing.
  let expected = ''
  let pos = 0
  for (const f of accepted) {
    expected += text.slice(pos, f.offset) + f.fix!
    pos = f.offset + f.length
  }
  expected += text.slice(pos)
  if (out.map((c) => c.text ?? '\ufffc').join('') !== expected) {
    return { node, changes: [], skipped: [...skipped, ...accepted] }
  }
  return {
    node: { ...node, content: out },
    changes: accepted.map((f) => ({
      block,
      offset: f.offset,
      before: f.text,
      after: f.fix!,
      message: f.message,
    })),
    skipped,
  }
}

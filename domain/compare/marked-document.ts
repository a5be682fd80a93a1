import type { ExportModel } from '../export/export-model.ts'
import type { HeadingLevel } from '../outline/numbering.ts'
import type { CompareBlock } from './blocks.ts'
import type { CompareEntry, Comparison } from './compare.ts'
import type { Segment, SegmentOp } from './text-diff.ts'

/** A stretch of text with its change and its face: what a 修订稿 or 花脸稿 run is made of. */
export interface MarkedSpan {
  text: string
  op: SegmentOp
  figure: boolean
  role: 'heading' | 'body'
}

/** A paragraph of marked spans; `mark` is its paragraph mark's own change. */
export interface MarkedParagraph {
  spans: MarkedSpan[]
  mark: SegmentOp
}

export type MarkedBlock = MarkedParagraph &
  ({ kind: 'paragraph' } | { kind: 'heading'; level: HeadingLevel; runIn: boolean })

/** The comparison laid out in the export's slots; the title's spans hold '\n' for its line breaks. */
export interface MarkedDocument {
  title: MarkedSpan[]
  recipient: MarkedParagraph | null
  blocks: MarkedBlock[]
  signature: MarkedParagraph | null
  date: MarkedParagraph
}

const span = (s: Segment, role: MarkedSpan['role'] = 'body'): MarkedSpan => ({
  text: s.text,
  op: s.op,
  figure: s.figure,
  role,
})

/**
 * Segments cut where `cut` says: positions count the newer text for equal and inserted text,
 * the older for deleted text (a title line's end, a run-in heading's change of face).
 */
function cutSegments(
  segments: readonly Segment[],
  cut: (op: SegmentOp, pos: number) => boolean,
): { segment: Segment; pos: number }[] {
  const out: { segment: Segment; pos: number }[] = []
  let oldPos = 0
  let newPos = 0
  for (const s of segments) {
    const base = s.op === 'delete' ? oldPos : newPos
    let start = 0
    for (let k = 1; k < s.text.length; k++) {
      if (!cut(s.op, base + k)) continue
      out.push({ segment: { ...s, text: s.text.slice(start, k) }, pos: base + start })
      start = k
    }
    out.push({ segment: { ...s, text: s.text.slice(start) }, pos: base + start })
    if (s.op !== 'insert') oldPos += s.text.length
    if (s.op !== 'delete') newPos += s.text.length
  }
  return out
}

function titleSpans(segments: readonly Segment[], lines: readonly string[]): MarkedSpan[] {
  const ends = new Set<number>()
  let n = 0
  for (const line of lines.slice(0, -1)) ends.add((n += line.length))
  const out: MarkedSpan[] = []
  for (const { segment, pos } of cutSegments(segments, (op, p) => op !== 'delete' && ends.has(p))) {
    // A break before the first newer text of each line after the first.
    if (segment.op !== 'delete' && ends.delete(pos)) {
      out.push({ text: '\n', op: 'equal', figure: false, role: 'body' })
    }
    out.push(span(segment))
  }
  return out
}

/** The segments of a heading or paragraph as spans, faces set by each side's run-in split. */
function blockSpans(
  segments: readonly Segment[],
  oldBlock: CompareBlock | undefined,
  newBlock: CompareBlock | undefined,
): MarkedSpan[] {
  const label = segments.filter((s) => s.label).map((s) => span(s, 'heading'))
  const text = segments.filter((s) => !s.label)
  if ((newBlock ?? oldBlock)!.kind !== 'heading') return [...label, ...text.map((s) => span(s))]
  const splitAt = (op: SegmentOp) => (op === 'delete' ? oldBlock : newBlock)?.runInAt ?? null
  return [
    ...label,
    ...cutSegments(text, (op, p) => splitAt(op) === p).map(({ segment, pos }) => {
      const at = splitAt(segment.op)
      return span(segment, at !== null && pos >= at ? 'body' : 'heading')
    }),
  ]
}

/** Spans cut into paragraphs at each '\n': the break's change is the paragraph mark's. */
function paragraphsOf(spans: readonly MarkedSpan[]): MarkedParagraph[] {
  const paragraphs: MarkedParagraph[] = []
  let current: MarkedSpan[] = []
  for (const s of spans) {
    const parts = s.text.split('\n')
    parts.forEach((part, k) => {
      if (part) current.push({ ...s, text: part })
      if (k < parts.length - 1) {
        paragraphs.push({ spans: current, mark: s.op })
        current = []
      }
    })
  }
  paragraphs.push({ spans: current, mark: 'equal' })
  return paragraphs
}

function whole(block: CompareBlock, op: 'insert' | 'delete'): MarkedSpan[] {
  return blockSpans(
    [
      ...(block.label ? [{ op, text: block.label, figure: false, label: true }] : []),
      ...(block.text ? [{ op, text: block.text, figure: false, label: false }] : []),
    ],
    op === 'delete' ? block : undefined,
    op === 'insert' ? block : undefined,
  )
}

/**
 * The comparison in the newer version's export layout: accepting every insertion and dropping
 * every deletion gives the newer text, the reverse the older. A moved block is deleted where it
 * was and inserted where it is.
 */
export function markedDocument(comparison: Comparison, newerModel: ExportModel): MarkedDocument {
  const { older, newer } = comparison
  const blocks: MarkedBlock[] = []
  const slots = new Map<string, CompareEntry>()
  for (const e of comparison.entries) {
    if (e.blockKind === 'title' || e.blockKind === 'meta') {
      slots.set(e.blockKind === 'title' ? 'title' : String(e.field), e)
      continue
    }
    const oldBlock = e.old.length ? older[e.old[0]!] : undefined
    const newBlock = e.new.length ? newer[e.new[0]!] : undefined
    const block = (newBlock ?? oldBlock)!
    const shape = (p: MarkedParagraph): MarkedBlock =>
      block.kind === 'heading'
        ? { ...p, kind: 'heading', level: block.level!, runIn: block.runInAt !== null }
        : { ...p, kind: 'paragraph' }
    if (e.kind === 'deleted' || e.kind === 'moved-away') {
      blocks.push(shape({ spans: whole(oldBlock!, 'delete'), mark: 'delete' }))
    } else if (e.kind === 'inserted' || e.kind === 'moved') {
      blocks.push(shape({ spans: whole(newBlock!, 'insert'), mark: 'insert' }))
    } else {
      for (const p of paragraphsOf(blockSpans(e.segments, oldBlock, newBlock)))
        blocks.push(shape(p))
    }
  }
  const field = (name: string): MarkedParagraph | null => {
    const e = slots.get(name)
    if (!e) return null
    const a = e.old.length ? older[e.old[0]!]!.text : ''
    const b = e.new.length ? newer[e.new[0]!]!.text : ''
    if (!a && !b) return null
    const mark = !a ? 'insert' : !b ? 'delete' : 'equal'
    return { spans: e.segments.map((s) => span(s)), mark }
  }
  const title = slots.get('title')
  return {
    title: title ? titleSpans(title.segments, newerModel.titleLines) : [],
    recipient: field('recipient'),
    blocks,
    signature: field('signature'),
    date: field('date') ?? { spans: [], mark: 'equal' },
  }
}

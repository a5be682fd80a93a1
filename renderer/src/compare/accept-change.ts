import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'

import type { Change, Comparison, CompareEntry } from '../../../domain/compare/compare.ts'
import type { LeafText } from '../../../domain/draft/doc.ts'

/**
 * Taking one change of a returned file into the draft: the editor holds the older version, the
 * file the newer. The edit is made in place, so what the change does not touch (indicator
 * references, blanks, marks) stays as it is; where the change would cut through such a thing,
 * or the text no longer reads as compared, nothing is done and the writer is told why.
 */
export type AcceptResult =
  | { ok: true; tr: Transaction }
  | { ok: false; reason: string }
  /** Only a heading's drawn number changed: it follows by itself. */
  | { ok: 'nothing' }

const STALE = '草稿在对比之后又改动过，请重新对比后再采纳。'
const THROUGH_LEAF = '这一处修改涉及正文中的指标数值或待填内容，请在正文或指标面板中手动修改。'

export function acceptChange(
  state: EditorState,
  comparison: Comparison,
  change: Change,
  leaf: LeafText,
): AcceptResult {
  if (change.meta) return { ok: false, reason: '标题和基本信息请用“采纳”旁的说明手动修改。' }
  if (change.numbering) return { ok: 'nothing' }
  const entry = comparison.entries[change.entry]!
  const doc = state.doc
  const starts = childStarts(doc)
  const olderNodes = entry.old.map((i) => comparison.older[i]!.node)
  if (olderNodes.some((s) => s === null || s >= doc.childCount)) return { ok: false, reason: STALE }
  const nodes = olderNodes as number[]

  if (change.type === 'insert' && entry.old.length === 0) {
    const at = insertionPoint(comparison, change.entry, starts, doc)
    const made = entry.new.map((j) => blockNode(state, comparison.newer[j]!))
    return { ok: true, tr: state.tr.insert(at, made) }
  }
  if (change.type === 'delete' && entry.new.length === 0) {
    if (
      !nodes.every((s, k) => printed(doc.child(s), leaf) === comparison.older[entry.old[k]!]!.text)
    )
      return { ok: false, reason: STALE }
    const tr = state.tr
    for (let k = nodes.length - 1; k >= 0; k--) {
      const s = nodes[k]!
      tr.delete(starts[s]!, starts[s]! + doc.child(s).nodeSize)
    }
    return { ok: true, tr }
  }
  if (change.type === 'move') return moveBlock(state, comparison, entry, change.entry, starts, leaf)

  // An edit inside paired blocks: old text offsets mapped onto the document.
  const map = positionMap(doc, nodes, starts, leaf)
  if (map === null) return { ok: false, reason: THROUGH_LEAF }
  const oldText = entry.old.map((i) => comparison.older[i]!.text).join('\n')
  if (map.text !== oldText) return { ok: false, reason: STALE }
  let offset = 0
  const [a, b] = change.segments
  entry.segments.slice(0, a).forEach((s) => {
    if (!s.label && s.op !== 'insert') offset += s.text.length
  })
  let removed = 0
  let added = ''
  for (const s of entry.segments.slice(a, b)) {
    if (s.label) continue
    if (s.op === 'delete') removed += s.text.length
    else if (s.op === 'insert') added += s.text
  }
  const from = map.pos[offset]!
  const to = map.pos[offset + removed]!
  if (from < 0 || to < 0 || map.leafChars.subarray(offset, offset + removed).includes(1))
    return { ok: false, reason: THROUGH_LEAF }
  const tr = state.tr
  if (to > from) tr.delete(from, to)
  let at = from
  added.split('\n').forEach((piece, k) => {
    if (k > 0) {
      const parent = tr.doc.resolve(at).parent
      const after = parent.type.name === 'heading' ? [{ type: state.schema.nodes.paragraph! }] : []
      tr.split(at, 1, after)
      at += 2
    }
    if (piece) {
      tr.insertText(piece, at)
      at += piece.length
    }
  })
  return { ok: true, tr }
}

/** Where each top-level node of the document starts. */
function childStarts(doc: PMNode): number[] {
  const starts: number[] = []
  doc.forEach((_node, offset) => starts.push(offset))
  return starts
}

/** The text a block prints: its text, leaves as `leaf` reads them, hard breaks dropped. */
function printed(node: PMNode, leaf: LeafText): string {
  let out = ''
  node.forEach((child) => {
    if (child.isText) out += child.text
    else out += leafText(child, leaf)
  })
  return out
}

const leafText = (node: PMNode, leaf: LeafText) =>
  node.type.name === 'hardBreak' ? '' : leaf({ type: node.type.name, attrs: node.attrs })

/**
 * For each offset of the blocks' printed text (joined by '\n'), its document position (-1
 * inside a leaf), and which characters a leaf prints, for no change may remove one. Null when
 * the blocks are not neighbours, so an edit across them would take a hidden block with it.
 */
function positionMap(
  doc: PMNode,
  nodes: readonly number[],
  starts: readonly number[],
  leaf: LeafText,
): { text: string; pos: number[]; leafChars: Uint8Array } | null {
  for (let k = 1; k < nodes.length; k++) if (nodes[k] !== nodes[k - 1]! + 1) return null
  let text = ''
  const pos: number[] = []
  const leaves: number[] = []
  nodes.forEach((s, k) => {
    const node = doc.child(s)
    if (k > 0) {
      // The '\n' between two blocks: from the end of one to the start of the next.
      pos.push(starts[s - 1]! + doc.child(s - 1).nodeSize - 1)
      text += '\n'
    }
    const inner = starts[s]! + 1
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) pos.push(inner + offset + i)
        text += child.text
        return
      }
      const t = leafText(child, leaf)
      for (let i = 0; i < t.length; i++) {
        leaves.push(text.length + i)
        pos.push(i === 0 ? inner + offset : -1)
      }
      text += t
    })
    if (k === nodes.length - 1) pos.push(inner + node.content.size)
  })
  const leafChars = new Uint8Array(text.length)
  for (const i of leaves) leafChars[i] = 1
  return { text, pos, leafChars }
}

/** After the block the entry before this one ends with in the older version. */
function insertionPoint(
  comparison: Comparison,
  entryIndex: number,
  starts: readonly number[],
  doc: PMNode,
  skipMove: number | null = null,
): number {
  for (let e = entryIndex - 1; e >= 0; e--) {
    const entry = comparison.entries[e]!
    if (entry.old.length === 0 || (skipMove !== null && entry.moveId === skipMove)) continue
    const source = comparison.older[entry.old[entry.old.length - 1]!]!.node
    if (source === null) return 0
    return starts[source]! + doc.child(source).nodeSize
  }
  return 0
}

function blockNode(state: EditorState, block: Comparison['newer'][number]): PMNode {
  const { schema } = state
  const content = block.text ? [schema.text(block.text)] : []
  if (block.kind === 'heading') return schema.nodes.heading!.create({ level: block.level }, content)
  return schema.nodes.paragraph!.create(null, content)
}

/** A moved block goes to its new place as it is, references and all. */
function moveBlock(
  state: EditorState,
  comparison: Comparison,
  entry: CompareEntry,
  entryIndex: number,
  starts: readonly number[],
  leaf: LeafText,
): AcceptResult {
  const doc = state.doc
  const source = comparison.older[entry.old[0]!]!.node!
  const node = doc.child(source)
  if (printed(node, leaf) !== comparison.older[entry.old[0]!]!.text)
    return { ok: false, reason: STALE }
  const at = insertionPoint(comparison, entryIndex, starts, doc, entry.moveId)
  const tr = state.tr.insert(at, node)
  const from = tr.mapping.map(starts[source]!)
  tr.delete(from, from + node.nodeSize)
  return { ok: true, tr }
}

import type { Node as PmNode } from '@tiptap/pm/model'

import type { LeafText } from '../../../../../domain/draft/doc.ts'
import { countWords } from '../../../../../domain/draft/word-count.ts'
import type { Level3Style } from '../../../../../domain/outline/numbering.ts'
import {
  buildOutline,
  type OutlineBlock,
  type OutlineSection,
} from '../../../../../domain/outline/outline.ts'

/** An editor leaf read through a domain leaf text (the one 字数 rule), not through what it shows. */
export function editorLeafText(leaf: LeafText): (node: PmNode) => string {
  return (node) => leaf({ type: node.type.name, attrs: node.attrs })
}

/** The top-level blocks as the outline reads them; with `leaf`, inline atoms read as it says. */
function outlineBlocks(doc: PmNode, leaf?: LeafText): OutlineBlock[] {
  const read = leaf && editorLeafText(leaf)
  const blocks: OutlineBlock[] = []
  doc.forEach((node) =>
    blocks.push({
      type: node.type.name,
      level: node.attrs.level,
      text: read ? node.textBetween(0, node.content.size, '', read) : node.textContent,
    }),
  )
  return blocks
}

/**
 * The outline's blocks and the 字数 of a document, read again only for the top-level blocks an
 * edit replaced: ProseMirror keeps an unchanged block the same object from one state to the
 * next, so a keystroke costs one block's count rather than the whole report's.
 */
export function blockReader(leaf: LeafText): (doc: PmNode) => {
  blocks: OutlineBlock[]
  words: number
} {
  const read = editorLeafText(leaf)
  const known = new WeakMap<PmNode, OutlineBlock & { words: number }>()
  return (doc) => {
    const blocks: (OutlineBlock & { words: number })[] = []
    let words = 0
    doc.forEach((node) => {
      let block = known.get(node)
      if (!block) {
        block = {
          type: node.type.name,
          level: node.attrs.level,
          text: node.textBetween(0, node.content.size, '', read),
          // Blocks inside a block counted apart, as the whole document's text has them.
          words: countWords(node.textBetween(0, node.content.size, '\n', read)),
        }
        known.set(node, block)
      }
      blocks.push(block)
      words += block.words
    })
    return { blocks, words }
  }
}

/** The section tree; pass `leaf` (the domain's word leaf text) when its word counts are shown. */
export function outlineOf(doc: PmNode, level3: Level3Style, leaf?: LeafText): OutlineSection[] {
  return buildOutline(outlineBlocks(doc, leaf), level3)
}

/** Document position where top-level block `index` starts (the end of the doc for index = childCount). */
export function posOfBlock(doc: PmNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index && i < doc.childCount; i++) pos += doc.child(i).nodeSize
  return pos
}

/** Index of the top-level block that holds `pos`. */
export function blockIndexAt(doc: PmNode, pos: number): number {
  return doc.resolve(Math.min(pos, doc.content.size)).index(0)
}

/** The innermost section around a position, or null before the first heading. */
export function sectionAt(
  sections: readonly OutlineSection[],
  blockIndex: number,
): OutlineSection | null {
  let found: OutlineSection | null = null
  for (const s of sections) {
    if (s.index <= blockIndex && blockIndex < s.end) found = s
    if (s.index > blockIndex) break
  }
  return found
}

/** The headings that contain a position, outermost first: the status bar's section path. */
export function sectionPath(
  sections: readonly OutlineSection[],
  blockIndex: number,
): OutlineSection[] {
  return sections.filter((s) => s.index <= blockIndex && blockIndex < s.end)
}

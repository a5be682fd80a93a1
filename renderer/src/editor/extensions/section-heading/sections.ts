import type { Node as PmNode } from '@tiptap/pm/model'

import type { Level3Style } from '../../../../../domain/outline/numbering.ts'
import {
  buildOutline,
  type OutlineBlock,
  type OutlineSection,
} from '../../../../../domain/outline/outline.ts'

/** The top-level blocks as the outline reads them. */
export function outlineBlocks(doc: PmNode): OutlineBlock[] {
  const blocks: OutlineBlock[] = []
  doc.forEach((node) =>
    blocks.push({ type: node.type.name, level: node.attrs.level, text: node.textContent }),
  )
  return blocks
}

export function outlineOf(doc: PmNode, level3: Level3Style): OutlineSection[] {
  return buildOutline(outlineBlocks(doc), level3)
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

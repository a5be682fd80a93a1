import { plainText, type DocNode } from '../draft/doc.ts'
import { countWords } from '../draft/word-count.ts'
import { runInSplit } from './heading-markers.ts'
import { isHeadingLevel, numberHeadings, type HeadingLevel, type Level3Style } from './numbering.ts'

export interface OutlineSection {
  /** Index of the heading among the document's top-level blocks. */
  index: number
  /** One past the section's last block: the next heading of the same or a higher level. */
  end: number
  level: HeadingLevel
  label: string
  /** The heading sentence (for a run-in heading, without the text that follows it). */
  title: string
  /** Words in the section, its subsections and its heading included. */
  wordCount: number
}

/** The heading title as the outline shows it. */
export function headingTitle(text: string): string {
  const split = runInSplit(text)
  return split === null ? text : text.slice(0, split)
}

/** What the outline needs of a top-level block; built from JSON here, from editor nodes in the renderer. */
export interface OutlineBlock {
  type: string
  level?: unknown
  text: string
  /** Its 字数, when the caller already knows it (counted once per unchanged block). */
  words?: number
}

export function outlineBlocksOf(blocks: readonly DocNode[]): OutlineBlock[] {
  return blocks.map((b) => ({ type: b.type, level: b.attrs?.level, text: plainText(b) }))
}

/** The section tree, flat in document order, computed from the top-level blocks. */
export function buildOutline(
  blocks: readonly OutlineBlock[],
  level3: Level3Style = '1.',
): OutlineSection[] {
  const headings: { index: number; level: HeadingLevel; text: string }[] = []
  const words = blocks.map((b) => b.words ?? countWords(b.text))
  blocks.forEach((block, index) => {
    const level = block.level
    if (block.type === 'heading' && isHeadingLevel(level))
      headings.push({ index, level, text: block.text })
  })
  const labels = numberHeadings(
    headings.map((h) => h.level),
    level3,
  )
  return headings.map((h, i) => {
    let end = blocks.length
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.index
        break
      }
    }
    let wordCount = 0
    for (let k = h.index; k < end; k++) wordCount += words[k]!
    return {
      index: h.index,
      end,
      level: h.level,
      label: labels[i]!,
      title: headingTitle(h.text),
      wordCount,
    }
  })
}

/**
 * Moves the blocks [from, end) so that they stand before block `before` (block indexes of the
 * original list). Returns the new order, or null when the target lies inside the moved range.
 */
export function moveBlocks<T>(
  blocks: readonly T[],
  from: number,
  end: number,
  before: number,
): T[] | null {
  if (before >= from && before <= end) return null
  const moved = blocks.slice(from, end)
  const rest = [...blocks.slice(0, from), ...blocks.slice(end)]
  const at = before > end ? before - (end - from) : before
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)]
}

/** The new levels of a section's headings when it is promoted (-1) or demoted (+1); null if impossible. */
export function shiftLevels(levels: readonly HeadingLevel[], delta: -1 | 1): HeadingLevel[] | null {
  const shifted = levels.map((l) => l + delta)
  if (shifted.some((l) => l < 1 || l > 4)) return null
  return shifted as HeadingLevel[]
}

/** The section before or after `s` at the same level under the same parent, or null. */
export function siblingOf(
  sections: readonly OutlineSection[],
  s: OutlineSection,
  direction: -1 | 1,
): OutlineSection | null {
  if (direction === 1) return sections.find((x) => x.index === s.end && x.level === s.level) ?? null
  return sections.find((x) => x.end === s.index && x.level === s.level) ?? null
}

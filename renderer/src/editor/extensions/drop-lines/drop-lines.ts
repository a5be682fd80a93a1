import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'

import { BULK_CHANGE } from '../deletion-guard/index.ts'
import { posOfBlock } from '../section-heading/index.ts'

/** A line the import kept as it was read: the top-level block it became, and its text. */
export interface ImportedLine {
  block: number
  text: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    dropLines: {
      /**
       * Removes the blocks these lines became, in one undo step; false when none is still there
       * as it was read. Always a choice the writer made: marked as a bulk change.
       */
      dropLines: (lines: readonly ImportedLine[]) => ReturnType
      /** Selects the whole text of the block a line became and shows it; false when it is gone. */
      revealLine: (line: ImportedLine) => ReturnType
    }
  }
}

/** A heading keeps its title without the marker the source line had. */
const holds = (node: PmNode, text: string) => {
  const own = node.textContent
  return own === text || (node.type.name === 'heading' && own !== '' && text.endsWith(own))
}

/**
 * The index of each line's block today: where it was read, or, when other blocks went before it
 * (lines dropped one by one), the nearest block with the same text. -1 when it is gone.
 * One pass over the top-level blocks.
 */
export function locateLines(doc: PmNode, lines: readonly ImportedLine[]): number[] {
  const wanted = new Set(lines.map((l) => l.text))
  const byText = new Map<string, number[]>()
  doc.forEach((node, _offset, index) => {
    const text = node.textContent
    if (!wanted.has(text)) return
    const at = byText.get(text)
    if (at) at.push(index)
    else byText.set(text, [index])
  })
  const used = new Set<number>()
  return lines.map((line) => {
    if (
      line.block < doc.childCount &&
      !used.has(line.block) &&
      holds(doc.child(line.block), line.text)
    ) {
      used.add(line.block)
      return line.block
    }
    let best = -1
    for (const i of byText.get(line.text) ?? []) {
      if (used.has(i)) continue
      if (best === -1 || Math.abs(i - line.block) < Math.abs(best - line.block)) best = i
    }
    if (best !== -1) used.add(best)
    return best
  })
}

/** 删去 in the import report: the kept lines that may be web content, one or all at once. */
export const DropLines = Extension.create({
  name: 'dropLines',

  addCommands() {
    return {
      dropLines:
        (lines) =>
        ({ tr, dispatch }) => {
          const found = new Set(locateLines(tr.doc, lines).filter((i) => i !== -1))
          // The document keeps at least one block: the last one left is never removed.
          if (found.size === 0 || found.size >= tr.doc.childCount) return false
          if (dispatch) {
            const ranges: [number, number][] = []
            tr.doc.forEach((node, offset, index) => {
              if (found.has(index)) ranges.push([offset, offset + node.nodeSize])
            })
            // From the end, so the positions of the blocks before stay right.
            for (const [from, to] of ranges.reverse()) tr.delete(from, to)
            tr.setMeta(BULK_CHANGE, true)
          }
          return true
        },
      revealLine:
        (line) =>
        ({ tr, commands }) => {
          const [i] = locateLines(tr.doc, [line])
          if (i === undefined || i === -1) return false
          const from = posOfBlock(tr.doc, i) + 1
          return commands.revealRange(from, from + tr.doc.child(i).content.size)
        },
    }
  },
})

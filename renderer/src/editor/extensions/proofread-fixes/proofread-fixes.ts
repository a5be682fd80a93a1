import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'

import type { Finding } from '../../../../../domain/proofread/proofread.ts'
import { posOfBlock } from '../section-heading/index.ts'

type Located = Pick<Finding, 'block' | 'offset' | 'length' | 'text'>

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    proofreadFixes: {
      /**
       * Replaces each finding's text with its fix, where the text is still what was found;
       * false when none could be applied.
       */
      applyFindingFixes: (findings: readonly Finding[]) => ReturnType
    }
  }
}

/** The document range of a finding, if the text there is still what was found. */
export function findingRange(doc: PmNode, f: Located): { from: number; to: number } | null {
  if (f.block >= doc.childCount) return null
  const from = posOfBlock(doc, f.block) + 1 + f.offset
  const to = from + f.length
  if (to > doc.content.size) return null
  if (
    f.length > 0 &&
    doc.textBetween(from, to, '', '\ufffc') !== f.text.replace(/［[^］]*］/g, '\ufffc')
  )
    return null
  return { from, to }
}

/** 修正 in the 校对 panel, one finding or all the certain ones at once. */
export const ProofreadFixes = Extension.create({
  name: 'proofreadFixes',

  addCommands() {
    return {
      applyFindingFixes:
        (findings) =>
        ({ tr, dispatch }) => {
          // From the end, so earlier positions stay right.
          const ordered = findings
            .filter((f) => f.fix !== undefined)
            .sort((a, b) => b.block - a.block || b.offset - a.offset)
          const ranges = ordered.map((f) => ({ f, range: findingRange(tr.doc, f) }))
          if (!ranges.some((r) => r.range)) return false
          if (dispatch) {
            for (const { f, range } of ranges)
              if (range) tr.insertText(f.fix!, range.from, range.to)
          }
          return true
        },
    }
  },
})

import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'

import type { Doc } from '../../../../../domain/draft/doc.ts'
import { applyFixes } from '../../../../../domain/proofread/apply-fixes.ts'
import type { Finding } from '../../../../../domain/proofread/proofread.ts'
import { posOfBlock } from '../section-heading/index.ts'

type Located = Pick<Finding, 'block' | 'offset' | 'length' | 'text'>

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    proofreadFixes: {
      /**
       * Applies the fixes the domain's applyFixes accepts (certain, not stale, not overlapping,
       * not across a reference), in one undo step; false when none could be applied.
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
          const { changes } = applyFixes(tr.doc.toJSON() as Doc, findings)
          // From the end, so earlier positions stay right.
          const ranges = changes
            .map((c) => ({
              c,
              range: findingRange(tr.doc, {
                block: c.block,
                offset: c.offset,
                length: c.before.length,
                text: c.before,
              }),
            }))
            .filter((r) => r.range !== null)
            .reverse()
          if (ranges.length === 0) return false
          if (dispatch)
            for (const { c, range } of ranges) tr.insertText(c.after, range!.from, range!.to)
          return true
        },
    }
  },
})

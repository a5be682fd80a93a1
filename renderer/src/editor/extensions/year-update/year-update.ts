import { Extension } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import type { Node as PmNode } from '@tiptap/pm/model'

import { yearMentions } from '../../../../../domain/draft/year-update.ts'

export interface YearChange {
  from: number
  to: number
  /** The text around it, before the change, and where the year sits in it. */
  context: string
  at: number
}

export interface YearUpdatePlan {
  changes: YearChange[]
  /** Years seen and left alone: other years, and the old one in a span such as 2024—2025学年. */
  kept: number
}

const AROUND = 14

/** What updateYears would change in `doc`, one pass over its textblocks. */
export function planYearUpdate(doc: PmNode, fromYear: number): YearUpdatePlan {
  const changes: YearChange[] = []
  let kept = 0
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    // One character per inline position, as in find-replace, so offsets are positions.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc')
    for (const m of yearMentions(text, fromYear)) {
      if (!m.change) {
        kept += 1
        continue
      }
      const start = Math.max(0, m.index - AROUND)
      changes.push({
        from: pos + 1 + m.index,
        to: pos + 1 + m.index + 4,
        context: text.slice(start, m.index + 4 + AROUND).replaceAll('\ufffc', '□'),
        at: m.index - start,
      })
    }
    return false
  })
  return { changes, kept }
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    yearUpdate: {
      /** The old report year moved on wherever planYearUpdate says, in one undo step. */
      updateYears: (fromYear: number, toYear: number) => ReturnType
    }
  }
}

export const YearUpdate = Extension.create({
  name: 'yearUpdate',

  addCommands() {
    return {
      updateYears:
        (fromYear, toYear) =>
        ({ tr, dispatch }) => {
          const { changes } = planYearUpdate(tr.doc, fromYear)
          if (changes.length === 0 || fromYear === toYear) return false
          if (dispatch) {
            // From the end, so the positions before each change stay right.
            for (const c of changes.reverse()) tr.insertText(String(toYear), c.from, c.to)
            closeHistory(tr)
          }
          return true
        },
    }
  },
})

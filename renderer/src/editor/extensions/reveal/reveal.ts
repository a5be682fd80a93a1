import { Extension } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'

import { posOfBlock } from '../section-heading/index.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    reveal: {
      /** Selects from..to (a cursor when to is left out), scrolls it into view and focuses the page. */
      revealRange: (from: number, to?: number) => ReturnType
      /** Puts the cursor at the start of top-level block `block` and shows it. */
      revealBlock: (block: number) => ReturnType
    }
  }
}

/** Where a panel sends the writer: a finding, a figure, a place still to fill in. */
export const Reveal = Extension.create({
  name: 'reveal',

  addCommands() {
    return {
      revealRange:
        (from, to = from) =>
        ({ tr, dispatch, editor }) => {
          const size = tr.doc.content.size
          if (from < 0 || to < from || to > size) return false
          if (dispatch) {
            tr.setSelection(TextSelection.create(tr.doc, from, to)).scrollIntoView()
            // Focusing dispatches a transaction of its own: wait until this one is applied.
            // A headless editor (no view) has nothing to focus.
            if (!editor.isDestroyed) queueMicrotask(() => editor.view.focus())
          }
          return true
        },
      revealBlock:
        (block) =>
        ({ tr, commands }) => {
          if (block < 0 || block >= tr.doc.childCount) return false
          return commands.revealRange(posOfBlock(tr.doc, block) + 1)
        },
    }
  },
})

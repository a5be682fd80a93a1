import { Extension, type Editor } from '@tiptap/core'

import { nextEnumeration } from '../../../../../domain/text/enumeration.ts'

export interface EnumerationStorage {
  /** "二是" when the editor offers the next item at the cursor, else null. */
  offer: string | null
}

/** Reads the text before the cursor in its paragraph. */
function textBeforeCursor(editor: Editor): string | null {
  const { selection } = editor.state
  if (!selection.empty) return null
  const { $from } = selection
  if (!$from.parent.isTextblock) return null
  return $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc')
}

/** 一是……二是……三是…… stay text; after a clause the next one is offered, and Tab takes it. */
export const Enumeration = Extension.create<Record<string, never>, EnumerationStorage>({
  name: 'enumeration',

  addStorage() {
    return { offer: null }
  },

  // Offered only right after the writer typed the clause's end, not after a click or a paste.
  onTransaction({ transaction }) {
    if (!transaction.docChanged && !transaction.selectionSet) return
    let inserted = -1
    if (transaction.docChanged && transaction.steps.length === 1) {
      transaction.steps[0]!.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        inserted = inserted === -1 ? newEnd - newStart : Infinity
      })
    }
    // A keystroke or an IME commit, not a paste of whole paragraphs.
    const typed = inserted > 0 && inserted <= 20
    const before = typed ? textBeforeCursor(this.editor) : null
    this.storage.offer = before === null ? null : nextEnumeration(before)
  },

  addKeyboardShortcuts() {
    return {
      Tab: () => {
        const offer = this.storage.offer
        if (!offer || this.editor.state.selection.$from.parent.type.name !== 'paragraph')
          return false
        return this.editor.commands.insertContent(offer)
      },
    }
  },
})

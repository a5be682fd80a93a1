import { Extension } from '@tiptap/core'

/**
 * Tab in the text moves to the next blank, takes the offered enumeration or shifts a heading
 * (those extensions come first); anywhere else it does nothing, instead of carrying the caret
 * out of the page to the next button, where the writer's next keys would be lost.
 */
export const TabStays = Extension.create({
  name: 'tabStays',
  // After every other Tab handler.
  // Tiptap reads priority 0 as the default (100): 1 is the lowest that sorts last.
  priority: 1,

  addKeyboardShortcuts() {
    return {
      Tab: () => true,
      'Shift-Tab': () => true,
    }
  },
})

import { Node, mergeAttributes } from '@tiptap/core'
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

import type { DocNode } from '../../../../../domain/draft/doc.ts'
import { SNIPPET_SLOT, slotText } from '../../../../../domain/indicators/references.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    snippetSlot: {
      /** Inserts a filled snippet at the cursor with its first blank selected (or the caret after it). */
      insertSnippet: (content: DocNode[]) => ReturnType
    }
  }
}

/** The slots of the cursor's paragraph, in order. */
function slotsAround(state: EditorState): number[] {
  const { $from } = state.selection
  const start = $from.start()
  const positions: number[] = []
  $from.parent.forEach((child, offset) => {
    if (child.type.name === SNIPPET_SLOT) positions.push(start + offset)
  })
  return positions
}

/**
 * An open place a snippet left for the writer: highlighted, reached with Tab, replaced by
 * typing once selected, listed before export.
 */
export const SnippetSlot = Node.create({
  name: SNIPPET_SLOT,
  // Before headings and enumerations: Tab goes to an open slot first.
  priority: 110,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      label: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-slot') ?? '',
        renderHTML: (attrs) => ({ 'data-slot': attrs.label }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-slot]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: 'snippet-slot',
        title: '待填写：按 Tab 选中后直接输入',
      }),
      slotText(node.attrs.label),
    ]
  },

  renderText({ node }) {
    return slotText(node.attrs.label)
  },

  extendNodeSchema(extension) {
    return extension.name === SNIPPET_SLOT
      ? { leafText: (node: PmNode) => slotText(node.attrs.label) }
      : {}
  },

  addCommands() {
    return {
      insertSnippet:
        (content) =>
        ({ tr, state, dispatch }) => {
          if (dispatch) {
            const nodes = content.map((n) => state.schema.nodeFromJSON(n))
            const from = tr.selection.from
            tr.replaceSelection(new Slice(Fragment.fromArray(nodes), 0, 0))
            // The first blank is selected, ready to be typed over; without one the caret follows the phrase.
            const end = tr.mapping.map(from, 1)
            let blank: number | null = null
            tr.doc.nodesBetween(from, end, (node, pos) => {
              if (blank === null && node.type.name === SNIPPET_SLOT) blank = pos
              return blank === null
            })
            tr.setSelection(
              blank === null
                ? TextSelection.create(tr.doc, end)
                : NodeSelection.create(tr.doc, blank),
            ).scrollIntoView()
          }
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    // The IME writes into the DOM selection, which around a selected atom is no text position:
    // Chromium then puts the word elsewhere or replaces the paragraph. Before any composition
    // begins, a selected blank becomes a caret where it stood, and the word lands there.
    const openBlank = (view: EditorView): void => {
      const { selection } = view.state
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== SNIPPET_SLOT) return
      const tr = view.state.tr.delete(selection.from, selection.to)
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, selection.from)))
    }
    return [
      new Plugin({
        key: new PluginKey('snippetSlotIme'),
        props: {
          handleKeyDown: (view, event) => {
            // keyCode 229 ("Process"): the key went to the IME, which is about to compose.
            if (event.keyCode === 229 || event.key === 'Process') openBlank(view)
            return false
          },
          handleDOMEvents: {
            compositionstart: (view) => {
              openBlank(view)
              return false
            },
          },
        },
      }),
    ]
  },

  addKeyboardShortcuts() {
    const jump = (direction: 1 | -1) => {
      const { state, view } = this.editor
      const slots = slotsAround(state)
      const here = state.selection.from
      const target =
        direction === 1
          ? slots.find(
              (pos) => pos >= here && !(state.selection instanceof NodeSelection && pos === here),
            )
          : [...slots].reverse().find((pos) => pos < here)
      if (target === undefined) return false
      view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, target)).scrollIntoView())
      return true
    }
    return {
      Tab: () => jump(1),
      'Shift-Tab': () => jump(-1),
      // Enter on a selected blank would split the phrase and drop the blank: it leaves the blank instead.
      Enter: () => {
        const { selection } = this.editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== SNIPPET_SLOT)
          return false
        return this.editor.commands.setTextSelection(selection.to)
      },
    }
  },
})

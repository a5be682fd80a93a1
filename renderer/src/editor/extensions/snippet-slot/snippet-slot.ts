import { Node, mergeAttributes } from '@tiptap/core'
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import { NodeSelection, TextSelection, type EditorState } from '@tiptap/pm/state'

import type { DocNode } from '../../../../../domain/draft/doc.ts'
import { SNIPPET_SLOT, slotText } from '../../../../../domain/indicators/references.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    snippetSlot: {
      /** Inserts a filled snippet at the cursor and leaves the cursor before it, so Tab reaches its first slot. */
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
            tr.setSelection(TextSelection.create(tr.doc, from)).scrollIntoView()
          }
          return true
        },
    }
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
    }
  },
})

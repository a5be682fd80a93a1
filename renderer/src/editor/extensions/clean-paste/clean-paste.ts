import { Extension } from '@tiptap/core'
import { Fragment, Node as PmNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

import { blocksFromPlainText } from '../../../../../domain/outline/plain-text-blocks.ts'

/** Text of an HTML clipboard with one line per block, for the rare source that gives no plain text. */
export function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  doc.querySelectorAll('style, script, head').forEach((el) => el.remove())
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'))
  doc.querySelectorAll('p, div, h1, h2, h3, h4, h5, h6, li, tr').forEach((el) => el.append('\n'))
  return doc.body.textContent ?? ''
}

/** Inserts pasted lines as paragraphs and headings; an empty paragraph is replaced, text elsewhere is split. */
export function pasteText(view: EditorView, text: string): boolean {
  const blocks = blocksFromPlainText(text)
  if (blocks.length === 0) return true
  const { state } = view
  const { $from, empty } = state.selection
  // One line of plain body text goes in where the cursor is, like typing it.
  if (blocks.length === 1 && blocks[0]!.type === 'paragraph') {
    view.dispatch(
      state.tr.insertText(text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).scrollIntoView(),
    )
    return true
  }
  const nodes = blocks.map((b) => PmNode.fromJSON(state.schema, b))
  const fragment = Fragment.from(nodes)
  const tr = state.tr
  if (empty && $from.depth === 1 && $from.parent.content.size === 0) {
    tr.replaceWith($from.before(), $from.after(), fragment)
  } else {
    tr.replaceSelection(new Slice(fragment, 1, 1))
  }
  view.dispatch(tr.scrollIntoView())
  return true
}

/**
 * Paste from Word, WPS or a web page: formatting dropped, one paragraph a line, level
 * markers made headings. A copy from within the editor keeps its structure.
 */
export const CleanPaste = Extension.create({
  name: 'cleanPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('cleanPaste'),
        props: {
          handlePaste: (view, event) => {
            const data = event.clipboardData
            if (!data) return false
            const html = data.getData('text/html')
            if (html.includes('data-pm-slice')) return false
            const text = data.getData('text/plain') || (html ? textOfHtml(html) : '')
            if (!text) return false
            return pasteText(view, text)
          },
        },
      }),
    ]
  },
})

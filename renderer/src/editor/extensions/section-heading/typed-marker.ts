import type { Node as PmNode, NodeType } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

import { detectHeadingMarker } from '../../../../../domain/outline/heading-markers.ts'

/** One character per inline atom, so text offsets are document offsets inside the block. */
const ATOM = '\ufffc'

function blockText(node: PmNode): string {
  return node.textBetween(0, node.content.size, undefined, ATOM)
}

/** Length of the typed level marker ("1. ", "（一）") a block's text starts with; 0 if none. */
export function typedMarkerLength(node: PmNode): number {
  const text = blockText(node)
  const marker = detectHeadingMarker(text)
  return marker ? text.length - marker.rest.length : 0
}

/**
 * Removes the typed markers at the start of the paragraphs in [from, to]: the editor draws the
 * number of a heading, so a typed one would show twice.
 */
export function stripTypedMarkers(tr: Transaction, from: number, to: number): void {
  const found: { pos: number; length: number }[] = []
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    if (node.type.name === 'paragraph') {
      const length = typedMarkerLength(node)
      if (length > 0) found.push({ pos: pos + 1, length })
    }
    return false
  })
  for (const { pos, length } of found.reverse()) tr.delete(pos, pos + length)
}

export const typedMarkerKey = new PluginKey('typedMarkerHeading')

/**
 * A marker typed by keys and then a word committed by the IME ("1." then 教育) makes a heading,
 * as the same marker followed by a typed character does. Only when the committed text is all
 * that follows the marker: composing later in an old "1.…" paragraph changes nothing.
 */
export function typedMarkerPlugin(headingType: () => NodeType): Plugin {
  const convert = (view: EditorView, committed: string): boolean => {
    const { state } = view
    const { $from, empty } = state.selection
    if (!empty || $from.parent.type.name !== 'paragraph' || $from.depth !== 1) return false
    const before = $from.parent.textBetween(0, $from.parentOffset, undefined, ATOM)
    if (!before.endsWith(committed)) return false
    const marker = detectHeadingMarker(before)
    if (!marker || marker.rest.trimStart() !== committed) return false
    const start = $from.start()
    const markerLength = before.length - marker.rest.length
    const tr = state.tr.delete(start, start + markerLength)
    tr.setBlockType(start, start, headingType(), { level: marker.level })
    view.dispatch(tr.setMeta(typedMarkerKey, true))
    return true
  }
  // The committed word still waiting to make its paragraph a heading.
  let pending: string | null = null
  const settle = (view: EditorView): boolean => {
    if (pending === null || view.composing) return false
    if (!view.state.selection.$from.parent.textContent.includes(pending)) return false
    const committed = pending
    pending = null
    convert(view, committed)
    return true
  }
  return new Plugin({
    key: typedMarkerKey,
    props: {
      // "一、 " by keys: the marker became the drawn number at 、, so the space after it would
      // start the heading's text. A heading never starts with a space; drop it.
      handleTextInput: (view, from, to, text) => {
        const $from = view.state.doc.resolve(from)
        return (
          from === to &&
          /^[\s\u3000]+$/.test(text) &&
          $from.parent.type === headingType() &&
          $from.parentOffset === 0
        )
      },
      // A busy machine may handle the next key (Enter) before the timer below: settle first.
      handleKeyDown: (view) => {
        settle(view)
        return false
      },
      handleDOMEvents: {
        compositionend: (view, event) => {
          const committed = event.data.trim()
          pending = committed || null
          if (!committed) return false
          // ProseMirror reads the composed text from the DOM after this event: wait for it.
          let tries = 0
          const attempt = () => {
            if (view.isDestroyed || pending !== committed) return
            if (!settle(view) && ++tries < 5) setTimeout(attempt, 20)
            else if (tries >= 5) pending = null
          }
          setTimeout(attempt, 0)
          return false
        },
      },
    },
  })
}

import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

import { runInSplit } from '../../../../../domain/outline/heading-markers.ts'
import {
  HeadingCounter,
  isHeadingLevel,
  type Level3Style,
} from '../../../../../domain/outline/numbering.ts'

export const numberingKey = new PluginKey<DecorationSet>('sectionNumbering')

/** Position of a character offset inside a textblock that starts at `start`. */
function posAtTextOffset(node: PmNode, start: number, offset: number): number {
  let seen = 0
  let pos = start + 1
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    const length = child.isText ? child.text!.length : child.textContent.length
    if (seen + length >= offset) return pos + (child.isText ? offset - seen : child.nodeSize)
    seen += length
    pos += child.nodeSize
  }
  return pos
}

/**
 * The drawn numbers (a data attribute that CSS shows before the heading, so no widget sits
 * in the text) and the body-font part of run-in headings.
 */
export function numberingDecorations(doc: PmNode, level3: Level3Style): DecorationSet {
  const decorations: Decoration[] = []
  const counter = new HeadingCounter()
  doc.forEach((node, offset) => {
    const level = node.attrs.level
    if (node.type.name !== 'heading' || !isHeadingLevel(level)) return
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        'data-number': counter.nextLabel(level, level3),
      }),
    )
    const split = runInSplit(node.textContent)
    if (split !== null) {
      decorations.push(
        Decoration.inline(posAtTextOffset(node, offset, split), offset + node.nodeSize - 1, {
          class: 'runin-body',
        }),
      )
    }
  })
  return DecorationSet.create(doc, decorations)
}

/** Whether a transaction added, removed or touched a heading, so numbers must be redrawn. */
function touchesHeadings(tr: Transaction, before: PmNode): boolean {
  if (tr.doc.childCount !== before.childCount) return true
  let touched = false
  tr.mapping.maps.forEach((map, i) => {
    const docBefore = tr.docs[i] ?? before
    const docAfter = tr.docs[i + 1] ?? tr.doc
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (touched) return
      const check = (doc: PmNode, from: number, to: number) =>
        doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node) => {
          if (node.type.name === 'heading') touched = true
          return false
        })
      check(docBefore, oldStart, oldEnd)
      check(docAfter, newStart, newEnd)
    })
  })
  return touched
}

export const REFRESH_NUMBERING = 'refreshNumbering'

export function numberingPlugin(getLevel3: () => Level3Style): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_config, state) => numberingDecorations(state.doc, getLevel3()),
      apply(tr, old, oldState) {
        if (tr.getMeta(REFRESH_NUMBERING) || (tr.docChanged && touchesHeadings(tr, oldState.doc))) {
          return numberingDecorations(tr.doc, getLevel3())
        }
        return tr.docChanged ? old.map(tr.mapping, tr.doc) : old
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state),
    },
  })
}

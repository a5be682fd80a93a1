import { Extension } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import type { Node as PmNode } from '@tiptap/pm/model'
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface Match {
  from: number
  to: number
}

interface FindState {
  query: string
  matches: Match[]
  current: number
  decorations: DecorationSet
}

export const findKey = new PluginKey<FindState>('findReplace')

/** Every occurrence of `query` in the document's textblocks, in order. */
export function findMatches(doc: PmNode, query: string): Match[] {
  const matches: Match[] = []
  if (!query) return matches
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    // One character per inline position, so an offset in this text is an offset in the block.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc')
    for (let i = text.indexOf(query); i !== -1; i = text.indexOf(query, i + query.length)) {
      matches.push({ from: pos + 1 + i, to: pos + 1 + i + query.length })
    }
    return false
  })
  return matches
}

function decorate(doc: PmNode, matches: Match[], current: number): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, {
        class: i === current ? 'find-match current' : 'find-match',
      }),
    ),
  )
}

function compute(doc: PmNode, query: string, near: number): FindState {
  const matches = findMatches(doc, query)
  const after = matches.findIndex((m) => m.from >= near)
  const current = matches.length === 0 ? -1 : after === -1 ? 0 : after
  return { query, matches, current, decorations: decorate(doc, matches, current) }
}

export function findState(state: EditorState): FindState | undefined {
  return findKey.getState(state)
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setFindQuery: (query: string) => ReturnType
      findStep: (direction: 1 | -1) => ReturnType
      replaceCurrent: (replacement: string) => ReturnType
      /** Replaces every match in one transaction: one undo step. */
      replaceAll: (replacement: string) => ReturnType
      /** Replaces every occurrence of `query` (not the find bar's), in one undo step. */
      replaceEverywhere: (query: string, replacement: string) => ReturnType
    }
  }
}

export const FindReplace = Extension.create({
  name: 'findReplace',

  addCommands() {
    const select = (tr: Transaction, m: Match | undefined) => {
      if (m) tr.setSelection(TextSelection.create(tr.doc, m.from, m.to)).scrollIntoView()
    }
    return {
      setFindQuery:
        (query) =>
        ({ tr, state, dispatch }) => {
          if (dispatch) {
            const next = compute(state.doc, query, state.selection.from)
            tr.setMeta(findKey, next)
            select(tr, next.matches[next.current])
          }
          return true
        },
      findStep:
        (direction) =>
        ({ tr, state, dispatch }) => {
          const find = findState(state)
          if (!find || find.matches.length === 0) return false
          if (dispatch) {
            const current = (find.current + direction + find.matches.length) % find.matches.length
            tr.setMeta(findKey, {
              ...find,
              current,
              decorations: decorate(state.doc, find.matches, current),
            })
            select(tr, find.matches[current])
          }
          return true
        },
      replaceCurrent:
        (replacement) =>
        ({ tr, state, dispatch }) => {
          const find = findState(state)
          const m = find?.matches[find.current]
          if (!find || !m) return false
          if (dispatch) {
            tr.insertText(replacement, m.from, m.to)
            const next = compute(tr.doc, find.query, m.from + replacement.length)
            tr.setMeta(findKey, next)
            select(tr, next.matches[next.current])
          }
          return true
        },
      replaceAll:
        (replacement) =>
        ({ tr, state, dispatch }) => {
          const find = findState(state)
          if (!find || find.matches.length === 0) return false
          if (dispatch) {
            for (const m of [...find.matches].reverse()) tr.insertText(replacement, m.from, m.to)
            closeHistory(tr)
            tr.setMeta(findKey, compute(tr.doc, find.query, 0))
          }
          return true
        },
      replaceEverywhere:
        (query, replacement) =>
        ({ tr, dispatch }) => {
          const matches = findMatches(tr.doc, query)
          if (matches.length === 0) return false
          if (dispatch) {
            for (const m of matches.reverse()) tr.insertText(replacement, m.from, m.to)
            closeHistory(tr)
          }
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => ({ query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
          apply(tr, old) {
            const set = tr.getMeta(findKey) as FindState | undefined
            if (set) return set
            if (!tr.docChanged || !old.query) return old
            return compute(tr.doc, old.query, tr.selection.from)
          },
        },
        props: {
          decorations: (state) => findKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})

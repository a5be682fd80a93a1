import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import Suggestion from '@tiptap/suggestion'

import type { SuggestBridge, SuggestItem } from '../../suggest/suggest-bridge.ts'

/** Dragged from the snippet panel onto the page. */
export const SNIPPET_DRAG_TYPE = 'application/x-caogao-snippet'

export interface SnippetSuggestOptions {
  bridge: SuggestBridge | null
  search: (query: string) => SuggestItem[]
  /** Inserts the chosen snippet in place of the typed trigger and query. */
  insert: (id: string, range: { from: number; to: number }) => void
}

/** Typing // (or 、、 with a Chinese input method) and a few letters of a phrase or its pinyin offers snippets. */
export const SnippetSuggest = Extension.create<SnippetSuggestOptions>({
  name: 'snippetSuggest',

  addOptions() {
    return { bridge: null, search: () => [], insert: () => {} }
  },

  addProseMirrorPlugins() {
    const bridge = this.options.bridge
    if (!bridge) return []
    const insert = (id: string, range: { from: number; to: number }) =>
      this.options.insert(id, range)
    const drop = new Plugin({
      key: new PluginKey('snippetDrop'),
      props: {
        handleDrop(view, event) {
          const id = event.dataTransfer?.getData(SNIPPET_DRAG_TYPE)
          if (!id) return false
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
          if (!at) return false
          event.preventDefault()
          insert(id, { from: at.pos, to: at.pos })
          return true
        },
      },
    })
    const suggestions = ['//', '、、'].map((char, i) =>
      Suggestion<SuggestItem, SuggestItem>({
        editor: this.editor,
        char,
        pluginKey: new PluginKey(`snippetSuggest${i}`),
        allowedPrefixes: null,
        items: ({ query }) => this.options.search(query).slice(0, 8),
        command: ({ range, props }) => this.options.insert(props.id, range),
        render: bridge.renderer(),
      }),
    )
    return [drop, ...suggestions]
  },
})

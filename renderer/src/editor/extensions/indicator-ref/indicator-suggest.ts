import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import Suggestion from '@tiptap/suggestion'

import type { ReferenceForm } from '../../../../../domain/indicators/model.ts'
import type { SuggestBridge, SuggestItem } from '../../suggest/suggest-bridge.ts'

export interface IndicatorSuggestOptions {
  bridge: SuggestBridge | null
  /** The report's indicators matching a query (Chinese or pinyin), best first. */
  search: (query: string) => SuggestItem[]
  /** The form the writer chose for new references (插入方式). */
  form: () => ReferenceForm
}

/** Typing # (or ＃) followed by a name or its pinyin initials inserts an indicator reference. */
export const IndicatorSuggest = Extension.create<IndicatorSuggestOptions>({
  name: 'indicatorSuggest',

  addOptions() {
    return { bridge: null, search: () => [], form: () => 'value' }
  },

  addProseMirrorPlugins() {
    const bridge = this.options.bridge
    if (!bridge) return []
    return ['#', '＃'].map((char, i) =>
      Suggestion<SuggestItem, SuggestItem>({
        editor: this.editor,
        char,
        pluginKey: new PluginKey(`indicatorSuggest${i}`),
        allowedPrefixes: null,
        items: ({ query }) => this.options.search(query).slice(0, 8),
        command: ({ editor, range, props }) => {
          editor.chain().focus().insertIndicatorRef(props.id, this.options.form(), range).run()
        },
        render: bridge.renderer(),
      }),
    )
  },
})

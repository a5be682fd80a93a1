import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

import { fullWidthFor } from '../../../../../domain/text/full-width.ts'

export interface FullWidthPunctuationOptions {
  /** Off for writers who want half-width marks exactly as typed. */
  enabled: boolean
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    fullWidthPunctuation: {
      setFullWidthPunctuation: (enabled: boolean) => ReturnType
    }
  }
}

/** , ; : ( ) ? ! typed after Chinese text become ，；：（）？！ */
interface FullWidthPunctuationStorage {
  enabled: boolean
}

export const FullWidthPunctuation = Extension.create<
  FullWidthPunctuationOptions,
  FullWidthPunctuationStorage
>({
  name: 'fullWidthPunctuation',

  addOptions() {
    return { enabled: true }
  },

  addStorage() {
    return { enabled: this.options.enabled }
  },

  addCommands() {
    return {
      setFullWidthPunctuation: (enabled) => () => {
        this.storage.enabled = enabled
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('fullWidthPunctuation'),
        props: {
          handleTextInput: (view, from, to, text) => {
            if (!this.storage.enabled || text.length !== 1 || view.composing) return false
            const $from = view.state.doc.resolve(from)
            const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc')
            const replacement = fullWidthFor(text, before)
            if (!replacement) return false
            view.dispatch(view.state.tr.insertText(replacement, from, to))
            return true
          },
        },
      }),
    ]
  },
})

import { Extension } from '@tiptap/core'
import { isHistoryTransaction } from '@tiptap/pm/history'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'

/** Set on a transaction that removes text on purpose (restore, replace-all, fix-all): never refused. */
export const BULK_CHANGE = 'bulkChange'

export interface DeletionGuardOptions {
  /** More top-level blocks than this removed outside the selection is refused. */
  maxUnselectedBlocks: number
  /** A removal this large (in top-level blocks) made on purpose: keep a revision of the text before it. */
  largeBlocks: number
  /** Told of a refused removal, in Chinese. */
  onRefused: (message: string) => void
  /** Told before a large removal the writer made on purpose goes through. */
  onLargeDeletion: () => void
}

/** Top-level blocks the selection touches (1 for a caret). */
function selectedBlocks(state: EditorState): number {
  const { from, to } = state.selection
  const doc = state.doc
  return doc.resolve(to).index(0) - doc.resolve(from).index(0) + 1
}

function blocksRemoved(before: PmNode, after: PmNode): number {
  return before.childCount - after.childCount
}

export const deletionGuardKey = new PluginKey('deletionGuard')

/**
 * Nothing a writer does may destroy text: an edit that removes several paragraphs the writer did
 * not select (a composition gone wrong, a stray browser edit) is refused before it is applied;
 * a large removal the writer did select goes through, with a revision kept first.
 */
export const DeletionGuard = Extension.create<DeletionGuardOptions>({
  name: 'deletionGuard',

  addOptions() {
    return {
      maxUnselectedBlocks: 2,
      largeBlocks: 5,
      onRefused: () => {},
      onLargeDeletion: () => {},
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    const exempt = (tr: Transaction) =>
      !tr.docChanged || tr.getMeta(BULK_CHANGE) === true || isHistoryTransaction(tr)
    return [
      new Plugin({
        key: deletionGuardKey,
        filterTransaction(tr, state) {
          if (exempt(tr)) return true
          const removed = blocksRemoved(state.doc, tr.doc)
          if (removed <= 0) return true
          if (removed > selectedBlocks(state) - 1 + options.maxUnselectedBlocks) {
            // Deferred: a refusal during a composition must not run the writer's UI in the middle of it.
            setTimeout(() =>
              options.onRefused(
                '为防止误删，刚才一次删除多段文字的操作没有执行。确需删除时，请先选中这些段落再删除。',
              ),
            )
            return false
          }
          if (removed >= options.largeBlocks) options.onLargeDeletion()
          return true
        },
      }),
    ]
  },
})

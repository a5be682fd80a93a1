import type { Node as PmNode } from '@tiptap/pm/model'

import type { Doc, DocNode } from '../../../domain/draft/doc.ts'

/** What a JSON value of a block allows: reading only, as it is shared between calls. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) freeze(child)
    Object.freeze(value)
  }
  return value
}

const known = new WeakMap<PmNode, DocNode>()

/**
 * The document as JSON, as `editor.getJSON()` gives it, with each top-level block's JSON made
 * once and kept while the block is unchanged (ProseMirror keeps an unchanged block the same
 * object): a save, a check or a page count after a keystroke converts one block, not the
 * report. The blocks are frozen, being shared; whoever needs to change one copies it.
 */
export function docJSON(doc: PmNode): Doc {
  const content: DocNode[] = []
  doc.forEach((node) => {
    let json = known.get(node)
    if (!json) {
      json = freeze(node.toJSON() as DocNode)
      known.set(node, json)
    }
    content.push(json)
  })
  return { type: 'doc', content }
}

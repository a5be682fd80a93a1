import type { DocNode } from '../../../domain/draft/doc.ts'

/** The top-level blocks that changed since the last send, as one splice of the worker's copy. */
export interface BlockSplice {
  from: number
  remove: number
  insert: DocNode[]
}

/**
 * Sends a worker only the blocks an edit replaced: `docJSON` keeps an unchanged block the same
 * object, so the common head and tail are found by identity and the rest goes over as one
 * splice. A keystroke sends one block instead of the whole report.
 */
export function spliceSender() {
  let sent: readonly DocNode[] = []
  return {
    next(blocks: readonly DocNode[]): BlockSplice {
      const shorter = Math.min(sent.length, blocks.length)
      let head = 0
      while (head < shorter && sent[head] === blocks[head]) head++
      let tail = 0
      while (
        tail < shorter - head &&
        sent[sent.length - 1 - tail] === blocks[blocks.length - 1 - tail]
      )
        tail++
      const splice = {
        from: head,
        remove: sent.length - head - tail,
        insert: blocks.slice(head, blocks.length - tail),
      }
      sent = blocks
      return splice
    },
    /** The worker starts over with nothing, e.g. after it was replaced. */
    reset() {
      sent = []
    },
  }
}

/** The worker's side: its copy of the blocks after the splice. */
export function applySplice(blocks: DocNode[], splice: BlockSplice): void {
  blocks.splice(splice.from, splice.remove, ...splice.insert)
}

import { describe, expect, it } from 'vitest'

import type { DocNode } from '../../../domain/draft/doc.ts'
import { applySplice, spliceSender } from '../../../renderer/src/editor/block-splice.ts'

const block = (t: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })

describe('spliceSender', () => {
  it("keeps the worker's copy equal to the blocks through edits, sending only what changed", () => {
    const sender = spliceSender()
    const copy: DocNode[] = []
    let blocks = Array.from({ length: 30 }, (_, i) => block(`第${i}段`))
    const send = (next: DocNode[]) => {
      const splice = sender.next(next)
      applySplice(copy, splice)
      expect(copy).toEqual(next)
      blocks = next
      return splice
    }
    expect(send(blocks).insert).toHaveLength(30)
    // One block changed, one inserted, some deleted, one moved, all replaced, emptied.
    expect(send(blocks.with(7, block('改'))).insert).toHaveLength(1)
    expect(send([...blocks.slice(0, 3), block('新'), ...blocks.slice(3)]).insert).toHaveLength(1)
    const cut = send([...blocks.slice(0, 5), ...blocks.slice(9)])
    expect([cut.remove, cut.insert.length]).toEqual([4, 0])
    send([blocks[10]!, ...blocks.slice(0, 10), ...blocks.slice(11)])
    send(blocks.map((b) => ({ ...b })))
    send([block('同'), block('同')])
    send([block('同'), block('同'), block('同')])
    send([])
  })

  it('starts over after reset', () => {
    const sender = spliceSender()
    const blocks = [block('甲'), block('乙')]
    sender.next(blocks)
    sender.reset()
    expect(sender.next(blocks)).toEqual({ from: 0, remove: 0, insert: blocks })
  })
})

import type { Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'

import { doc, headlessEditor, paragraph, text } from '../headless-editor.ts'

const body = doc(
  paragraph(text('开头一段。')),
  { type: 'heading', attrs: { level: 1 }, content: [text('主要工作')] },
  paragraph(text('全区小学在校学生24341人。')),
)

function withTransactions() {
  const { editor } = headlessEditor(body)
  const seen: Transaction[] = []
  editor.on('transaction', ({ transaction }) => seen.push(transaction))
  return { editor, seen }
}

describe('revealRange and revealBlock', () => {
  it('selects a range and scrolls it into view', () => {
    const { editor, seen } = withTransactions()
    // The third block's text starts one past the block.
    const start = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 1
    expect(editor.commands.revealRange(start + 8, start + 13)).toBe(true)
    const { from, to } = editor.state.selection
    expect(editor.state.doc.textBetween(from, to)).toBe('24341')
    expect(seen.at(-1)!.scrolledIntoView).toBe(true)
  })

  it('puts the cursor at the start of a top-level block', () => {
    const { editor } = withTransactions()
    expect(editor.commands.revealBlock(1)).toBe(true)
    const { $from, empty } = editor.state.selection
    expect(empty).toBe(true)
    expect($from.parent.textContent).toBe('主要工作')
    expect($from.parentOffset).toBe(0)
  })

  it('refuses a place outside the document and leaves the selection', () => {
    const { editor, seen } = withTransactions()
    const before = editor.state.selection.toJSON()
    expect(editor.commands.revealBlock(3)).toBe(false)
    expect(editor.commands.revealRange(5, 500)).toBe(false)
    expect(editor.commands.revealRange(6, 4)).toBe(false)
    expect(editor.state.selection.toJSON()).toEqual(before)
    expect(seen.filter((t) => t.docChanged || t.selectionSet)).toEqual([])
  })
})

import type { JSONContent } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'

import { posOfBlock } from '../../../../renderer/src/editor/extensions/section-heading/sections.ts'
import { doc, headlessEditor, paragraph, text } from '../headless-editor.ts'

const h = (level: number, t: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(t)],
})

// 一、A （一）B 1.B1 （二）C 1.C1 二、D
const body = doc(
  paragraph(text('开头。')),
  h(1, '甲'),
  h(2, '乙'),
  paragraph(text('乙的正文。')),
  h(3, '乙一'),
  h(2, '丙'),
  h(3, '丙一'),
  paragraph(text('丙一的正文。')),
  h(1, '丁'),
)
const B = 2
const C = 5

function editorWithCursorIn(block: number) {
  const { editor } = headlessEditor(body)
  const { state } = editor
  editor.view.dispatch(
    state.tr.setSelection(TextSelection.create(state.doc, posOfBlock(state.doc, block) + 1)),
  )
  return editor
}

const levels = (json: JSONContent) =>
  json.content!.map((n) => (n.type === 'heading' ? (n.attrs!.level as number) : 0))

describe('升级 then 降级 gives back the structure', () => {
  for (const [name, block] of [
    ['a section followed by a sibling', B],
    ['the last section under its parent', C],
  ] as const) {
    it(`${name}, from the outline (by index)`, () => {
      const editor = editorWithCursorIn(block)
      const before = editor.getJSON()
      expect(editor.commands.shiftSection(-1, block)).toBe(true)
      expect(levels(editor.getJSON())[block]).toBe(1)
      expect(editor.commands.shiftSection(1, block)).toBe(true)
      expect(editor.getJSON()).toEqual(before)
    })

    it(`${name}, by the shortcut (the section around the cursor)`, () => {
      const editor = editorWithCursorIn(block)
      const before = editor.getJSON()
      expect(editor.commands.shiftSection(-1)).toBe(true)
      expect(editor.commands.shiftSection(1)).toBe(true)
      expect(editor.getJSON()).toEqual(before)
    })
  }

  it('降级 then 升级 gives back the structure too', () => {
    const editor = editorWithCursorIn(C)
    const before = editor.getJSON()
    expect(editor.commands.shiftSection(1)).toBe(true)
    expect(levels(editor.getJSON()).slice(C, C + 2)).toEqual([3, 4])
    expect(editor.commands.shiftSection(-1)).toBe(true)
    expect(editor.getJSON()).toEqual(before)
  })

  it('a promoted section takes the siblings after it as its own (as in Word), until undone by 降级', () => {
    const editor = editorWithCursorIn(B)
    editor.commands.shiftSection(-1)
    // 二、乙 now holds 丙 (its level unchanged): the outline shows it under 乙.
    expect(levels(editor.getJSON())).toEqual([0, 1, 1, 0, 2, 2, 3, 0, 1])
    // Once the text changed in between, 降级 moves the section as it now stands.
    editor.view.dispatch(editor.state.tr.insertText('又写', posOfBlock(editor.state.doc, 3) + 1))
    editor.commands.shiftSection(1, B)
    expect(levels(editor.getJSON())).toEqual([0, 1, 2, 0, 3, 3, 4, 0, 1])
  })
})

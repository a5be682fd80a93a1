import { describe, expect, it } from 'vitest'

import { docJSON } from '../../../renderer/src/editor/doc-json.ts'
import { headlessEditor, paragraph, text } from './headless-editor.ts'

describe('docJSON: the document as JSON, converting only the blocks an edit replaced', () => {
  it('equals getJSON after edits and shares the unchanged blocks, frozen', () => {
    const content = Array.from({ length: 50 }, (_, i) => paragraph(text(`第${i}段。`)))
    const { editor } = headlessEditor({ type: 'doc', content })
    const first = docJSON(editor.state.doc)
    expect(first).toEqual(editor.getJSON())
    editor.commands.insertContentAt(editor.state.doc.resolve(0).posAtIndex(20) + 2, {
      type: 'text',
      text: '新增',
    })
    const second = docJSON(editor.state.doc)
    expect(second).toEqual(editor.getJSON())
    expect(second.content.filter((b, i) => b !== first.content[i])).toHaveLength(1)
    expect(Object.isFrozen(second.content[0])).toBe(true)
    expect(() => {
      ;(second.content[0]!.content![0] as { text: string }).text = '改'
    }).toThrow(TypeError)
  })
})

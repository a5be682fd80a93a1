import { Editor, type JSONContent } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'
import type { Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'

import { BodyParagraph } from '../../../../renderer/src/editor/extensions/body-paragraph/index.ts'
import { BULK_CHANGE } from '../../../../renderer/src/editor/extensions/deletion-guard/index.ts'
import { DropLines } from '../../../../renderer/src/editor/extensions/drop-lines/index.ts'
import { Reveal } from '../../../../renderer/src/editor/extensions/reveal/index.ts'
import { SectionHeading } from '../../../../renderer/src/editor/extensions/section-heading/index.ts'
import { doc, paragraph, text } from '../headless-editor.ts'

const body = doc(
  paragraph(text('本站整理')),
  { type: 'heading', attrs: { level: 1 }, content: [text('主要工作')] },
  paragraph(text('全区小学在校学生24341人。')),
  paragraph(text('更多内容请访问网站')),
  paragraph(text('今年改造校舍3处。')),
  paragraph(text('收藏')),
)
const doubtful = [
  { block: 0, text: '本站整理' },
  { block: 3, text: '更多内容请访问网站' },
  { block: 5, text: '收藏' },
]

/** Without a view the editor runs no plugins: history and the guard are checked in the e2e test. */
function editorWith(content: JSONContent) {
  const seen: Transaction[] = []
  const editor = new Editor({
    element: null,
    extensions: [
      Document,
      Text,
      BodyParagraph,
      SectionHeading.configure({ level3: '1.', onRefused: () => undefined }),
      Reveal,
      DropLines,
    ],
    content,
  })
  editor.on('transaction', ({ transaction }) => seen.push(transaction))
  return { editor, seen }
}

const texts = (editor: Editor) => {
  const out: string[] = []
  editor.state.doc.forEach((node) => out.push(node.textContent))
  return out
}

describe('dropLines', () => {
  it('drops every doubtful line in one transaction, marked as a bulk change', () => {
    const { editor, seen } = editorWith(body)
    expect(editor.commands.dropLines(doubtful)).toBe(true)
    expect(texts(editor)).toEqual(['主要工作', '全区小学在校学生24341人。', '今年改造校舍3处。'])
    // One step to undo; more blocks than the deletion guard lets go unselected, on purpose.
    const changes = seen.filter((t) => t.docChanged)
    expect(changes).toHaveLength(1)
    expect(changes[0]!.getMeta(BULK_CHANGE)).toBe(true)
    expect(changes[0]!.before.eq(editor.schema.nodeFromJSON(body))).toBe(true)
  })

  it('finds a line again after the ones before it were dropped one by one', () => {
    const { editor } = editorWith(body)
    expect(editor.commands.dropLines([doubtful[0]!])).toBe(true)
    expect(editor.commands.dropLines([doubtful[2]!])).toBe(true)
    expect(editor.commands.dropLines([doubtful[1]!])).toBe(true)
    expect(texts(editor)).toEqual(['主要工作', '全区小学在校学生24341人。', '今年改造校舍3处。'])
    // A line already gone is not looked for in report text.
    expect(editor.commands.dropLines([doubtful[1]!])).toBe(false)
    expect(texts(editor)).toHaveLength(3)
  })

  it('never removes a line whose text the writer changed, nor the last block', () => {
    const { editor } = editorWith(doc(paragraph(text('收藏'))))
    expect(editor.commands.dropLines([{ block: 0, text: '收藏' }])).toBe(false)
    expect(editor.commands.dropLines([{ block: 0, text: '别的' }])).toBe(false)
    expect(texts(editor)).toEqual(['收藏'])
  })

  it('selects the whole line it jumps to', () => {
    const { editor } = editorWith(body)
    editor.commands.dropLines([doubtful[0]!])
    expect(editor.commands.revealLine(doubtful[1]!)).toBe(true)
    const { from, to } = editor.state.selection
    expect(editor.state.doc.textBetween(from, to)).toBe('更多内容请访问网站')
    expect(editor.commands.revealLine({ block: 9, text: '不在文中' })).toBe(false)
  })
})

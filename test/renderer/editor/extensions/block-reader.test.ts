import { describe, expect, it } from 'vitest'

import { countWords, wordLeafText } from '../../../../domain/draft/word-count.ts'
import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'
import { buildOutline } from '../../../../domain/outline/outline.ts'
import {
  blockReader,
  editorLeafText,
  outlineOf,
} from '../../../../renderer/src/editor/extensions/section-heading/index.ts'
import { headlessEditor, paragraph, ref, text } from '../headless-editor.ts'

describe('blockReader: outline and 字数 from the blocks an edit changed', () => {
  const indicator = {
    ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'retention-9y'),
    current: '99.66',
  }
  // Chapters, sections and paragraphs with words, figures and references.
  const content = Array.from({ length: 120 }, (_, i) =>
    i % 10 === 0
      ? { type: 'heading', attrs: { level: i % 30 === 0 ? 1 : 2 }, content: [text(`第${i}节标题`)] }
      : paragraph(text(`第${i}段，全县 GDP 增长 ${i}.5%，巩固率达`), ref(indicator.id), text('。')),
  )
  const { editor } = headlessEditor({ type: 'doc', content }, [indicator])
  const leaf = wordLeafText([indicator])
  const whole = () => {
    const doc = editor.state.doc
    return {
      words: countWords(doc.textBetween(0, doc.content.size, '\n', editorLeafText(leaf))),
      sections: outlineOf(doc, '1.', leaf),
    }
  }

  it('gives what reading the whole document gives, after typing, a new heading and a deletion', () => {
    const read = blockReader(leaf)
    const check = () => {
      const { blocks, words } = read(editor.state.doc)
      expect(words).toBe(whole().words)
      expect(buildOutline(blocks, '1.')).toEqual(whole().sections)
      return blocks
    }
    const first = check()
    // Typing in the 40th block: every other block is read from the cache, the same object.
    const pos = editor.state.doc.resolve(0).posAtIndex(40) + 3
    editor.commands.insertContentAt(pos, { type: 'text', text: 'GDP 2026年新增' })
    const second = check()
    expect(second.filter((b, i) => b !== first[i]).length).toBe(1)
    editor.commands.insertContentAt(editor.state.doc.resolve(0).posAtIndex(41), {
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: '新的一章' }],
    })
    check()
    editor.commands.deleteRange({ from: 1, to: editor.state.doc.resolve(0).posAtIndex(5) })
    check()
  })
})

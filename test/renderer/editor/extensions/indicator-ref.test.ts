import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'
import { doc, headlessEditor, paragraph, ref, text } from '../headless-editor.ts'

const retention = {
  ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'retention'),
  current: '99.66',
  previous: '99.14',
}
const teachers = {
  ...indicatorFromCatalogue(catalogueEntry('teachers')!, 'teachers'),
  current: '120',
  previous: '100',
}

const refCount = (json: unknown) => JSON.stringify(json).split('"indicatorRef"').length - 1

describe('insertIndicatorRef', () => {
  it('replaces the selection with a reference and leaves the cursor after it', () => {
    const { editor } = headlessEditor(doc(paragraph(text('巩固率为。'))), [retention])
    editor.commands.setTextSelection(5)
    expect(editor.commands.insertIndicatorRef('retention', 'value-compare')).toBe(true)
    expect(editor.getText()).toBe('巩固率为99.66%，比上年提高0.52个百分点。')
    expect(editor.state.selection.from).toBe(6)
    expect(editor.state.selection.$from.nodeBefore?.type.name).toBe('indicatorRef')
  })

  it('replaces a typed # and query (the suggestion) with the reference', () => {
    const { editor } = headlessEditor(doc(paragraph(text('巩固率为#ggl'))), [retention])
    editor.commands.setTextSelection(9)
    expect(editor.commands.insertIndicatorRef('retention', 'value', { from: 5, to: 9 })).toBe(true)
    expect(editor.getText()).toBe('巩固率为99.66%')
    expect(editor.state.selection.from).toBe(6)
  })
})

describe('unlinkIndicator', () => {
  it('turns every reference to the indicator into the text it showed, in its form', () => {
    const body = doc(
      paragraph(
        text('巩固率为'),
        ref('retention', 'value-compare'),
        text('，教师'),
        ref('teachers'),
      ),
      paragraph(text('巩固率达'), ref('retention', 'value'), text('。')),
    )
    const { editor } = headlessEditor(body, [retention, teachers])
    const shown = editor.getText()
    expect(editor.commands.unlinkIndicator(retention)).toBe(true)
    expect(editor.getText()).toBe(shown)
    expect(refCount(editor.getJSON())).toBe(1)
    expect(editor.state.doc.child(0).textContent).toBe(
      '巩固率为99.66%，比上年提高0.52个百分点，教师120人',
    )
    expect(editor.state.doc.child(1).textContent).toBe('巩固率达99.66%。')
  })

  it('is refused when the text does not use the indicator', () => {
    const { editor } = headlessEditor(doc(paragraph(text('教师'), ref('teachers'))), [teachers])
    expect(editor.can().unlinkIndicator(retention)).toBe(false)
    expect(editor.commands.unlinkIndicator(retention)).toBe(false)
    expect(refCount(editor.getJSON())).toBe(1)
  })
})

describe('unlinkIndicatorRefAt', () => {
  it('turns one reference back into the text an import read it from', () => {
    const body = doc(paragraph(text('巩固率为'), ref('retention'), text('。')))
    const { editor } = headlessEditor(body, [retention])
    expect(editor.commands.unlinkIndicatorRefAt(1, '99.66%')).toBe(false)
    expect(editor.commands.unlinkIndicatorRefAt(5, '99.6%')).toBe(true)
    expect(editor.getText()).toBe('巩固率为99.6%。')
    expect(refCount(editor.getJSON())).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'

import {
  planYearUpdate,
  YearUpdate,
} from '../../../../renderer/src/editor/extensions/year-update/index.ts'
import { doc, headlessEditor, paragraph, ref, text } from '../headless-editor.ts'

const body = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('2025年主要工作')] },
  paragraph(text('2025年，全区小学在校学生'), ref('pupils'), text('人，比2024年增加。')),
  paragraph(text('2024—2025学年完成评估；2025-03-05召开大会。')),
)

function editor() {
  return headlessEditor(body, [], [YearUpdate]).editor
}

describe('updateYears', () => {
  it('lists what changes, with its context, and what is left alone', () => {
    const plan = planYearUpdate(editor().state.doc, 2025)
    expect(plan.changes.map((c) => c.context.slice(c.at, c.at + 5))).toEqual([
      '2025年',
      '2025年',
      '2025-',
    ])
    // The indicator reference shows as one mark in the context.
    expect(plan.changes[1]!.context).toContain('□')
    // 2024年, and 2024 and 2025 of the school year.
    expect(plan.kept).toBe(3)
  })

  it('moves the years on in one transaction, indicator references untouched', () => {
    const e = editor()
    const steps: unknown[] = []
    e.on('transaction', ({ transaction }) => transaction.docChanged && steps.push(transaction))
    expect(e.commands.updateYears(2025, 2026)).toBe(true)
    // One transaction, so one undo step in the editor (the e2e test undoes it).
    expect(steps).toHaveLength(1)
    const after = e.state.doc
    expect(after.child(0).textContent).toBe('2026年主要工作')
    expect(after.child(1).child(1).type.name).toBe('indicatorRef')
    expect(after.child(1).textContent).toBe(
      '2026年，全区小学在校学生【指标已删除】人，比2024年增加。',
    )
    expect(after.child(2).textContent).toBe('2024—2025学年完成评估；2026-03-05召开大会。')
    expect(planYearUpdate(after, 2025).changes).toEqual([])
  })

  it('does nothing when nothing is to change', () => {
    const e = editor()
    e.commands.updateYears(2025, 2026)
    const json = e.getJSON()
    expect(e.commands.updateYears(2025, 2026)).toBe(false)
    expect(e.getJSON()).toEqual(json)
  })
})

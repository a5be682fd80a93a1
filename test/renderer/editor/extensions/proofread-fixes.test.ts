import { describe, expect, it } from 'vitest'

import type { Doc } from '../../../../domain/draft/doc.ts'
import type { DraftMeta } from '../../../../domain/draft/draft.ts'
import { proofread } from '../../../../domain/proofread/proofread.ts'
import { findingRange } from '../../../../renderer/src/editor/extensions/proofread-fixes/index.ts'
import { doc, headlessEditor, paragraph, text } from '../headless-editor.ts'

const meta: DraftMeta = {
  title: '',
  unit: '',
  year: 2026,
  kind: 'annual',
  topic: '',
  superior: '',
  recipient: '',
  signature: '',
  date: '',
  lengthTarget: null,
}

const body = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('主要工作')] },
  paragraph(text('全区小学在校学生24,341人，初中在校学生12,005人。')),
)

function setup() {
  const { editor } = headlessEditor(body)
  const findings = proofread({ meta, body: editor.getJSON() as Doc, indicators: [] }).filter(
    (f) => f.fix !== undefined,
  )
  return { editor, findings }
}

describe('applyFindingFixes', () => {
  it('fixes one finding in place', () => {
    const { editor, findings } = setup()
    expect(findings.length).toBeGreaterThanOrEqual(2)
    const first = findings.find((f) => f.text === '24,341')!
    expect(editor.commands.applyFindingFixes([first])).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe(
      '全区小学在校学生24341人，初中在校学生12,005人。',
    )
  })

  it('fixes all of them at once, from the end so earlier places stay right', () => {
    const { editor, findings } = setup()
    expect(editor.commands.applyFindingFixes(findings)).toBe(true)
    expect(editor.state.doc.child(1).textContent).toBe(
      '全区小学在校学生24341人，初中在校学生12005人。',
    )
  })

  it('leaves a finding whose text has changed since it was found', () => {
    const { editor, findings } = setup()
    const first = findings.find((f) => f.text === '24,341')!
    editor.commands.applyFindingFixes([first])
    expect(findingRange(editor.state.doc, first)).toBeNull()
    expect(editor.commands.applyFindingFixes([first])).toBe(false)
    expect(editor.state.doc.child(1).textContent).toBe(
      '全区小学在校学生24341人，初中在校学生12,005人。',
    )
  })
})

import { describe, expect, it } from 'vitest'

import { draftContentSchema } from '../../../domain/draft/draft.ts'
import { draftFromTemplate, newDraftFile, newDraftMeta } from '../../../domain/draft/new-draft.ts'

describe('new drafts', () => {
  it('take the unit as signature and keep a topic only for a 专项 report', () => {
    const meta = newDraftMeta({ unit: '某县教育局', year: 2026, kind: 'annual', topic: '安全' })
    expect(meta).toMatchObject({
      title: '某县教育局2026年教育工作总结',
      signature: '某县教育局',
      topic: '',
      date: '',
      lengthTarget: null,
    })
    expect(newDraftMeta({ unit: '', year: 2026, kind: 'topical', topic: '学生资助' }).topic).toBe(
      '学生资助',
    )
  })

  it('keeps what an import found over the defaults', () => {
    const meta = newDraftMeta({
      unit: '甲镇中心学校',
      year: 2025,
      kind: 'annual',
      title: '甲镇中心学校2025年工作总结',
      signature: '甲镇中心学校办公室',
      date: '2025-12-26',
    })
    expect(meta.title).toBe('甲镇中心学校2025年工作总结')
    expect(meta.signature).toBe('甲镇中心学校办公室')
    expect(meta.date).toBe('2025-12-26')
  })

  it('from a template is valid content, and its file starts at revision 0 with its 字数', () => {
    const content = draftFromTemplate({ kind: 'half-year', topic: '', unit: '乙镇', year: 2026 })
    expect(draftContentSchema.safeParse(content).success).toBe(true)
    const file = newDraftFile(content, '7d3c1e0e-3c8f-4d7a-9a55-2f1f7c0f2b10', new Date(0))
    expect(file).toMatchObject({ revision: 0, createdAt: '1970-01-01T00:00:00.000Z' })
    expect(file.updatedAt).toBe(file.createdAt)
    expect(file.wordCount).toBeGreaterThan(0)
  })
})

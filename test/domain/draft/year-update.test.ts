import { describe, expect, it } from 'vitest'

import { withYearsUpdated, yearMentions } from '../../../domain/draft/year-update.ts'

const update = (text: string) => withYearsUpdated(text, 2025, 2026)

describe('years that move on with 起草下一年度', () => {
  it('moves the old report year written as a year or in a date', () => {
    expect(update('2025年，全县教育系统坚持立德树人。')).toBe('2026年，全县教育系统坚持立德树人。')
    expect(update('现将2025年度工作总结如下')).toBe('现将2026年度工作总结如下')
    expect(update('截至2025年底，共有学校42所')).toBe('截至2026年底，共有学校42所')
    expect(update('2025年3月5日召开大会')).toBe('2026年3月5日召开大会')
    expect(update('今年（2025年）')).toBe('今年（2026年）')
    expect(update('于2025-03-05、2025.3.5和2025/3/5检查')).toBe(
      '于2026-03-05、2026.3.5和2026/3/5检查',
    )
  })

  it('leaves other years, spans and numbers that are not years alone', () => {
    for (const text of [
      '2024年全县在校学生24341人',
      '展望2026年',
      '2024—2025学年',
      '2025—2026学年',
      '“十四五”期间（2021—2025年）',
      '2021-2025年规划',
      '2024年9月至2025年7月',
      '2025年9月至2026年7月',
      '2024年12月31日至2025年1月5日',
      '2025.09—2026.07',
      '全县2025名教师',
      '编号12025年',
      '2025人参加',
    ]) {
      expect(update(text)).toBe(text)
    }
  })

  it('lists every year it saw, the kept ones too, in order', () => {
    expect(yearMentions('2024年增长，2025年再增长，2024—2025学年', 2025)).toEqual([
      { index: 0, year: 2024, change: false },
      { index: 8, year: 2025, change: true },
      { index: 17, year: 2024, change: false },
      { index: 22, year: 2025, change: false },
    ])
  })

  it('goes through a long text mention by mention', () => {
    const line = '2025年，2024—2025学年，2025-03-05。'
    expect(yearMentions(line.repeat(1000), 2025)).toHaveLength(4000)
    expect(update(line.repeat(1000))).toBe('2026年，2024—2025学年，2026-03-05。'.repeat(1000))
  })
})

import { describe, expect, it } from 'vitest'

import { countWords } from '../../../domain/draft/word-count.ts'

describe('countWords (字数 as Word counts it)', () => {
  it.each([
    ['', 0],
    ['教育', 2],
    ['全区小学在校学生24341人。', 11],
    ['巩固率为99.66%，比上年提高0.52个百分点', 16],
    ['GDP增长 5 个百分点', 8],
    ['“普九”成果', 6],
    ['　　全区（一）', 5],
    ['𠀀字', 2],
  ])('%j counts %i', (text, expected) => {
    expect(countWords(text)).toBe(expected)
  })
})

import { describe, expect, it } from 'vitest'

import { fromChineseNumeral, toChineseNumeral } from '../../../domain/outline/chinese-numerals.ts'
import {
  HeadingCounter,
  headingLabel,
  numberHeadings,
  type HeadingLevel,
} from '../../../domain/outline/numbering.ts'

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [112, '一百一十二'],
  ])('%i ↔ %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text)
    expect(fromChineseNumeral(text)).toBe(n)
  })
})

describe('heading labels', () => {
  it('follow the official style', () => {
    expect(headingLabel(1, 3)).toBe('三、')
    expect(headingLabel(2, 12)).toBe('（十二）')
    expect(headingLabel(3, 2)).toBe('2.')
    expect(headingLabel(3, 2, '1、')).toBe('2、')
    expect(headingLabel(4, 5)).toBe('（5）')
  })

  it('restart under each parent', () => {
    expect(numberHeadings([1, 2, 2, 3, 3, 4, 3, 2, 1, 2, 3])).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '2.',
      '（1）',
      '3.',
      '（三）',
      '二、',
      '（一）',
      '1.',
    ])
  })

  it('number a level-3 heading directly under a level 1 from 1', () => {
    expect(numberHeadings([1, 3, 3, 1, 3])).toEqual(['一、', '1.', '2.', '二、', '1.'])
  })

  it('renumber after a move or a change of level', () => {
    // (二) moved before (一): the numbers follow the positions, not the old labels.
    expect(numberHeadings([1, 2, 3, 2])).toEqual(['一、', '（一）', '1.', '（二）'])
    // promoting the last (二) to a level 1
    expect(numberHeadings([1, 2, 3, 1])).toEqual(['一、', '（一）', '1.', '二、'])
    // demoting it to level 3 continues the list under (一)
    expect(numberHeadings([1, 2, 3, 3], '1、')).toEqual(['一、', '（一）', '1、', '2、'])
  })
})

describe('the heading counter', () => {
  it('gives the number within the parent, the one export and import read', () => {
    const counter = new HeadingCounter()
    expect([1, 2, 2, 1, 2, 3, 3].map((l) => counter.next(l as HeadingLevel))).toEqual([
      1, 1, 2, 2, 1, 1, 2,
    ])
  })
})

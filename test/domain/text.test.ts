import { describe, expect, it } from 'vitest'

import { nextEnumeration } from '../../domain/text/enumeration.ts'
import { fullWidthFor } from '../../domain/text/full-width.ts'

describe('fullWidthFor', () => {
  it.each([
    [',', '全区小学', '，'],
    [';', '加强领导', '；'],
    [':', '主要做法', '：'],
    ['(', '合格学校', '（'],
    ['?', '为什么', '？'],
    ['!', '好', '！'],
    [',', '完成。', '，'],
    [')', '合格学校（2026', '）'],
  ])('%j after %j becomes %j', (mark, before, expected) => {
    expect(fullWidthFor(mark, before)).toBe(expected)
  })

  it.each([
    [',', '24,341'],
    [':', '8'],
    ['(', 'GDP '],
    [')', 'see (2026'],
    [',', ''],
    ['.', '全区'],
  ])('%j after %j stays as typed', (mark, before) => {
    expect(fullWidthFor(mark, before)).toBeNull()
  })
})

describe('nextEnumeration', () => {
  it('offers the next item after a clause ends', () => {
    expect(nextEnumeration('一是加强领导；')).toBe('二是')
    expect(nextEnumeration('一是加强领导；二是完善制度；')).toBe('三是')
    expect(nextEnumeration('首先，一是加强领导，二是完善制度，三是强化督查。')).toBe('四是')
    expect(
      nextEnumeration('一是…；二是…；三是…；四是…；五是…；六是…；七是…；八是…；九是…；十是…；'),
    ).toBe('十一是')
  })

  it('offers nothing mid-clause or without an enumeration', () => {
    expect(nextEnumeration('一是加强领导')).toBeNull()
    expect(nextEnumeration('全区教育工作稳步推进。')).toBeNull()
    expect(nextEnumeration('这是一个问题；')).toBeNull()
  })
})

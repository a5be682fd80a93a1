import { describe, expect, it } from 'vitest'

import { heading, paragraph, type DocNode } from '../../../domain/draft/doc.ts'
import {
  buildOutline as buildFromBlocks,
  moveBlocks,
  outlineBlocksOf,
  shiftLevels,
} from '../../../domain/outline/outline.ts'

const blocks = [
  paragraph('开头。'),
  heading(1, '主要工作'),
  heading(2, '党建'),
  paragraph('加强党建。'),
  heading(3, '“普九”成果进一步巩固。全区小学在校学生24341人。'),
  heading(2, '学前教育'),
  paragraph('入园率提高。'),
  heading(1, '存在的问题'),
  paragraph('不均衡。'),
]

const buildOutline = (blocks: DocNode[], level3?: '1.' | '1、') =>
  buildFromBlocks(outlineBlocksOf(blocks), level3)

describe('buildOutline', () => {
  it('gives each section its number, title, extent and word count', () => {
    const outline = buildOutline(blocks)
    expect(outline.map((s) => [s.label, s.title, s.index, s.end])).toEqual([
      ['一、', '主要工作', 1, 7],
      ['（一）', '党建', 2, 5],
      ['1.', '“普九”成果进一步巩固。', 4, 5],
      ['（二）', '学前教育', 5, 7],
      ['二、', '存在的问题', 7, 9],
    ])
    expect(outline[3]!.wordCount).toBe(4 + 6)
    expect(outline[0]!.wordCount).toBe(outline[1]!.wordCount + outline[3]!.wordCount + 4)
  })

  it('uses the level-3 setting', () => {
    expect(buildOutline(blocks, '1、')[2]!.label).toBe('1、')
  })
})

describe('moveBlocks', () => {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f']
  it('moves a range before another block, forwards and backwards', () => {
    expect(moveBlocks(letters, 1, 3, 5)).toEqual(['a', 'd', 'e', 'b', 'c', 'f'])
    expect(moveBlocks(letters, 3, 5, 0)).toEqual(['d', 'e', 'a', 'b', 'c', 'f'])
    expect(moveBlocks(letters, 0, 2, 6)).toEqual(['c', 'd', 'e', 'f', 'a', 'b'])
  })

  it('refuses to move a range into itself', () => {
    expect(moveBlocks(letters, 1, 3, 2)).toBeNull()
  })

  it('renumbers a moved section: （二） moved first becomes （一）', () => {
    const moved = moveBlocks(blocks, 5, 7, 2)!
    expect(buildOutline(moved).map((s) => `${s.label}${s.title}`)).toEqual([
      '一、主要工作',
      '（一）学前教育',
      '（二）党建',
      '1.“普九”成果进一步巩固。',
      '二、存在的问题',
    ])
  })
})

describe('shiftLevels', () => {
  it('promotes and demotes a section with its subsections, within four levels', () => {
    expect(shiftLevels([2, 3, 4], -1)).toEqual([1, 2, 3])
    expect(shiftLevels([2, 3], 1)).toEqual([3, 4])
    expect(shiftLevels([3, 4], 1)).toBeNull()
    expect(shiftLevels([1], -1)).toBeNull()
  })
})

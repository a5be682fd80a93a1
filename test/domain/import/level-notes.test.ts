import { describe, expect, it } from 'vitest'

import { levelNotes } from '../../../domain/import/level-notes.ts'
import { structure } from '../../../domain/import/structure.ts'

const lines = (...texts: string[]) => texts.map((text) => ({ text }))

describe('levelNotes', () => {
  it('says in Chinese which marker styles were read at another level', () => {
    const { levels } = structure(
      lines('1.基本情况', '（1）学前教育', '正文。', '2.主要做法', '（1）强化组织', '正文。'),
    )
    expect(levelNotes(levels)).toEqual([
      '原文以“1.”为第一级标题，已改为“一、”。',
      '原文以“（1）”为第二级标题，已改为“（一）”。',
    ])
  })

  it('says nothing for a report already in the official order', () => {
    const { levels } = structure(lines('一、基本情况', '（一）学前教育', '1.幼儿园', '（1）公办'))
    expect(levels).toHaveLength(4)
    expect(levelNotes(levels)).toEqual([])
    expect(levelNotes(levels, '1、')).toEqual([])
  })

  it('names a 一、 restarted under 二、 as the second level', () => {
    const { levels } = structure(
      lines('一、成绩', '正文。', '二、做法', '一、抓党建', '正文。', '二、抓队伍', '正文。'),
    )
    expect(levelNotes(levels)).toEqual(['原文以“一、”为第二级标题，已改为“（一）”。'])
  })
})

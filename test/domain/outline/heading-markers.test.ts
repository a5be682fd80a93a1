import { describe, expect, it } from 'vitest'

import { detectHeadingMarker, runInSplit } from '../../../domain/outline/heading-markers.ts'

describe('detectHeadingMarker', () => {
  it.each([
    ['一、主要工作', 1, 1, '主要工作'],
    ['十二、其他工作', 1, 12, '其他工作'],
    ['一、 抢抓机遇,固本强基', 1, 1, '抢抓机遇,固本强基'],
    ['（一）以教育质量为中心', 2, 1, '以教育质量为中心'],
    ['(二)以布局调整为契机', 2, 2, '以布局调整为契机'],
    ['( 三 ) 加强队伍', 2, 3, '加强队伍'],
    ['1、“普九”成果进一步巩固。', 3, 1, '“普九”成果进一步巩固。'],
    ['2. 高中教育成绩显著', 3, 2, '高中教育成绩显著'],
    ['３．成人教育稳步推进', 3, 3, '成人教育稳步推进'],
    ['（1）强化师德师风建设', 4, 1, '强化师德师风建设'],
    ['(10)各校长公开承诺', 4, 10, '各校长公开承诺'],
    ['　　一、加强领导', 1, 1, '加强领导'],
  ])('%j is level %i number %i', (text, level, number, rest) => {
    expect(detectHeadingMarker(text)).toEqual({ level, number, rest })
  })

  it.each([
    '全区小学在校学生24341人。',
    '1.5万元用于校舍维修',
    '2026年全区教育工作',
    '一是加强领导，二是完善制度',
    '一、二、三年级学生',
    '一、',
    '（一）',
    '4.28会议精神',
  ])('%j is not a heading', (text) => {
    expect(detectHeadingMarker(text)).toBeNull()
  })
})

describe('runInSplit', () => {
  it('splits a run-in heading after its first sentence', () => {
    const text = '“普九”成果进一步巩固。202_年下期，全区小学在校学生24341人。'
    expect(text.slice(0, runInSplit(text)!)).toBe('“普九”成果进一步巩固。')
  })

  it('leaves a heading on its own alone', () => {
    expect(runInSplit('以教育质量为中心，整体提升办学水平')).toBeNull()
    expect(runInSplit('抢抓机遇,固本强基,教育事业快速、协调发展。')).toBeNull()
  })
})

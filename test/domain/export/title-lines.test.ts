import { describe, expect, it } from 'vitest'

import { TITLE_CHARS_PER_LINE, titleLines } from '../../../domain/export/title-lines.ts'

// Titles of the kinds offices send, long enough to need two or three lines; none from a fixture.
const TITLES = [
  '某某县教育局关于2026年教育工作情况的总结报告',
  '某某县教育体育局2025年度义务教育均衡发展工作总结',
  '关于某某镇中心学校2026年上半年安全工作开展情况的报告',
  '某某市某某区教育局关于落实“双减”政策和课后服务工作的情况汇报',
  '某某县2024—2025学年度学前教育普及普惠县创建工作总结',
  '某某乡人民政府关于2026年控辍保学和资助工作情况的报告',
  '某某县第二中学2026年秋季学期教育教学质量提升工作总结报告',
  '某某县教育局党组关于2026年度落实全面从严治党主体责任情况的报告',
  '某某县教育局2026年第三季度校园安全隐患排查整治工作情况汇报',
  '某某县关于推进县域普通高中发展提升行动计划（2024—2026年）实施情况的总结',
  '某某镇中心校关于开展AI教育应用试点工作的阶段性总结报告',
]

describe('title lines', () => {
  for (const title of TITLES) {
    it(title, () => {
      const lines = titleLines(title)
      expect(lines.join('')).toBe(title)
      expect(lines.length).toBeGreaterThan(1)
      for (const [i, line] of lines.entries()) {
        expect([...line].length).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE)
        if (i === 0) continue
        const before = lines[i - 1]!.at(-1)!
        // Not inside a number or a Latin word, nor between a number and its 年.
        expect(`${before}${line[0]}`).not.toMatch(/[0-9A-Za-z][0-9A-Za-z年月日%]/)
        // No line opens with closing punctuation, none ends with an opening mark.
        expect(line[0]).not.toMatch(/[，、。：；）》”]/)
        expect(before).not.toMatch(/[（《“]/)
        // Nor inside quotation marks or brackets.
        const head = lines.slice(0, i).join('')
        for (const [o, c] of ['“”', '（）', '《》'])
          expect(head.split(o!).length, `${o}${c}`).toBe(head.split(c!).length)
      }
    })
  }

  it('keeps a short title on one line', () => {
    expect(titleLines('某某县教育局2026年工作总结')).toEqual(['某某县教育局2026年工作总结'])
  })
})

import { describe, expect, it } from 'vitest'

import { importParagraphs, type SourceParagraph } from '../../../domain/import/import-paragraphs.ts'

/** Report-like lines: headings, figures, repeated stems (the summary check's work) and web lines. */
function source(n: number): SourceParagraph[] {
  return Array.from({ length: n }, (_, i) => ({
    text:
      i % 40 === 0
        ? `${'一二三四五六七八九'[(i / 40) % 9]}、第${i}项重点工作`
        : i % 97 === 0
          ? '相关文章推荐阅读'
          : `全县义务教育阶段学校第${i % 500}批项目，巩固率为99.${i % 10}%，各项工作稳步推进，成效明显。`,
  }))
}

function timed(n: number): number {
  const paragraphs = source(n)
  const start = performance.now()
  importParagraphs(paragraphs, { previousYear: false })
  return performance.now() - start
}

describe('import is linear in the number of paragraphs', () => {
  it('takes less than 200 times as long for 100 times the paragraphs', () => {
    timed(1000) // warm-up: compile the patterns and the functions
    // On a shared machine one run may stall: the typical small run against the better large one.
    const smalls = Array.from({ length: 5 }, () => timed(1000)).sort((a, b) => a - b)
    const small = smalls[2]!
    const large = Math.min(timed(100_000), timed(100_000))
    // Linear gives about 100; the former quadratic cleaning gave thousands.
    expect(large / small).toBeLessThan(200)
  }, 120_000)

  it('still drops a page’s summary of a paragraph that follows in full', () => {
    const full = '全县义务教育阶段学校办学条件持续改善，新建校舍三万平方米，教育质量稳步提升。'
    const result = importParagraphs(
      [{ text: `${full.slice(0, 20)}...` }, { text: '一、主要工作' }, { text: full }],
      { previousYear: false },
    )
    expect(result.report.dropped.map((d) => d.reason)).toEqual(['网页摘要（正文中有完整内容）'])
  })
})

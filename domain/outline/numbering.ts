import { toChineseNumeral } from './chinese-numerals.ts'

export type HeadingLevel = 1 | 2 | 3 | 4
export type Level3Style = '1.' | '1、'

export function isHeadingLevel(value: unknown): value is HeadingLevel {
  return value === 1 || value === 2 || value === 3 || value === 4
}

/** The drawn number of a heading: 一、 （一） 1. （1）, level 3 optionally 1、 */
export function headingLabel(level: HeadingLevel, n: number, level3: Level3Style = '1.'): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`
    case 2:
      return `（${toChineseNumeral(n)}）`
    case 3:
      return level3 === '1、' ? `${n}、` : `${n}.`
    case 4:
      return `（${n}）`
  }
}

/**
 * The one heading counter of the editor, the outline, export and import: each level counts
 * within its parent and restarts under each new parent ("（一）" again under "二、").
 */
export class HeadingCounter {
  private readonly counters = [0, 0, 0, 0]

  /** Counts a heading of `level` and returns its number within its parent. */
  next(level: HeadingLevel): number {
    const n = this.counters[level - 1]! + 1
    this.counters[level - 1] = n
    for (let deeper = level; deeper < 4; deeper++) this.counters[deeper] = 0
    return n
  }

  /** Counts a heading of `level` and returns its drawn number. */
  nextLabel(level: HeadingLevel, level3: Level3Style = '1.'): string {
    return headingLabel(level, this.next(level), level3)
  }
}

/** Numbers a sequence of heading levels in the official style. */
export function numberHeadings(
  levels: readonly HeadingLevel[],
  level3: Level3Style = '1.',
): string[] {
  const counter = new HeadingCounter()
  return levels.map((level) => counter.nextLabel(level, level3))
}

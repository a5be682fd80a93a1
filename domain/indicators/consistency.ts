import { compare, parseDecimal } from './decimal.ts'
import { figureAfterName } from './figure-pattern.ts'
import { formatValue } from './format.ts'
import { catalogueOf, type DraftIndicator } from './model.ts'

export interface Inconsistency {
  indicatorId: string
  /** Index of the block (paragraph or heading) among the blocks given. */
  block: number
  /** Character offset of the figure in that block's text. */
  offset: number
  length: number
  /** The figure as typed in the text, e.g. "99.5%". */
  found: string
  /** The indicator's value as the report holds it, e.g. "99.66%". */
  expected: string
}

/**
 * Figures typed as plain text right after the name of an indicator the report holds
 * ("巩固率为99.5%") that differ from the indicator's value. Block texts carry references as
 * U+FFFC, so a figure the app wrote itself is never reported.
 */
export function findInconsistencies(
  blocks: readonly string[],
  indicators: readonly DraftIndicator[],
): Inconsistency[] {
  const found: Inconsistency[] = []
  for (const indicator of indicators) {
    if (indicator.current === null || indicator.kind === 'text' || indicator.kind === 'ratio')
      continue
    const expected = parseDecimal(indicator.current)
    if (!expected) continue
    const pattern = figureAfterName(
      [indicator.name, ...(catalogueOf(indicator)?.aliases ?? [])],
      indicator.kind,
      indicator.unit,
      { spaceBeforeUnit: true },
    )
    blocks.forEach((text, block) => {
      for (const m of text.matchAll(pattern)) {
        const value = parseDecimal(m[3]!)
        if (!value || compare(value, expected) === 0) continue
        const offset = m.index + m[1]!.length + m[2]!.length
        found.push({
          indicatorId: indicator.id,
          block,
          offset,
          length: m[0].length - m[1]!.length - m[2]!.length,
          found: `${m[3]}${m[4]}`,
          expected: formatValue(indicator) ?? '',
        })
      }
    })
  }
  return found.sort((a, b) => a.block - b.block || a.offset - b.offset)
}

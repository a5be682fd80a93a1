import type { DraftContent, DraftFile } from './draft.ts'
import { MAX_YEAR } from './draft.ts'

/**
 * 以此为基础起草下一年度: the structure and text stay, the year moves on, this year's
 * figures become last year's and this year's are cleared for the writer to fill in.
 */
export function carryForward(source: DraftFile): DraftContent {
  const { meta } = source
  const year = Math.min(meta.year + 1, MAX_YEAR)
  return {
    meta: {
      ...meta,
      year,
      title: meta.title.replaceAll(`${meta.year}年`, `${year}年`),
      date: '',
      // Last year's per-unit figures are not next year's appendix.
      unitTable: undefined,
    },
    body: JSON.parse(JSON.stringify(source.body)) as DraftContent['body'],
    indicators: source.indicators.map((indicator) => ({
      ...indicator,
      previous: indicator.current,
      current: null,
    })),
    ignoredFindings: [],
  }
}

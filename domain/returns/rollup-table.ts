import type { UnitTable } from '../draft/draft.ts'
import type { DraftIndicator } from '../indicators/model.ts'
import type { CellStatus, Rollup } from './rollup.ts'

/** The per-unit figures of a roll-up, as the roll-up view and the command line hold them. */
export interface RollupFigures {
  rows: readonly {
    unit: string
    status: CellStatus
    figures: readonly { indicatorId: string; value: string | null }[]
  }[]
  totals: readonly { indicatorId: string; name: string; value: string | null }[]
}

/** 各乡镇（学校）主要指标统计表: a row per unit and the total; numbers as plain decimal text. */
export type RollupTable = UnitTable

const NOT_COUNTED: Record<Exclude<CellStatus, 'ok'>, string> = {
  missing: '未报',
  invalid: '有误',
  conflict: '数值冲突',
}

function unitOf(indicator: DraftIndicator | undefined): string {
  if (!indicator) return ''
  if (indicator.kind === 'percent') return '%'
  if (indicator.kind === 'ratio' || indicator.kind === 'text') return ''
  return indicator.unit
}

/**
 * The table of a roll-up: units down, figures across with their units in the header, the
 * county total last. A unit not counted says why in its cells, never a blank that reads as 0.
 */
export function rollupTable(
  figures: RollupFigures,
  indicators: readonly DraftIndicator[],
  /** "2026年", as the returns were asked for. */
  period: string,
): RollupTable {
  const byId = new Map(indicators.map((i) => [i.id, i]))
  const header = [
    '单位',
    ...figures.totals.map((t) => {
      const unit = unitOf(byId.get(t.indicatorId))
      return unit ? `${t.name}（${unit}）` : t.name
    }),
  ]
  const rows = figures.rows.map((row) => {
    const values = new Map(row.figures.map((f) => [f.indicatorId, f.value]))
    return [
      row.unit,
      ...figures.totals.map((t) => {
        if (row.status !== 'ok') return NOT_COUNTED[row.status]
        return values.get(t.indicatorId) ?? '—'
      }),
    ]
  })
  rows.push(['合计', ...figures.totals.map((t) => t.value ?? '—')])
  return { title: `${period}各乡镇（学校）主要指标统计表`, header, rows }
}

/** A roll-up's per-unit figures in plain arrays, as the table wants them. */
export function rollupFigures(rollup: Rollup): RollupFigures {
  return {
    rows: rollup.rows.map((row) => ({
      unit: row.unit,
      status: row.status,
      figures: [...row.figures].map(([indicatorId, value]) => ({ indicatorId, value })),
    })),
    totals: rollup.totals,
  }
}

import {
  abs,
  compare,
  parseDecimal,
  round,
  subtract,
  toNumber,
  toText,
  trimmed,
  type Decimal,
} from './decimal.ts'
import type { DraftIndicator, ReferenceForm } from './model.ts'

/** The value as written in the report: "99.66%", "24341人", "1226.9125万元", "21∶1". */
export function formatValue(
  indicator: DraftIndicator,
  value: string | null = indicator.current,
): string | null {
  if (value === null) return null
  switch (indicator.kind) {
    case 'text':
      return value
    case 'ratio':
      return value.replace(':', '∶')
    default: {
      const d = parseDecimal(value)
      const shown = d && indicator.decimals !== null ? toText(round(d, indicator.decimals)) : value
      return indicator.kind === 'percent' ? `${shown}%` : `${shown}${indicator.unit}`
    }
  }
}

/** Both values at the precision the report shows them, so "equal" means equal on paper. */
function shownPair(indicator: DraftIndicator): [Decimal, Decimal] | null {
  const cur = indicator.current === null ? null : parseDecimal(indicator.current)
  const prev = indicator.previous === null ? null : parseDecimal(indicator.previous)
  if (!cur || !prev) return null
  const scale = indicator.decimals ?? Math.max(cur.scale, prev.scale)
  return [round(cur, scale), round(prev, scale)]
}

function percentChange(cur: Decimal, prev: Decimal): string | null {
  const p = toNumber(prev)
  if (p === 0) return null
  const change = Math.abs((toNumber(cur) - p) / p) * 100
  return `${Number(change.toFixed(1))}%`
}

export type Comparison = { ok: true; text: string } | { ok: false; reason: string }

/**
 * The year-on-year sentence, exactly as indicators.md phrases it: 百分点 for rates, 增加/减少
 * with the unit for counts, 增加/减少 and 增长/下降 for money, 与上年持平 when equal as shown.
 * Wording stays neutral for lower-is-better figures: a fall is 下降, never 提高.
 */
export function compareWithLastYear(indicator: DraftIndicator): Comparison {
  if (indicator.current === null) return { ok: false, reason: '还没有填写今年的数值。' }
  if (indicator.previous === null) return { ok: false, reason: '缺少上年数值，无法写同比。' }
  if (indicator.kind === 'text') return { ok: false, reason: '文字类指标没有同比。' }
  if (indicator.kind === 'ratio') {
    return indicator.current === indicator.previous
      ? { ok: true, text: '与上年持平' }
      : { ok: true, text: `上年为${indicator.previous.replace(':', '∶')}` }
  }
  const pair = shownPair(indicator)
  if (!pair) return { ok: false, reason: '数值无法比较。' }
  const [cur, prev] = pair
  const direction = compare(cur, prev)
  if (direction === 0) return { ok: true, text: '与上年持平' }
  const diff = toText(trimmed(abs(subtract(cur, prev))))
  const up = direction > 0
  switch (indicator.kind) {
    case 'percent':
      return { ok: true, text: `比上年${up ? '提高' : '下降'}${diff}个百分点` }
    case 'money': {
      const change = percentChange(cur, prev)
      return {
        ok: true,
        text: `比上年${up ? '增加' : '减少'}${diff}${indicator.unit}${change ? `，${up ? '增长' : '下降'}${change}` : ''}`,
      }
    }
    default: {
      const change = percentChange(cur, prev)
      return {
        ok: true,
        text: `比上年${up ? '增加' : '减少'}${diff}${indicator.unit}${change ? `（${up ? '增长' : '下降'}${change}）` : ''}`,
      }
    }
  }
}

/**
 * The text a reference shows in one of its three forms. Without last year's value the
 * comparison forms fall back to the value alone. Null while there is no value at all.
 */
export function referenceText(indicator: DraftIndicator, form: ReferenceForm): string | null {
  const value = formatValue(indicator)
  if (value === null) return null
  if (form === 'value') return value
  const comparison = compareWithLastYear(indicator)
  if (!comparison.ok) return value
  return form === 'compare' ? comparison.text : `${value}，${comparison.text}`
}

/** One row of the appendix 附件：主要指标统计表. */
export interface IndicatorTableRow {
  name: string
  unit: string
  current: string
  previous: string
  change: string
}

export function indicatorTableRows(indicators: readonly DraftIndicator[]): IndicatorTableRow[] {
  return indicators
    .filter((i) => i.kind !== 'text')
    .map((i) => {
      const strip = (text: string | null) =>
        text === null
          ? '—'
          : i.kind === 'percent'
            ? text.replace(/%$/, '')
            : text.replace(i.unit, '')
      const comparison = compareWithLastYear(i)
      return {
        name: i.name,
        unit: i.kind === 'ratio' ? '' : i.unit,
        current: strip(formatValue(i)),
        previous: strip(formatValue(i, i.previous)),
        change: comparison.ok ? comparison.text.replace(/^比上年/, '') : '—',
      }
    })
}

import type { DraftFile } from '../draft/draft.ts'
import type { RatePart } from '../indicators/catalogue.ts'
import { catalogueOf, type DraftIndicator } from '../indicators/model.ts'

/** What one input cell of a 报送表 asks for. */
export type FieldRole = 'value' | 'numerator' | 'denominator'

export interface ReturnField {
  /** Stable key written into the sheet's hidden column: indicator id and role. */
  key: string
  indicatorId: string
  role: FieldRole
  /** As the township reads it: the figure itself, or the count a rate is made of. */
  name: string
  unit: string
  /** The definition the row shows, so the township counts what the county means. */
  definition: string
  /** Whole numbers only (people, schools); false for money and areas. */
  whole: boolean
  /** Decimals a value may carry when not whole (万元 to four places, areas to two). */
  maxDecimals: number
}

/** A chosen indicator the sheet cannot ask for, and why (shown to the writer). */
export interface SkippedIndicator {
  indicatorId: string
  name: string
  reason: string
}

export interface ReturnPlan {
  fields: ReturnField[]
  skipped: SkippedIndicator[]
}

/** Largest value an input cell takes: far above any county's figure, far below float trouble. */
export const MAX_RETURN_VALUE = 999_999_999

export function fieldKey(indicatorId: string, role: FieldRole): string {
  return role === 'value' ? indicatorId : `${indicatorId}#${role === 'numerator' ? 'n' : 'd'}`
}

function partField(ind: DraftIndicator, role: FieldRole, p: RatePart, definition: string) {
  return {
    key: fieldKey(ind.id, role),
    indicatorId: ind.id,
    role,
    name: p.name,
    unit: p.unit,
    definition: `用于计算“${ind.name}”：${definition}`,
    whole: p.whole,
    maxDecimals: p.whole ? 0 : 2,
  }
}

/**
 * The fields a return asks for, in the order chosen: counts, money and areas as themselves;
 * a rate or ratio as the counts it is made of, because a county rate is recomputed from the
 * summed counts and never averaged from township rates.
 */
export function planReturn(indicators: readonly DraftIndicator[]): ReturnPlan {
  const fields: ReturnField[] = []
  const skipped: SkippedIndicator[] = []
  for (const ind of indicators) {
    const entry = catalogueOf(ind)
    const definition = entry?.definition ?? ''
    if (entry?.parts) {
      fields.push(partField(ind, 'numerator', entry.parts.numerator, definition))
      fields.push(partField(ind, 'denominator', entry.parts.denominator, definition))
    } else if (ind.kind === 'count' || ind.kind === 'money' || ind.kind === 'area') {
      const whole = ind.kind === 'count' && ind.integer
      fields.push({
        key: fieldKey(ind.id, 'value'),
        indicatorId: ind.id,
        role: 'value',
        name: ind.name,
        unit: ind.unit,
        definition,
        whole,
        maxDecimals: whole ? 0 : ind.kind === 'money' ? 4 : 2,
      })
    } else if (ind.kind === 'percent' || ind.kind === 'ratio') {
      skipped.push({
        indicatorId: ind.id,
        name: ind.name,
        reason: '这个比率没有规定由哪两个数算出，不能由各单位填报后汇总，请直接填写全县数值。',
      })
    } else {
      skipped.push({ indicatorId: ind.id, name: ind.name, reason: '文字类指标不能汇总。' })
    }
  }
  return { fields, skipped }
}

/**
 * Reads one input as the field allows: a plain non-negative decimal within its places, or a
 * Chinese reason. Full-width digits and thousands separators are refused, not guessed at.
 */
export function checkFieldValue(
  field: ReturnField,
  text: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const t = text.trim()
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t)
  if (!m) {
    if (/^-/.test(t)) return { ok: false, message: '不能是负数。' }
    return { ok: false, message: `“${t.slice(0, 20)}”不是一个数。请只填数字，不要带单位或文字。` }
  }
  const places = (m[2] ?? '').length
  if (field.whole && places > 0) return { ok: false, message: '应填整数。' }
  if (places > field.maxDecimals) {
    return { ok: false, message: `小数最多 ${field.maxDecimals} 位。` }
  }
  if (Number(t) > MAX_RETURN_VALUE)
    return { ok: false, message: '数值太大，请检查是否多填了位数。' }
  // "007" reads as 7; keep the canonical text so equal values compare equal.
  const intPart = m[1]!.replace(/^0+(?=\d)/, '')
  return { ok: true, value: m[2] ? `${intPart}.${m[2]}` : intPart }
}

/** "2026年": the period a draft's returns are asked for and checked against. */
export function returnPeriod(draft: Pick<DraftFile, 'meta'>): string {
  return `${draft.meta.year}年`
}

/** What a round of 报送表 carries: the draft they tie back to, the period, the collecting office. */
export function returnRound(draft: Pick<DraftFile, 'id' | 'meta'>, fields: ReturnField[]) {
  return { draftId: draft.id, period: returnPeriod(draft), office: draft.meta.unit, fields }
}

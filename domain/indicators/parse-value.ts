import { parseDecimal, toNumber } from './decimal.ts'
import { catalogueOf, type DraftIndicator } from './model.ts'

export type ParsedValue =
  { ok: true; value: string | null; warning: string | null } | { ok: false; message: string }

const FULL_DIGIT = /[０-９]/
const HALF_DIGIT = /[0-9]/

function fail(message: string): ParsedValue {
  return { ok: false, message }
}

/** Full-width digits and marks to half-width; null when full- and half-width digits are mixed. */
function normaliseWidth(raw: string): string | null {
  if (FULL_DIGIT.test(raw) && HALF_DIGIT.test(raw)) return null
  return raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，]/g, ',')
    .replace(/[％]/g, '%')
    .replace(/[：∶]/g, ':')
    .replace(/\s+/g, '')
}

/** "24,341" → "24341"; a comma that is not a thousands separator is an error (null). */
function dropThousands(text: string): string | null {
  if (!text.includes(',')) return text
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : null
}

function stripUnit(text: string, unit: string): string {
  for (const u of [
    unit,
    '万元',
    '亿元',
    '元',
    '平方米',
    '人次',
    '人',
    '所',
    '个',
    '名',
    '册',
    '套',
    '间',
    '起',
    '件',
    '亩',
  ]) {
    if (u && text.endsWith(u)) return text.slice(0, -u.length)
  }
  return text
}

const plainNumber = (text: string) => /^\d+(\.\d+)?$/.test(text)

/**
 * Reads what a writer typed into a value field — "99.66%", "１２３", "1,226.9", "1∶21" — into the
 * stored form, or says in Chinese why it cannot. Ranges follow indicators.md: rates 0–100 %,
 * gross rates may pass 100 % with a warning above 130 %, small rates warn above their limit.
 */
export function parseIndicatorValue(indicator: DraftIndicator, raw: string): ParsedValue {
  const trimmed = raw.trim()
  if (trimmed === '') return { ok: true, value: null, warning: null }
  if (indicator.kind === 'text') {
    return trimmed.length > 100
      ? fail('文字太长，请控制在100字以内。')
      : { ok: true, value: trimmed, warning: null }
  }
  const text = normaliseWidth(trimmed)
  if (text === null) return fail('数字中混有全角和半角字符，请统一后再输入。')
  if (text.startsWith('-')) return fail('数值不能为负数。')

  if (indicator.kind === 'ratio') {
    const m = /^(\d+(?:\.\d+)?)(?::|比)(\d+(?:\.\d+)?)$/.exec(text)
    if (!m) return fail('比例请写成“21∶1”或“1∶21”的样子。')
    if (Number(m[1]) <= 0 || Number(m[2]) <= 0) return fail('比例的两个数都应大于0。')
    return { ok: true, value: `${m[1]}:${m[2]}`, warning: null }
  }

  let number =
    indicator.kind === 'percent' ? text.replace(/%$/, '') : stripUnit(text, indicator.unit)
  const withoutThousands = dropThousands(number)
  if (withoutThousands === null) return fail('逗号位置不对：千位分隔符应每三位一个，或者干脆不用。')
  number = withoutThousands
  if ((number.match(/\./g) ?? []).length > 1) return fail('数字中有两个小数点。')
  if (!plainNumber(number))
    return fail(
      `“${trimmed}”不是一个数字，请只填写数字${indicator.kind === 'percent' ? '（可带%）' : ''}。`,
    )
  const value = parseDecimal(number)!
  const n = toNumber(value)

  let warning: string | null = null
  if (indicator.kind === 'percent') {
    if (!indicator.gross && n > 100) return fail('比率应在0—100%之间。')
    if (indicator.gross && n > 130) warning = '毛入学（园）率超过130%，请核对是否输错。'
  }
  if (indicator.kind === 'count' && indicator.integer && value.scale > 0)
    return fail('人数、校数等应为整数。')
  const warnAbove = catalogueOf(indicator)?.warnAbove
  if (warnAbove !== undefined && n > warnAbove)
    warning = `数值超过${warnAbove}${indicator.unit}，偏高，请核对。`
  // Keep the precision typed: "99.60" stays "99.60"; strip only leading zeros.
  return { ok: true, value: number.replace(/^0+(?=\d)/, ''), warning }
}

import {
  add,
  compare,
  divide,
  parseDecimal,
  toText,
  trimmed,
  type Decimal,
} from '../indicators/decimal.ts'
import { catalogueOf, type DraftIndicator } from '../indicators/model.ts'
import { checkFieldValue, type ReturnField, type ReturnPlan } from './plan.ts'

/** One problem with a returned file, for the writer: which file, which cell, what. */
export interface ReturnProblem {
  file: string
  /** "C7", or null for the file as a whole. */
  cell: string | null
  message: string
}

/** What the reader found in one returned file, before any judgement of its values. */
export interface ReturnedFile {
  file: string
  unit: string
  draftId: string
  period: string
  /** Field key → the cell's text (null when blank) and its address. */
  values: ReadonlyMap<string, { text: string | null; cell: string }>
  /** What the reader already refused (a formula in an input cell, a renamed sheet …). */
  problems: ReturnProblem[]
}

export interface RollupExpectation {
  draftId: string
  period: string
  units: readonly string[]
}

export type CellStatus = 'ok' | 'missing' | 'invalid' | 'conflict'

export interface RollupCell {
  status: CellStatus
  /** The value as read (canonical decimal text), when there is one. */
  value: string | null
}

export interface RollupRow {
  unit: string
  /** ok: one good return (or equal copies); missing: none; invalid: its file has problems; conflict: two differing returns. */
  status: CellStatus
  files: string[]
  cells: Map<string, RollupCell>
  /** The unit's own figure per indicator (its rate from its counts), for the table. */
  figures: Map<string, string | null>
}

export interface RollupTotal {
  indicatorId: string
  name: string
  /** The county figure in the draft's stored form ("98.76", "17.2:1"), null if nothing counted. */
  value: string | null
  /** Summed parts of a rate or ratio. */
  numerator: string | null
  denominator: string | null
  /** Units whose returns went into the total. */
  counted: number
  /** True when every unit's return was good. */
  complete: boolean
  warning: string | null
}

export interface Rollup {
  rows: RollupRow[]
  totals: RollupTotal[]
  problems: ReturnProblem[]
}

const ZERO: Decimal = { units: 0n, scale: 0 }

/** The unit's good values by field key, or the problems that make the file unusable. */
function judgeFile(
  plan: ReturnPlan,
  file: ReturnedFile,
  expect: RollupExpectation,
): { values: Map<string, string | null>; problems: ReturnProblem[] } {
  const problems = [...file.problems]
  const values = new Map<string, string | null>()
  const refusedCells = new Set(file.problems.map((p) => p.cell))
  if (file.draftId !== expect.draftId || file.period !== expect.period) {
    problems.push({
      file: file.file,
      cell: null,
      message: `这份表是为“${file.period || '未知时期'}”或另一份报告下发的，不是本次（${expect.period}）的报送表。`,
    })
  }
  for (const field of plan.fields) {
    const got = file.values.get(field.key)
    if (!got) {
      problems.push({ file: file.file, cell: null, message: `表中缺少“${field.name}”这一行。` })
      continue
    }
    if (got.text === null || got.text.trim() === '') {
      values.set(field.key, null)
      if (!refusedCells.has(got.cell))
        problems.push({ file: file.file, cell: got.cell, message: `“${field.name}”没有填写。` })
      continue
    }
    const checked = checkFieldValue(field, got.text)
    if (checked.ok) values.set(field.key, checked.value)
    else {
      values.set(field.key, null)
      problems.push({
        file: file.file,
        cell: got.cell,
        message: `“${field.name}”${checked.message}`,
      })
    }
  }
  return { values, problems }
}

function sameValues(a: Map<string, string | null>, b: Map<string, string | null>): boolean {
  for (const [k, v] of a) if (b.get(k) !== v) return false
  return a.size === b.size
}

function decimalsOf(ind: DraftIndicator, fallback: number): number {
  return ind.decimals ?? fallback
}

/** The figure a set of parts makes: a percent (×100) or a ratio "n:1". */
function figureFromParts(
  ind: DraftIndicator,
  numerator: Decimal,
  denominator: Decimal,
): string | null {
  if (denominator.units === 0n) return null
  if (ind.kind === 'percent')
    return toText(divide(numerator, denominator, decimalsOf(ind, 2), 100n))
  if (ind.kind === 'ratio')
    return `${toText(trimmed(divide(numerator, denominator, decimalsOf(ind, 1))))}:1`
  // 生均 figures: per student, to two places.
  return toText(divide(numerator, denominator, decimalsOf(ind, 2)))
}

function rangeWarning(ind: DraftIndicator, value: string | null): string | null {
  if (value === null || ind.kind !== 'percent') return null
  const v = parseDecimal(value)
  if (!v) return null
  const warnAbove = catalogueOf(ind)?.warnAbove
  if (!ind.gross && compare(v, { units: 100n, scale: 0 }) > 0) {
    return `算出的${ind.name}超过了100%，分子大于分母，请核对各单位填报的数。`
  }
  if (ind.gross && compare(v, { units: 130n, scale: 0 }) > 0) {
    return `算出的${ind.name}超过了130%，很可能有单位填错了。`
  }
  if (warnAbove !== undefined && compare(v, { units: BigInt(warnAbove), scale: 0 }) > 0) {
    return `算出的${ind.name}超过了${warnAbove}%，请核对。`
  }
  return null
}

/**
 * Adds up the returns of one round: counts and money summed exactly, rates and ratios
 * recomputed from the summed parts. A unit with two differing returns, or a return with any
 * problem, is marked and left out of the totals; one linear pass over the files and fields.
 */
export function rollUp(
  plan: ReturnPlan,
  indicators: readonly DraftIndicator[],
  files: readonly ReturnedFile[],
  expect: RollupExpectation,
): Rollup {
  const problems: ReturnProblem[] = []
  const byUnit = new Map<string, { files: string[]; judged: ReturnType<typeof judgeFile>[] }>()
  for (const u of expect.units) byUnit.set(u, { files: [], judged: [] })
  for (const file of files) {
    const slot = byUnit.get(file.unit)
    if (!slot) {
      problems.push({
        file: file.file,
        cell: null,
        message: `填报单位“${file.unit || '（空）'}”不在本次下发的名单中，未汇总。`,
      })
      continue
    }
    const judged = judgeFile(plan, file, expect)
    problems.push(...judged.problems)
    slot.files.push(file.file)
    slot.judged.push(judged)
  }

  const byIndicator = new Map<string, ReturnField[]>()
  for (const f of plan.fields) {
    const list = byIndicator.get(f.indicatorId)
    if (list) list.push(f)
    else byIndicator.set(f.indicatorId, [f])
  }
  const rows: RollupRow[] = []
  const sums = new Map<string, Decimal>()
  for (const f of plan.fields) sums.set(f.key, ZERO)
  let counted = 0
  for (const [unit, slot] of byUnit) {
    const cells = new Map<string, RollupCell>()
    let status: CellStatus = 'ok'
    let good: Map<string, string | null> | null = null
    if (slot.judged.length === 0) status = 'missing'
    else if (slot.judged.some((j) => j.problems.length > 0)) status = 'invalid'
    else {
      good = slot.judged[0]!.values
      if (slot.judged.some((j) => !sameValues(j.values, good!))) {
        status = 'conflict'
        good = null
        problems.push({
          file: slot.files.join('、'),
          cell: null,
          message: `“${unit}”交来了 ${slot.files.length} 份数值不同的报送表，请确认哪一份为准后只保留一份。`,
        })
      }
    }
    const shown = slot.judged[0]?.values
    for (const f of plan.fields) {
      const value = good ? (good.get(f.key) ?? null) : (shown?.get(f.key) ?? null)
      cells.set(f.key, { status, value })
    }
    if (good) {
      counted += 1
      for (const f of plan.fields) {
        const d = parseDecimal(good.get(f.key) ?? '0')!
        sums.set(f.key, add(sums.get(f.key)!, d))
      }
    }
    rows.push({
      unit,
      status,
      files: slot.files,
      cells,
      figures: unitFigures(byIndicator, indicators, cells),
    })
  }

  const complete = counted === expect.units.length
  const totals: RollupTotal[] = []
  for (const ind of indicators) {
    const fields = byIndicator.get(ind.id)
    if (!fields) continue
    const total = (role: ReturnField['role']) => {
      const f = fields.find((x) => x.role === role)
      return f ? sums.get(f.key)! : null
    }
    const num = total('numerator')
    const den = total('denominator')
    const value =
      counted === 0
        ? null
        : num && den
          ? figureFromParts(ind, num, den)
          : toText(trimmed(total('value')!))
    totals.push({
      indicatorId: ind.id,
      name: ind.name,
      value,
      numerator: num && counted ? toText(num) : null,
      denominator: den && counted ? toText(den) : null,
      counted,
      complete,
      warning:
        rangeWarning(ind, value) ??
        (num && den && counted && den.units === 0n
          ? `${ind.name}的分母合计为0，算不出比率。`
          : null),
    })
  }
  return { rows, totals, problems }
}

/** Each unit's own figure, from its own cells; null where a part is missing. */
function unitFigures(
  byIndicator: Map<string, ReturnField[]>,
  indicators: readonly DraftIndicator[],
  cells: Map<string, RollupCell>,
): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const ind of indicators) {
    const fields = byIndicator.get(ind.id)
    if (!fields) continue
    const read = (role: ReturnField['role']) => {
      const f = fields.find((x) => x.role === role)
      const v = f ? cells.get(f.key)?.value : null
      return v ? parseDecimal(v) : null
    }
    const num = read('numerator')
    const den = read('denominator')
    const val = read('value')
    out.set(ind.id, num && den ? figureFromParts(ind, num, den) : val ? toText(val) : null)
  }
  return out
}

import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../../domain/indicators/catalogue.ts'
import { divide, parseDecimal, toText } from '../../../domain/indicators/decimal.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../../../domain/indicators/model.ts'
import { checkFieldValue, planReturn } from '../../../domain/returns/plan.ts'
import { rollUp, type ReturnedFile } from '../../../domain/returns/rollup.ts'

function ind(key: string, extra: Partial<DraftIndicator> = {}): DraftIndicator {
  return { ...indicatorFromCatalogue(catalogueEntry(key)!, `i-${key}`), ...extra }
}

const INDICATORS = [
  ind('primary-students'),
  ind('aid-amount'),
  ind('junior-dropout'),
  ind('primary-pupil-teacher'),
]
const PLAN = planReturn(INDICATORS)
const EXPECT = { draftId: 'd1', period: '2025年', units: ['甲镇', '乙镇', '丙镇'] }

function file(
  name: string,
  unit: string,
  values: Record<string, string | null>,
  extra: Partial<ReturnedFile> = {},
): ReturnedFile {
  const map = new Map<string, { text: string | null; cell: string }>()
  PLAN.fields.forEach((f, i) => {
    if (f.key in values) map.set(f.key, { text: values[f.key]!, cell: `D${i + 5}` })
  })
  return { file: name, unit, draftId: 'd1', period: '2025年', values: map, problems: [], ...extra }
}

// Hand-computed: 甲 pupils 1200, aid 12.3456万元, dropout 3/600, pupils 1200/teachers 70;
// 乙 pupils 845, aid 7.5, dropout 1/400, 845/50.
const JIA = {
  'i-primary-students': '1200',
  'i-aid-amount': '12.3456',
  'i-junior-dropout#n': '3',
  'i-junior-dropout#d': '600',
  'i-primary-pupil-teacher#n': '1200',
  'i-primary-pupil-teacher#d': '70',
}
const YI = {
  'i-primary-students': '845',
  'i-aid-amount': '7.5',
  'i-junior-dropout#n': '1',
  'i-junior-dropout#d': '400',
  'i-primary-pupil-teacher#n': '845',
  'i-primary-pupil-teacher#d': '50',
}

describe('planReturn', () => {
  it('asks for counts and money as themselves and for a rate by its two counts', () => {
    expect(PLAN.fields.map((f) => [f.key, f.name, f.whole])).toEqual([
      ['i-primary-students', '小学在校生数', true],
      ['i-aid-amount', '资助金额', false],
      ['i-junior-dropout#n', '学年内初中辍学学生数', true],
      ['i-junior-dropout#d', '学年初初中在校生数', true],
      ['i-primary-pupil-teacher#n', '小学在校生数', true],
      ['i-primary-pupil-teacher#d', '小学专任教师数', true],
    ])
    expect(PLAN.fields[2]!.definition).toContain('学年内辍学学生数 ÷ 学年初在校生数')
  })

  it('skips a rate whose parts indicators.md does not define, and text', () => {
    const plan = planReturn([ind('inclusive-kindergarten-coverage')])
    expect(plan.fields).toEqual([])
    expect(plan.skipped[0]!.reason).toContain('不能由各单位填报后汇总')
  })

  it('reads only plain numbers within the field’s places', () => {
    const pupils = PLAN.fields[0]!
    const money = PLAN.fields[1]!
    expect(checkFieldValue(pupils, ' 0120 ')).toEqual({ ok: true, value: '120' })
    expect(checkFieldValue(pupils, '12.5')).toMatchObject({ ok: false, message: '应填整数。' })
    expect(checkFieldValue(pupils, '１２')).toMatchObject({ ok: false })
    expect(checkFieldValue(pupils, '1,200')).toMatchObject({ ok: false })
    expect(checkFieldValue(pupils, '-3')).toMatchObject({ ok: false, message: '不能是负数。' })
    expect(checkFieldValue(money, '1226.9125')).toEqual({ ok: true, value: '1226.9125' })
    expect(checkFieldValue(money, '1.23456')).toMatchObject({ ok: false })
  })
})

describe('divide', () => {
  it('rounds half away from zero in integers', () => {
    expect(toText(divide(parseDecimal('4')!, parseDecimal('1000')!, 2, 100n))).toBe('0.40')
    expect(toText(divide(parseDecimal('1')!, parseDecimal('8')!, 2))).toBe('0.13')
    expect(toText(divide(parseDecimal('0.1')!, parseDecimal('0.3')!, 3))).toBe('0.333')
  })
})

describe('rollUp', () => {
  it('sums counts and money exactly and recomputes rates from summed counts', () => {
    const r = rollUp(
      PLAN,
      INDICATORS,
      [file('甲.xlsx', '甲镇', JIA), file('乙.xlsx', '乙镇', YI), file('丙.xlsx', '丙镇', JIA)],
      EXPECT,
    )
    const byId = new Map(r.totals.map((t) => [t.indicatorId, t]))
    expect(r.problems).toEqual([])
    expect(byId.get('i-primary-students')!.value).toBe('3245') // 1200+845+1200
    expect(byId.get('i-aid-amount')!.value).toBe('32.1912') // 12.3456+7.5+12.3456, no float error
    // 7/1600 = 0.4375 % → 0.44; the average of unit rates (0.5, 0.25, 0.5) would give 0.42.
    expect(byId.get('i-junior-dropout')!).toMatchObject({
      value: '0.44',
      numerator: '7',
      denominator: '1600',
      complete: true,
      counted: 3,
    })
    // 3245/190 = 17.0789… → 17.1:1
    expect(byId.get('i-primary-pupil-teacher')!.value).toBe('17.1:1')
    expect(r.rows[1]!.figures.get('i-junior-dropout')).toBe('0.25')
    expect(r.rows[1]!.figures.get('i-primary-pupil-teacher')).toBe('16.9:1')
  })

  it('marks a missing unit and leaves it out of an incomplete total', () => {
    const r = rollUp(
      PLAN,
      INDICATORS,
      [file('甲.xlsx', '甲镇', JIA), file('乙.xlsx', '乙镇', YI)],
      EXPECT,
    )
    expect(r.rows.map((row) => row.status)).toEqual(['ok', 'ok', 'missing'])
    const t = r.totals.find((x) => x.indicatorId === 'i-primary-students')!
    expect(t).toMatchObject({ value: '2045', complete: false, counted: 2 })
  })

  it('marks a return with a bad or blank value invalid, names the cell, applies nothing from it', () => {
    const bad = { ...YI, 'i-primary-students': '八百', 'i-aid-amount': null }
    const r = rollUp(
      PLAN,
      INDICATORS,
      [file('甲.xlsx', '甲镇', JIA), file('乙.xlsx', '乙镇', bad)],
      EXPECT,
    )
    expect(r.rows[1]!.status).toBe('invalid')
    expect(r.problems).toEqual([
      {
        file: '乙.xlsx',
        cell: 'D5',
        message: '“小学在校生数”“八百”不是一个数。请只填数字，不要带单位或文字。',
      },
      { file: '乙.xlsx', cell: 'D6', message: '“资助金额”没有填写。' },
    ])
    // Only 甲's dropout counts: 3/600 = 0.5 %.
    expect(r.totals.find((x) => x.indicatorId === 'i-junior-dropout')!.value).toBe('0.50')
    expect(r.totals.find((x) => x.indicatorId === 'i-primary-students')!.value).toBe('1200')
  })

  it('marks two differing returns of one unit as a conflict; equal copies are fine', () => {
    const other = { ...JIA, 'i-primary-students': '1201' }
    const r = rollUp(
      PLAN,
      INDICATORS,
      [
        file('甲.xlsx', '甲镇', JIA),
        file('甲(1).xlsx', '甲镇', other),
        file('乙.xlsx', '乙镇', YI),
        file('乙副本.xlsx', '乙镇', YI),
      ],
      EXPECT,
    )
    expect(r.rows.map((row) => row.status)).toEqual(['conflict', 'ok', 'missing'])
    expect(r.problems[0]!.message).toContain('“甲镇”交来了 2 份数值不同的报送表')
    expect(r.totals.find((x) => x.indicatorId === 'i-primary-students')!.value).toBe('845')
  })

  it('refuses a return of another period or draft, and a unit not on the list', () => {
    const r = rollUp(
      PLAN,
      INDICATORS,
      [file('甲.xlsx', '甲镇', JIA, { period: '2024年' }), file('丁.xlsx', '丁镇', JIA)],
      EXPECT,
    )
    expect(r.rows[0]!.status).toBe('invalid')
    expect(r.problems.map((p) => p.message)).toEqual([
      '这份表是为“2024年”或另一份报告下发的，不是本次（2025年）的报送表。',
      '填报单位“丁镇”不在本次下发的名单中，未汇总。',
    ])
    expect(r.totals[0]!.value).toBeNull()
  })

  it('warns when summed counts make a net rate above 100 %', () => {
    const wrong = { ...JIA, 'i-junior-dropout#n': '700' }
    const r = rollUp(PLAN, INDICATORS, [file('甲.xlsx', '甲镇', wrong)], {
      ...EXPECT,
      units: ['甲镇'],
    })
    const t = r.totals.find((x) => x.indicatorId === 'i-junior-dropout')!
    expect(t.value).toBe('116.67')
    expect(t.warning).toContain('超过了100%')
  })
})

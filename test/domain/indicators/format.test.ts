import { describe, expect, it } from 'vitest'

import { CATALOGUE, catalogueEntry } from '../../../domain/indicators/catalogue.ts'
import {
  compareWithLastYear,
  formatValue,
  indicatorTableRows,
  referenceText,
} from '../../../domain/indicators/format.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../../../domain/indicators/model.ts'
import { parseIndicatorValue } from '../../../domain/indicators/parse-value.ts'

function ind(
  key: string,
  current: string | null,
  previous: string | null,
  extra: Partial<DraftIndicator> = {},
) {
  return { ...indicatorFromCatalogue(catalogueEntry(key)!, key), current, previous, ...extra }
}

describe('formatting and comparison, kind by kind', () => {
  it.each([
    // kind: percent
    ['retention-9y', '99.66', '99.14', '99.66%', '比上年提高0.52个百分点'],
    ['retention-9y', '98.9', '99.14', '98.9%', '比上年下降0.24个百分点'],
    ['retention-9y', '99.6', '99.60', '99.6%', '与上年持平'],
    ['junior-dropout', '0.04', '0.3', '0.04%', '比上年下降0.26个百分点'],
    ['preschool-3y-gross', '105.27', '98.5', '105.27%', '比上年提高6.77个百分点'],
    // kind: count
    ['primary-students', '24341', '23669', '24341人', '比上年增加672人（增长2.8%）'],
    ['kindergartens', '59', '71', '59所', '比上年减少12所（下降16.9%）'],
    ['kindergartens', '59', '59', '59所', '与上年持平'],
    ['oversized-classes', '3', '10', '3个', '比上年减少7个（下降70%）'],
    ['teachers', '120', '0', '120人', '比上年增加120人'],
    // kind: money
    ['education-funding', '1226.9125', '965.9', '1226.9125万元', '比上年增加261.0125万元，增长27%'],
    ['aid-amount', '300', '350.5', '300万元', '比上年减少50.5万元，下降14.4%'],
    // kind: area
    ['dilapidated-area', '3680', '5200', '3680平方米', '比上年减少1520平方米（下降29.2%）'],
    // kind: ratio
    ['primary-pupil-teacher', '21:1', '22:1', '21∶1', '上年为22∶1'],
    ['junior-pupil-teacher', '13:1', '13:1', '13∶1', '与上年持平'],
  ])('%s %s vs %s → %s, %s', (key, cur, prev, value, sentence) => {
    const i = ind(key, cur, prev)
    expect(formatValue(i)).toBe(value)
    expect(compareWithLastYear(i)).toEqual({ ok: true, text: sentence })
    expect(referenceText(i, 'value-compare')).toBe(`${value}，${sentence}`)
    expect(referenceText(i, 'compare')).toBe(sentence)
  })

  it('never writes 提高 for a figure that fell, whatever the kind', () => {
    for (const entry of CATALOGUE.filter((e) => e.kind !== 'ratio' && e.kind !== 'text')) {
      const text = compareWithLastYear({
        ...indicatorFromCatalogue(entry, 'x'),
        current: '5',
        previous: '6',
      })
      expect(text.ok && text.text).toMatch(/下降|减少/)
      expect(text.ok && text.text).not.toMatch(/提高|增加|增长/)
    }
  })

  it('writes 百分点 for rates, never % or 百分比', () => {
    const text = compareWithLastYear(ind('retention-9y', '99', '98'))
    expect(text).toEqual({ ok: true, text: '比上年提高1个百分点' })
  })

  it('falls back to the value when last year is missing, and says why', () => {
    const i = ind('retention-9y', '99.66', null)
    expect(compareWithLastYear(i)).toEqual({ ok: false, reason: '缺少上年数值，无法写同比。' })
    expect(referenceText(i, 'value-compare')).toBe('99.66%')
    expect(referenceText(i, 'compare')).toBe('99.66%')
    expect(referenceText(ind('retention-9y', null, '99'), 'value')).toBeNull()
  })

  it('rounds at the edges when decimals are set, and compares at the shown precision', () => {
    expect(formatValue(ind('retention-9y', '99.995', null, { decimals: 2 }))).toBe('100.00%')
    expect(formatValue(ind('retention-9y', '99.994', null, { decimals: 2 }))).toBe('99.99%')
    expect(formatValue(ind('retention-9y', '99.66', null, { decimals: 0 }))).toBe('100%')
    expect(compareWithLastYear(ind('retention-9y', '99.664', '99.66', { decimals: 2 }))).toEqual({
      ok: true,
      text: '与上年持平',
    })
    expect(compareWithLastYear(ind('retention-9y', '99.995', '99.99', { decimals: 2 }))).toEqual({
      ok: true,
      text: '比上年提高0.01个百分点',
    })
  })

  it('keeps the precision a value was typed with', () => {
    expect(formatValue(ind('retention-9y', '99.60', null))).toBe('99.60%')
  })

  it('gives the appendix table rows', () => {
    expect(
      indicatorTableRows([ind('retention-9y', '99.66', '99.14'), ind('kindergartens', '59', null)]),
    ).toEqual([
      {
        name: '九年义务教育巩固率',
        unit: '%',
        current: '99.66',
        previous: '99.14',
        change: '提高0.52个百分点',
      },
      { name: '幼儿园数', unit: '所', current: '59', previous: '—', change: '—' },
    ])
  })
})

describe('reading what writers type', () => {
  it.each([
    ['retention-9y', '99.66%', '99.66'],
    ['retention-9y', '９９．６６', '99.66'],
    ['retention-9y', ' 99.66 ％ ', '99.66'],
    ['primary-students', '24,341', '24341'],
    ['primary-students', '24341人', '24341'],
    ['primary-students', '１２３', '123'],
    ['education-funding', '1,226.9125', '1226.9125'],
    ['education-funding', '1226.9万元', '1226.9'],
    ['primary-pupil-teacher', '21∶1', '21:1'],
    ['primary-pupil-teacher', '1:21', '1:21'],
    ['primary-pupil-teacher', '1：21', '1:21'],
    ['retention-9y', '', null],
  ])('%s: %j → %j', (key, raw, value) => {
    expect(parseIndicatorValue(ind(key, null, null), raw)).toMatchObject({ ok: true, value })
  })

  it.each([
    ['retention-9y', 'abc', /不是一个数字/],
    ['retention-9y', '99.6.6', /两个小数点/],
    ['retention-9y', '9９.66', /混有全角和半角/],
    ['retention-9y', '101', /0—100%/],
    ['retention-9y', '-3', /负数/],
    ['primary-students', '7x人次', /不是一个数字/],
    ['primary-students', '24341.5', /整数/],
    ['primary-students', '2,43,41', /千位分隔符/],
    ['primary-pupil-teacher', '21', /21∶1/],
    ['primary-pupil-teacher', '0:21', /大于0/],
  ])('%s: %j is refused', (key, raw, message) => {
    const result = parseIndicatorValue(ind(key, null, null), raw)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
  })

  it('lets a gross rate pass 100 % and warns above 130 %', () => {
    expect(parseIndicatorValue(ind('preschool-3y-gross', null, null), '105.27')).toEqual({
      ok: true,
      value: '105.27',
      warning: null,
    })
    const high = parseIndicatorValue(ind('preschool-3y-gross', null, null), '150')
    expect(high).toMatchObject({ ok: true, value: '150' })
    expect(high.ok && high.warning).toMatch(/130%/)
  })

  it('warns when a dropout rate is above 5 %', () => {
    const result = parseIndicatorValue(ind('junior-dropout', null, null), '6.2')
    expect(result.ok && result.warning).toMatch(/偏高/)
  })
})

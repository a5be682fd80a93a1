import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../../../../domain/indicators/model.ts'
import { planReturn, returnRound } from '../../../../domain/returns/plan.ts'
import {
  fillReturnSheet,
  readReturnSheet,
  writeReturnSheet,
} from '../../../../electron/services/returns/return-sheet.ts'

// The county asks; its indicator ids mean nothing in the township's draft.
const COUNTY = ['primary-students', 'aid-amount', 'junior-dropout', 'primary-pupil-teacher'].map(
  (k) => indicatorFromCatalogue(catalogueEntry(k)!, `county-${k}`),
)
const ROUND = returnRound(
  { id: 'county-draft', meta: { year: 2026, unit: '某县教育局' } as never },
  planReturn(COUNTY).fields,
)

const own = (key: string, current: string, patch: Partial<DraftIndicator> = {}) => ({
  ...indicatorFromCatalogue(catalogueEntry(key)!, `town-${key}`),
  current,
  ...patch,
})

describe('a township fills the 报送表 it received from its own draft', () => {
  it('fills empty inputs by name and unit, keeps what was typed, and leaves the rest for the writer', async () => {
    const sent = await writeReturnSheet(ROUND, '甲镇')
    // The township already typed its teachers by hand.
    const typed = new ExcelJS.Workbook()
    await typed.xlsx.load(sent as never)
    typed.worksheets[0]!.getCell(11, 5).value = 65
    const received = Buffer.from(await typed.xlsx.writeBuffer())

    const result = await fillReturnSheet('甲镇-报送表.xlsx', received, [
      own('primary-students', '1200'),
      own('aid-amount', '35.5'),
      // A rate is not one of the counts it is made of: never written into them.
      own('junior-dropout', '0.3'),
    ])
    expect(result.filled).toEqual([
      '小学在校生数：1200人',
      '资助金额：35.5万元',
      '小学在校生数：1200人',
    ])
    expect(result.missing).toEqual(['学年内初中辍学学生数', '学年初初中在校生数'])
    expect(result.kept).toEqual(['小学专任教师数'])

    // The county reads it as any return.
    const read = await readReturnSheet('甲镇-报送表.xlsx', result.bytes)
    expect(read.problems).toEqual([])
    expect(read.unit).toBe('甲镇')
    expect(read.draftId).toBe('county-draft')
    expect([...read.values].map(([k, v]) => [k, v.text])).toEqual([
      ['county-primary-students', '1200'],
      ['county-aid-amount', '35.5'],
      ['county-junior-dropout#n', null],
      ['county-junior-dropout#d', null],
      ['county-primary-pupil-teacher#n', '1200'],
      ['county-primary-pupil-teacher#d', '65'],
    ])
    // Written back as it came: protected, validated, keys hidden.
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(result.bytes as never)
    const ws = book.worksheets[0]!
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true)
    expect(ws.getCell(6, 5).dataValidation?.type).toBe('whole')
    expect(ws.getCell(6, 5).protection?.locked).toBe(false)
    expect(book.getWorksheet('caogao')?.state).toBe('veryHidden')
  })

  it('matches names by catalogue aliases and spaces, never across units', async () => {
    const sent = await writeReturnSheet(ROUND, '乙镇')
    const result = await fillReturnSheet('乙镇-报送表.xlsx', sent, [
      { ...own('primary-students', '980'), name: '小学 在校生' },
      // 元, not 万元: not the same figure.
      own('aid-amount', '355000', { unit: '元' }),
    ])
    expect(result.filled).toEqual(['小学在校生数：980人', '小学在校生数：980人'])
    expect(result.missing).toContain('资助金额')
  })

  it('refuses a file that is not one of our sheets, with a message', async () => {
    const other = new ExcelJS.Workbook()
    other.addWorksheet('Sheet1').getCell('A1').value = '别处的统计表'
    const bytes = Buffer.from(await other.xlsx.writeBuffer())
    await expect(fillReturnSheet('统计表.xlsx', bytes, [])).rejects.toThrow('不是草稿下发的报送表')
  })
})

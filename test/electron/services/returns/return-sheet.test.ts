import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'
import { planReturn } from '../../../../domain/returns/plan.ts'
import { rollUp } from '../../../../domain/returns/rollup.ts'
import { JobRunner } from '../../../../electron/services/jobs/job-runner.ts'
import {
  readReturnSheet,
  returnFileName,
  SHEET_NAME,
  writeReturnSheet,
  type ReturnRound,
} from '../../../../electron/services/returns/return-sheet.ts'

const INDICATORS = [
  'primary-students',
  'aid-amount',
  'junior-dropout',
  'primary-pupil-teacher',
].map((k) => indicatorFromCatalogue(catalogueEntry(k)!, `i-${k}`))
const PLAN = planReturn(INDICATORS)
const ROUND: ReturnRound = {
  draftId: 'draft-1',
  period: '2025年',
  office: '某县教育局',
  fields: PLAN.fields,
}
const UNITS = ['甲镇', '乙镇', '丙镇', '丁镇']
// LibreOffice reads .xlsx only with its Calc part (libreoffice-calc or -calc-nogui).
const HAS_CALC = existsSync('/usr/lib/libreoffice/program/libsclo.so')
if (!HAS_CALC)
  console.log('skipped: LibreOffice Calc is not installed, the 报送表 is not opened by it')

const EXPECT = { draftId: 'draft-1', period: '2025年', units: UNITS }

/** Types values into the input cells the way a township would, through exceljs. */
async function fill(
  bytes: Buffer,
  values: (string | number | ExcelJS.CellFormulaValue)[],
  edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  const ws = wb.getWorksheet(SHEET_NAME)!
  values.forEach((v, i) => {
    ws.getCell(6 + i, 5).value = v
  })
  edit?.(ws, wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('报送表 written', () => {
  it('names files as exports are named', () => {
    expect(returnFileName('甲镇')).toBe('甲镇-报送表.xlsx')
    expect(returnFileName('城关镇/中心校')).toBe('城关镇中心校-报送表.xlsx')
    expect(returnFileName('..')).toBe('单位-报送表.xlsx')
  })

  it('fills unit and period, locks all but the inputs, validates inputs, hides the keys', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeReturnSheet(ROUND, '甲镇')) as never)
    const ws = wb.getWorksheet(SHEET_NAME)!
    expect(ws.getCell('B2').value).toBe('甲镇')
    expect(ws.getCell('D2').value).toBe('2025年')
    expect(ws.getCell('B8').value).toBe('学年内初中辍学学生数')
    expect(ws.getCell('E6').protection?.locked).toBe(false)
    expect(ws.getCell('D6').protection?.locked).not.toBe(false)
    expect(ws.getCell('E6').dataValidation).toMatchObject({ type: 'whole', operator: 'between' })
    expect(ws.getCell('E6').dataValidation.allowBlank).not.toBe(true)
    expect(ws.getCell('E7').dataValidation).toMatchObject({ type: 'decimal' })
    expect(ws.getColumn(6).hidden).toBe(true)
    expect(ws.getCell('F8').value).toBe('i-junior-dropout#n')
    expect(wb.getWorksheet('caogao')!.state).toBe('veryHidden')
    const xml = ws as unknown as { sheetProtection?: { sheet?: boolean } }
    expect(xml.sheetProtection?.sheet).toBe(true)
  })
})

describe('报送表 read back and rolled up', () => {
  it('reads filled sheets, marks each mistake with file and cell, and totals the good ones', async () => {
    const sheet = (unit: string) => writeReturnSheet(ROUND, unit)
    const good1 = await fill(await sheet('甲镇'), [1200, 12.3456, 3, 600, 1200, 70])
    const good2 = await fill(await sheet('乙镇'), [845, '7.5', 1, 400, 845, 50], (ws) => {
      ws.name = '乙镇数据' // a renamed sheet is found again by its keys
    })
    const textAndFormula = await fill(await sheet('丙镇'), [
      '八百',
      { formula: '1+2', result: 3 },
      0,
      1,
      2,
      3,
    ])
    const wrongUnit = await fill(await sheet('丁镇'), [1, 1, 1, 1, 1, 1], (ws) => {
      ws.getCell('B2').value = '戊镇'
    })
    const otherRound = await fill(
      await writeReturnSheet({ ...ROUND, period: '2024年' }, '丁镇'),
      [1, 1, 1, 1, 1, 1],
    )
    const read = await Promise.all([
      readReturnSheet('甲镇-报送表.xlsx', good1),
      readReturnSheet('乙镇-报送表.xlsx', good2),
      readReturnSheet('丙镇-报送表.xlsx', textAndFormula),
      readReturnSheet('丁镇-报送表.xlsx', wrongUnit),
      readReturnSheet('丁镇旧表.xlsx', otherRound),
    ])
    const r = rollUp(PLAN, INDICATORS, read, EXPECT)
    expect(r.rows.map((row) => [row.unit, row.status])).toEqual([
      ['甲镇', 'ok'],
      ['乙镇', 'ok'],
      ['丙镇', 'invalid'],
      ['丁镇', 'invalid'],
    ])
    expect(r.problems).toEqual([
      { file: '丙镇-报送表.xlsx', cell: 'E7', message: expect.stringContaining('公式') },
      {
        file: '丙镇-报送表.xlsx',
        cell: 'E6',
        message: expect.stringContaining('“八百”不是一个数'),
      },
      { file: '丁镇-报送表.xlsx', cell: 'B2', message: expect.stringContaining('“戊镇”') },
      { file: '丁镇旧表.xlsx', cell: null, message: expect.stringContaining('2024年') },
    ])
    const total = (id: string) => r.totals.find((t) => t.indicatorId === id)!
    expect(total('i-primary-students')).toMatchObject({ value: '2045', complete: false })
    expect(total('i-aid-amount').value).toBe('19.8456')
    // (3+1)/(600+400) = 0.40 %
    expect(total('i-junior-dropout').value).toBe('0.40')
    // 2045/120 = 17.04 → 17.0 → "17:1"
    expect(total('i-primary-pupil-teacher').value).toBe('17:1')
  })

  it('refuses a file that is not one of its sheets, and a damaged one', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').getCell('A1').value = 1
    const foreign = await readReturnSheet('别人的表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    expect(foreign.problems[0]!.message).toContain('不是草稿下发的报送表')
    const junk = await readReturnSheet('坏.xlsx', Buffer.from('not a zip at all'))
    expect(junk.problems[0]!.message).toContain('不是一个能打开的 Excel')
  })

  it('refuses a zip bomb before unpacking it', async () => {
    // One entry that inflates far past the expanded-size limit, declared small.
    const huge = deflateRawSync(Buffer.alloc(210 * 1024 * 1024))
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(huge.length, 18)
    local.writeUInt32LE(1000, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(huge.length, 20)
    central.writeUInt32LE(1000, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(0, 42)
    const dirOffset = local.length + name.length + huge.length
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(central.length + name.length, 12)
    end.writeUInt32LE(dirOffset, 16)
    const bomb = Buffer.concat([local, name, huge, central, name, end])
    const read = await readReturnSheet('炸弹.xlsx', bomb)
    expect(read.problems[0]!.message).toContain('解压后超过了')
  })

  it('refuses a sheet with more rows than the cap', async () => {
    const bytes = await fill(await writeReturnSheet(ROUND, '甲镇'), [], (ws) => {
      for (let r = 10; r < 2100; r++) ws.getCell(r, 1).value = r
    })
    const read = await readReturnSheet('长.xlsx', bytes)
    expect(read.problems[0]!.message).toContain('行数太多')
  })

  it.skipIf(!HAS_CALC)(
    'opens cleanly in LibreOffice as an independent reader',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'returns-lo-'))
      const path = join(dir, returnFileName('甲镇'))
      writeFileSync(
        path,
        await fill(await writeReturnSheet(ROUND, '甲镇'), [1200, 12.3456, 3, 600, 1200, 70]),
      )
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76', // comma, quote, UTF-8
          '--outdir',
          dir,
          path,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      )
      const csv = readFileSync(join(dir, '甲镇-报送表.csv'), 'utf8')
      expect(csv).toContain('甲镇')
      expect(csv).toContain('学年内初中辍学学生数')
      expect(csv).toMatch(/资助金额,万元,[^\n]*,12\.3456/)
    },
    180_000,
  )
})

describe('报送表 jobs in the worker', () => {
  it('writes the sheets and reads them back in a worker thread', async () => {
    const runner = new JobRunner()
    const made = await runner.run({ kind: 'returns-make', round: ROUND, units: ['甲镇', '乙镇'] })
    expect(made.map((m) => m.fileName)).toEqual(['甲镇-报送表.xlsx', '乙镇-报送表.xlsx'])
    const filled = await fill(Buffer.from(made[0]!.bytes), [1, 2, 3, 4, 5, 6])
    const read = await runner.run({
      kind: 'returns-read',
      files: [{ name: '甲镇-报送表.xlsx', bytes: new Uint8Array(filled) }],
    })
    expect(read[0]).toMatchObject({ unit: '甲镇', period: '2025年', problems: [] })
    expect(read[0]!.values[5]).toEqual(['i-primary-pupil-teacher#d', { text: '6', cell: 'E11' }])
  })
})

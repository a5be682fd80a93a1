import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { draftFromTemplate, newDraftFile } from '../../../domain/draft/new-draft.ts'
import { catalogueEntry } from '../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../domain/indicators/model.ts'

const bin = join(import.meta.dirname, '../../../bin/caogao.js')
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })

async function fill(path: string, values: number[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  values.forEach((v, i) => {
    wb.worksheets[0]!.getCell(6 + i, 5).value = v
  })
  await wb.xlsx.writeFile(path)
}

/** Every row's cell values, as Excel holds them. */
async function sheetRows(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const rows: unknown[][] = []
  wb.worksheets[0]!.eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .filter((v, i, all) => !(i > 0 && v === all[0] && row.number === 1)),
    )
  })
  return rows
}

describe('caogao sheet and caogao rollup', () => {
  it('writes sheets per unit, then rolls returns up into the draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), '报送 '))
    const content = draftFromTemplate({
      kind: 'annual',
      topic: '',
      unit: '某某县教育局',
      year: 2026,
    })
    content.indicators = ['primary-students', 'junior-dropout'].map((k) =>
      indicatorFromCatalogue(catalogueEntry(k)!, `i-${k}`),
    )
    const draftPath = join(dir, '总结.json')
    writeFileSync(
      draftPath,
      JSON.stringify(newDraftFile(content, '0b7d8f0e-3f8a-4b6e-9a51-1d2c3e4f5a6b', new Date())),
    )
    const sheets = join(dir, '报送表')
    const made = run(['sheet', draftPath, '--units', '甲镇,乙镇', '-o', sheets])
    expect(made.status, made.stderr).toBe(0)
    expect(readdirSync(sheets).sort()).toEqual(['乙镇-报送表.xlsx', '甲镇-报送表.xlsx'])

    await fill(join(sheets, '甲镇-报送表.xlsx'), [1000, 2, 500])
    await fill(join(sheets, '乙镇-报送表.xlsx'), [800, 3, 700])
    const tablePath = join(dir, '汇总表.xlsx')
    const summed = run([
      'rollup',
      draftPath,
      join(sheets, '甲镇-报送表.xlsx'),
      join(sheets, '乙镇-报送表.xlsx'),
      '--table',
      tablePath,
      '--appendix',
    ])
    expect(summed.status, summed.stderr).toBe(0)
    expect(summed.stdout).toContain('初中年辍学率：0.42（2 个单位）')
    const draft = JSON.parse(readFileSync(draftPath, 'utf8')) as {
      indicators: { current: string }[]
      meta: { unitTable?: { title: string; rows: string[][] } }
    }
    expect(draft.meta.unitTable?.rows.at(-1)).toEqual(['合计', '1800', '0.42'])
    expect(draft.indicators.map((i) => i.current)).toEqual(['1800', '0.42'])
    expect(readdirSync(dir)).toContain('总结-汇总前.json')

    // The table of units and the total, numbers as numbers for Excel.
    expect(summed.stdout).toContain('汇总表已保存为：')
    expect(await sheetRows(tablePath)).toEqual([
      ['2026年各乡镇（学校）主要指标统计表'],
      ['单位', '小学在校生数（人）', '初中年辍学率（%）'],
      ['甲镇', 1000, 0.4],
      ['乙镇', 800, 0.43],
      ['合计', 1800, 0.42],
    ])

    // A return with text in a number cell: listed with its cell, exit 1.
    const bad = join(sheets, '乙镇-报送表.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(bad)
    wb.worksheets[0]!.getCell('E6').value = '八百'
    await wb.xlsx.writeFile(bad)
    const out = join(dir, '新.json')
    const broken = run(['rollup', draftPath, join(sheets, '甲镇-报送表.xlsx'), bad, '-o', out])
    expect(broken.status).toBe(1)
    expect(broken.stdout).toContain('乙镇-报送表.xlsx E6：“小学在校生数”“八百”不是一个数')
    // A unit left out of the totals says why in the table, never a blank that reads as 0.
    const brokenTable = join(dir, '汇总表2.xlsx')
    run([
      'rollup',
      draftPath,
      join(sheets, '甲镇-报送表.xlsx'),
      bad,
      '-o',
      out,
      '--table',
      brokenTable,
    ])
    expect((await sheetRows(brokenTable)).slice(2)).toEqual([
      ['甲镇', 1000, 0.4],
      ['乙镇', '有误', '有误'],
      ['合计', 1000, 0.4],
    ])
    // Not a table file: refused before anything is written.
    const wrong = run(['rollup', draftPath, bad, '--table', join(dir, '表.docx')])
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('汇总表文件应以 .xlsx 结尾')
  }, 60_000)
})

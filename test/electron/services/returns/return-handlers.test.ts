import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { DraftFile } from '../../../../domain/draft/draft.ts'
import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'
import { realDispatch } from '../real-handlers.ts'

let env: Awaited<ReturnType<typeof realDispatch>>
beforeEach(async () => {
  env = await realDispatch()
})
afterEach(() => env.dispose())

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await env.dispatch(method as never, input as never)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

async function draftWithIndicators(): Promise<DraftFile> {
  const { id } = await call<{ id: string }>('createDraft', {
    kind: 'annual',
    topic: '',
    unit: '某某县教育局',
    year: 2026,
  })
  const { draft } = await call<{ draft: DraftFile }>('openDraft', { id })
  const indicators = ['primary-students', 'junior-dropout', 'inclusive-kindergarten-coverage'].map(
    (k) => indicatorFromCatalogue(catalogueEntry(k)!, `i-${k}`),
  )
  const { meta, body, ignoredFindings } = draft
  await call('saveDraft', {
    id,
    baseRevision: draft.revision,
    content: { meta, body, ignoredFindings, indicators },
  })
  return (await call<{ draft: DraftFile }>('openDraft', { id })).draft
}

async function filled(path: string, values: number[]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]!
  values.forEach((v, i) => {
    ws.getCell(6 + i, 5).value = v
  })
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

describe('makeReturnSheets and rollUpReturns', () => {
  it('writes a sheet per unit, keeps the unit list, and rolls the returns up', async () => {
    const draft = await draftWithIndicators()
    const made = await call<{ status: string; dir: string; files: string[]; skipped: unknown[] }>(
      'makeReturnSheets',
      {
        id: draft.id,
        indicatorIds: draft.indicators.map((i) => i.id),
        units: ['甲镇', '乙镇', ' 甲镇 ', '丙镇'],
      },
    )
    expect(made).toMatchObject({
      status: 'saved',
      files: ['甲镇-报送表.xlsx', '乙镇-报送表.xlsx', '丙镇-报送表.xlsx'],
      skipped: [{ name: '普惠性幼儿园覆盖率' }],
    })
    expect((await readdir(made.dir)).sort()).toEqual(made.files.slice().sort())
    expect((await call<{ returnUnits: string[] }>('getSettings', {})).returnUnits).toEqual([
      '甲镇',
      '乙镇',
      '丙镇',
    ])

    const jia = await filled(join(made.dir, made.files[0]!), [1000, 2, 500])
    const yi = await filled(join(made.dir, made.files[1]!), [800, 3, 700])
    const { rollup } = await call<{
      rollup: { rows: { status: string }[]; totals: unknown[]; problems: unknown[] }
    }>('rollUpReturns', {
      id: draft.id,
      units: ['甲镇', '乙镇', '丙镇'],
      files: [
        { fileName: '甲镇-报送表.xlsx', data: jia },
        { fileName: '乙镇-报送表.xlsx', data: yi },
        {
          fileName: '未填.xlsx',
          data: (await readFile(join(made.dir, made.files[2]!))).toString('base64'),
        },
      ],
    })
    expect(rollup.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'invalid'])
    // 5/1200 = 0.4166… % → 0.42
    expect(rollup.totals).toMatchObject([
      { indicatorId: 'i-primary-students', value: '1800', complete: false },
      { indicatorId: 'i-junior-dropout', value: '0.42', numerator: '5', denominator: '1200' },
    ])
    expect(rollup.problems).toHaveLength(3)
  })
})

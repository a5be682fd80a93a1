import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../domain/indicators/model.ts'
import { callApi, revisionReasons } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

const session = useBrowser({ pagePerTest: true })

/** A draft holding 小学在校生数 and 初中年辍学率, opened in the editor. */
async function draftWithFigures(p: Page): Promise<string> {
  const { id } = await callApi<{ id: string }>(p, 'createDraft', {
    kind: 'blank',
    topic: '',
    unit: '某某县教育局',
    year: 2026,
  })
  const { draft } = await callApi<{ draft: { meta: unknown; body: unknown } }>(p, 'openDraft', {
    id,
  })
  const indicators = ['primary-students', 'junior-dropout'].map((k) =>
    indicatorFromCatalogue(catalogueEntry(k)!, `i-${k}`),
  )
  await callApi(p, 'saveDraft', {
    id,
    baseRevision: 0,
    content: { meta: draft.meta, body: draft.body, indicators },
  })
  await p.evaluate((draftId) => (window.location.hash = `#/draft/${draftId}`), id)
  await p.locator('.page-body').waitFor()
  return id
}

/** Fills a written sheet as a township would: values typed into the input cells. */
async function fill(path: string, values: (number | string)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await readFile(path)) as never)
  const ws = wb.worksheets[0]!
  values.forEach((v, i) => {
    ws.getCell(6 + i, 5).value = v
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.each(TYPING_MODES)('报送表 and 汇总, typing by %s', (mode) => {
  it('sends sheets to units, rolls the returns up, and applies the totals', async () => {
    const p = session.page
    await p.setViewportSize({ width: 1280, height: 720 })
    const id = await draftWithFigures(p)
    await p.getByRole('tab', { name: '指标' }).click()
    await p.getByRole('button', { name: '下发报送表' }).click()
    // The host is shared by both typing modes: a list kept by the first run is cleared.
    await p.getByLabel('填报单位').click()
    await p.keyboard.press('Control+a')
    await p.keyboard.press('Delete')
    await typeIn(p, mode, '城关镇')
    await p.keyboard.press('Enter')
    await typeIn(p, mode, '河西乡')
    await p.keyboard.press('Enter')
    await typeIn(p, mode, '第一中学')
    await p.getByRole('button', { name: '生成报送表…' }).click()
    await expect
      .poll(() => p.getByTestId('returns-message').textContent(), { timeout: 60_000 })
      .toContain('已生成 3 个报送表：城关镇-报送表.xlsx、河西乡-报送表.xlsx、第一中学-报送表.xlsx')
    await p.getByRole('dialog').getByRole('button', { name: '关闭' }).click()

    const dir = join(session.host.dataDir, 'exports')
    const files = [
      {
        name: '城关镇-报送表.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await fill(join(dir, '城关镇-报送表.xlsx'), [1200, 3, 600]),
      },
      {
        name: '河西乡-报送表.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await fill(join(dir, '河西乡-报送表.xlsx'), ['八百', 1, 400]),
      },
      {
        name: '第一中学-报送表.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await fill(join(dir, '第一中学-报送表.xlsx'), [845, 1, 400]),
      },
    ]
    await p.getByRole('button', { name: '汇总' }).click()
    // The unit list typed above was kept and comes back.
    await expect.poll(() => p.getByLabel('应报单位').inputValue()).toBe('城关镇\n河西乡\n第一中学')
    if (mode === 'keys') await p.getByLabel('交回的报送表').setInputFiles(files)
    else {
      // The returns saved in one folder, beside what such a folder also holds.
      const folder = await mkdtemp(join(tmpdir(), '报送表 '))
      for (const f of files) await writeFile(join(folder, f.name), f.buffer)
      await writeFile(join(folder, '~$城关镇-报送表.xlsx'), 'lock')
      await writeFile(join(folder, '说明.txt'), '各单位交回的报送表')
      await mkdir(join(folder, '旧表'))
      await writeFile(join(folder, '旧表', '河西乡-报送表.xlsx'), files[1]!.buffer)
      await p.getByLabel('存放报送表的文件夹').setInputFiles(folder)
    }
    await p.getByText('已选择 3 个报送表文件。').waitFor()
    await p.getByRole('button', { name: '读取并汇总' }).click()
    const table = p.getByRole('table', { name: '汇总表' })
    await table.waitFor()
    await expect(table.locator('tbody tr').allInnerTexts()).resolves.toEqual([
      '城关镇\t已报\t1200人\t0.50%',
      '河西乡\t有误\t—\t0.25%',
      '第一中学\t已报\t845人\t0.25%',
    ])
    // (3+1)/(600+400) = 0.40 %, not the average of 0.50 and 0.25.
    await expect(table.locator('tfoot tr').innerText()).resolves.toBe(
      '全县合计\t2/3\t2045人\t0.40%',
    )
    await expect(p.locator('.rollup-problems').innerText()).resolves.toContain(
      '河西乡-报送表.xlsx 第 E6 格：“小学在校生数”“八百”不是一个数',
    )
    await p.screenshot({ path: join(SCREENSHOT_DIR, `rollup-${mode}.png`) })

    // The same table saved as a workbook: a row per unit, why a unit is not counted, the total.
    await p.getByRole('button', { name: '保存汇总表' }).click()
    await expect
      .poll(() => p.getByTestId('returns-message').textContent(), { timeout: 60_000 })
      .toMatch(/^汇总表已保存为：\d{4}年各乡镇（学校）主要指标统计表\.xlsx$/)
    const saved = (await p.getByTestId('returns-message').textContent())!.replace(
      '汇总表已保存为：',
      '',
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(dir, saved))
    const cells = (r: number) => (book.worksheets[0]!.getRow(r).values as unknown[]).slice(1)
    expect(cells(2)).toEqual(['单位', '小学在校生数（人）', '初中年辍学率（%）'])
    expect(cells(3)).toEqual(['城关镇', 1200, 0.5])
    expect(cells(4)).toEqual(['河西乡', '有误', '有误'])
    expect(cells(6)).toEqual(['合计', 2045, 0.4])

    await p.getByRole('button', { name: /应用合计/ }).click()
    await expect
      .poll(() => p.getByTestId('returns-message').textContent(), { timeout: 60_000 })
      .toContain('已把 2 项合计写入')
    await p.getByRole('dialog').getByRole('button', { name: '关闭' }).click()
    const card = p.getByTestId('indicator-card').filter({ hasText: '初中年辍学率' })
    await expect(card.getByLabel('今年').inputValue()).resolves.toBe('0.40')
    await expect(revisionReasons(p, id)).resolves.toContain('before-bulk-change')
    await p
      .getByTestId('save-state')
      .filter({ hasText: /已保存/ })
      .waitFor()
    const { draft } = await callApi<{
      draft: {
        indicators: { current: string; source: string }[]
        meta: { unitTable?: { title: string; rows: string[][] } }
      }
    }>(p, 'openDraft', { id })
    expect(draft.indicators[0]!.current).toBe('2045')
    // The per-unit table went along, as the report's appendix.
    expect(draft.meta.unitTable?.title).toBe('2026年各乡镇（学校）主要指标统计表')
    expect(draft.meta.unitTable?.rows.at(-1)).toEqual(['合计', '2045', '0.40'])
    await expect(p.getByTestId('unit-table-note').innerText()).resolves.toContain('（3 个单位）')
    expect(draft.indicators[0]!.source).toMatch(/汇总各单位报送表（2个单位，不全）$/)

    // A school writing in Caogao fills the sheet it received from its own figures, in one go.
    const received = await readFile(join(dir, '第一中学-报送表.xlsx'))
    await p.getByRole('button', { name: '填写上级报送表' }).click()
    await p.getByLabel('收到的报送表').setInputFiles({
      name: '第一中学-报送表.xlsx',
      mimeType: 'application/octet-stream',
      buffer: received,
    })
    await p.getByRole('button', { name: '用本稿数字填写…' }).click()
    await expect
      .poll(() => p.getByTestId('returns-message').textContent(), { timeout: 60_000 })
      .toContain('已填好并保存为：第一中学-报送表.xlsx')
    const lists = await p.getByRole('list', { name: '填写结果' }).innerText()
    expect(lists).toContain('已填写：小学在校生数：2045人')
    expect(lists).toContain('本稿中没有、请在表中手填：学年内初中辍学学生数、学年初初中在校生数')
    await p.screenshot({ path: join(SCREENSHOT_DIR, `fill-return-${mode}.png`) })
    const filled = new ExcelJS.Workbook()
    await filled.xlsx.readFile(join(dir, '第一中学-报送表.xlsx'))
    expect(filled.worksheets[0]!.getCell(6, 5).value).toBe(2045)
    expect(filled.worksheets[0]!.getCell(7, 5).value).toBe(null)
    await p.getByRole('dialog').getByRole('button', { name: '关闭' }).click()

    // Taken out of the report again, with a revision to bring it back.
    await p.getByRole('button', { name: '从报告中去掉' }).click()
    await p.getByTestId('unit-table-note').waitFor({ state: 'detached' })
    await expect
      .poll(
        async () =>
          (await callApi<{ draft: { meta: { unitTable?: unknown } } }>(p, 'openDraft', { id }))
            .draft.meta.unitTable,
        { timeout: 20_000 },
      )
      .toBeUndefined()
    expect(session.pageErrors).toEqual([])
  }, 180_000)
})

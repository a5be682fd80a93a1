import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { docxOfBody, reportParagraphs } from '../electron/services/import/docx-bombs.ts'
import { TEAM_REPORTS } from '../support/external-corpus.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })
const fixture = join(TEAM_REPORTS, 'county-annual.txt')

describe('importing last year’s report', () => {
  it('makes a sectioned draft, and figures become last year’s values only when taken', async () => {
    await session.page.getByRole('button', { name: '导入已有报告' }).click()
    await session.page.getByLabel('选择文件').setInputFiles(fixture)
    await session.page.getByRole('button', { name: '导入', exact: true }).click()
    const summary = session.page.getByTestId('import-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toMatch(/找到 29 个章节标题，\d+ 处带单位的数字/)
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'import-report.png') })

    // Nothing is taken silently: the text keeps its figures as text until the writer takes them.
    await expect(session.page.locator('.page-body .indicator-ref').count()).resolves.toBe(0)
    await session.page.getByLabel('上年的数值').check()
    await session.page.getByRole('button', { name: /全部采用/ }).click()
    await expect
      .poll(() =>
        session.page.getByTestId('figure-suggestion').filter({ hasText: '已采用' }).count(),
      )
      .toBeGreaterThan(0)
    await session.page.getByRole('button', { name: '开始编辑' }).click()

    const h = await session.page
      .locator('.page-body h1, .page-body h2')
      .evaluateAll((els) =>
        els.slice(0, 3).map((e) => `${e.getAttribute('data-number')}${e.textContent}`),
      )
    expect(h).toEqual([
      '一、2025年工作开展情况',
      '（一）坚持党建统领，把稳教育发展方向',
      '（二）推进均衡发展，夯实义务教育基础',
    ])

    // Last year's figures are in the 上年 column; this year's are to be filled in.
    await session.page.getByRole('tab', { name: '指标' }).click()
    const card = session.page.getByTestId('indicator-card').filter({ hasText: '初中在校生数' })
    await expect(card.getByLabel('上年').inputValue()).resolves.toBe('12537')
    await expect(card.getByLabel('今年').inputValue()).resolves.toBe('')
    await card.getByLabel('今年').fill('12600')
    await expect(card.getByTestId('comparison').textContent()).resolves.toContain('增加')
  })

  it('refuses a binary .doc with a clear message', async () => {
    await session.page.getByRole('button', { name: '返回草稿箱' }).click()
    await session.page.getByRole('button', { name: '导入已有报告' }).click()
    await session.page.getByLabel('选择文件').setInputFiles({
      name: '旧报告.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from('binary'),
    })
    await session.page.getByRole('button', { name: '导入', exact: true }).click()
    await session.page
      .getByRole('dialog')
      .getByRole('alert')
      .filter({ hasText: '不是有效的 Word 或 WPS 文件' })
      .waitFor()
  })

  it('shows progress for a long import and stops it on 取消, making no draft', async () => {
    const page = session.page
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    const drafts = await page.getByTestId('draft-row').count()
    await page.getByRole('button', { name: '导入已有报告' }).click()
    await page.getByLabel('选择文件').setInputFiles({
      name: '十万段.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await docxOfBody(reportParagraphs(100_000))),
    })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const progress = page.getByRole('dialog').getByRole('progressbar', { name: '进度' })
    await progress.waitFor({ timeout: 30_000 })
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    await progress.waitFor({ state: 'detached', timeout: 30_000 })
    await expect(page.getByRole('dialog').getByRole('alert').count()).resolves.toBe(0)
    await expect(
      page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).isEnabled(),
    ).resolves.toBe(true)
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    await expect(page.getByTestId('draft-row').count()).resolves.toBe(drafts)
  }, 120_000)
})

import { join } from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { DRESSED, dressedDocx } from './dressed-docx.ts'
import { revisionReasons } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: true })

/** Imports the dressed .docx as this year's report and waits for the import report. */
async function importDressed(page: Page) {
  await page.getByRole('button', { name: '导入已有报告' }).click()
  await page.getByLabel('选择文件').setInputFiles({
    name: `${DRESSED.title}_河东县人民政府.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await dressedDocx(),
  })
  await page.getByLabel(/不是，它就是今年的报告/).check()
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await page.getByTestId('import-summary').waitFor()
}

const paragraphs = (page: Page) =>
  page.locator('.page-body > p').evaluateAll((els) => els.map((e) => e.textContent ?? ''))

describe('importing a report saved from a government site as Word', () => {
  it('shows its title, outline and figures; takes one figure; drops the doubtful lines in one undo step', async () => {
    const page = session.page
    await importDressed(page)

    await expect(page.locator('.editor-title').textContent()).resolves.toBe(DRESSED.title)
    const outline = await page
      .locator('.page-body h1, .page-body h2, .page-body h3, .page-body h4')
      .evaluateAll((els) =>
        els.map((e) => `${e.tagName} ${e.getAttribute('data-number')}${e.textContent}`),
      )
    expect(outline).toEqual([
      `H1 ${DRESSED.outline[0]}`,
      `H2 ${DRESSED.outline[1]}`,
      `H2 ${DRESSED.outline[2]}`,
      `H1 ${DRESSED.outline[3]}`,
    ])
    // The site's masthead, counters and page links are gone; no figure taken yet.
    const body = (await paragraphs(page)).join('\n')
    expect(body).not.toMatch(/门户网站|首页|浏览次数|打印本页|上一篇|下一篇/)
    await expect(page.locator('.page-body .indicator-ref').count()).resolves.toBe(0)

    const suggestions = page.getByTestId('figure-suggestion')
    const offered = await suggestions.evaluateAll((els) =>
      els.map((e) => /^[^：]*：\S+?(?=（合计）|查看)/.exec(e.textContent ?? '')?.[0]),
    )
    expect(offered).toEqual(
      expect.arrayContaining([
        '资助家庭经济困难学生：3182人',
        '改造校舍面积：5600平方米',
        '参训教师：1850人次',
        '评选县级骨干教师：64名',
      ]),
    )
    expect(offered.filter((f) => f?.includes('126人'))).toHaveLength(1)
    expect(offered).toHaveLength(8)

    // One suggestion taken becomes an indicator with this year's value.
    const aid = suggestions.filter({ hasText: '3182人' })
    await aid.getByRole('button', { name: '采用', exact: true }).click()
    await aid.getByText('已采用').waitFor()
    await expect(suggestions.filter({ hasText: '已采用' }).count()).resolves.toBe(1)

    // The doubtful lines are listed, kept in the text until the writer drops them.
    const doubtful = page.getByTestId('doubtful-line')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-report-doubtful.png') })
    await expect(
      doubtful.evaluateAll((els) => els.map((e) => e.querySelector('button')?.textContent)),
    ).resolves.toEqual(DRESSED.doubtful)
    const before = await paragraphs(page)
    for (const line of DRESSED.doubtful) expect(before).toContain(line)
    await page.getByRole('button', { name: `全部删去（${DRESSED.doubtful.length} 行）` }).click()
    await expect.poll(() => doubtful.filter({ hasText: '已删去' }).count()).toBe(2)
    // A section's jump still lands on its heading, with the lines before it gone.
    await page.getByRole('button', { name: '建设教师队伍', exact: true }).click()
    await page.getByTestId('import-summary').waitFor({ state: 'detached' })
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window.getSelection()?.anchorNode?.parentElement?.closest('h1, h2, h3, h4, p')
              ?.textContent,
        ),
      )
      .toBe('建设教师队伍')

    const dropped = await paragraphs(page)
    expect(dropped).toEqual(before.filter((p) => !DRESSED.doubtful.includes(p)))
    // A revision of the text before the drop was kept.
    const id = await page.evaluate(() => /#\/draft\/(.+)$/.exec(window.location.hash)![1]!)
    await expect.poll(() => revisionReasons(page, id)).toContain('before-bulk-change')

    await page.getByRole('tab', { name: '指标' }).click()
    const card = page.getByTestId('indicator-card').filter({ hasText: '资助家庭经济困难学生' })
    await expect(card.getByLabel('今年').inputValue()).resolves.toBe('3182')

    // One undo brings both lines back where they were.
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => paragraphs(page)).toEqual(before)
    expect(session.pageErrors).toEqual([])
  }, 60_000)

  it('jumps to a doubtful line and selects it', async () => {
    const page = session.page
    await importDressed(page)
    await page
      .getByTestId('doubtful-line')
      .getByRole('button', { name: DRESSED.doubtful[1]! })
      .click()
    await page.getByTestId('import-summary').waitFor({ state: 'detached' })
    await expect
      .poll(() => page.evaluate(() => window.getSelection()!.toString()))
      .toBe(DRESSED.doubtful[1])
    // Nothing was dropped by looking.
    expect(await paragraphs(page)).toContain(DRESSED.doubtful[1])
  })

  it('says in plain Chinese which levels it renumbered', async () => {
    const page = session.page
    await page.getByRole('button', { name: '导入已有报告' }).click()
    await page.getByLabel('选择文件').setInputFiles({
      name: '某某中心小学2025年秋季学期工作总结.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        [
          '某某中心小学2025年秋季学期工作总结',
          '1.教学常规',
          '（1）抓备课',
          '全体教师按单元集体备课，每周一次。',
          '2.安全工作',
          '开学前完成校舍安全排查。',
        ].join('\n'),
      ),
    })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const levels = page.getByTestId('import-levels')
    await levels.waitFor()
    await expect(levels.locator('li').allTextContents()).resolves.toEqual([
      '原文以“1.”为第一级标题，已改为“一、”。',
      '原文以“（1）”为第二级标题，已改为“（一）”。',
    ])
    await page.getByRole('button', { name: '开始编辑' }).click()
    await expect(
      page
        .locator('.page-body h1, .page-body h2')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-number')}${e.textContent}`)),
    ).resolves.toEqual(['一、教学常规', '（一）抓备课', '二、安全工作'])
  })
})

import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: true })

describe('插入方式', () => {
  it.each([
    ['只写数值', '99.66%'],
    ['数值和同比', '99.66%，比上年提高0.52个百分点'],
  ])('chosen as %s, is what # inserts too', async (label, shown) => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank' })
    await page.getByRole('tab', { name: '指标' }).click()
    await page.getByRole('button', { name: '＋ 添加指标' }).click()
    await page.getByLabel('搜索常用指标').fill('巩固率')
    await page.getByLabel('九年义务教育巩固率').check()
    await page.getByRole('button', { name: /添加所选/ }).click()
    const card = page.getByTestId('indicator-card').filter({ hasText: '九年义务教育巩固率' })
    await card.getByLabel('今年').fill('99.66')
    await card.getByLabel('上年').fill('99.14')
    await page.getByLabel(label, { exact: true }).check()
    await page.locator('.page-body').click()
    await page.keyboard.type('巩固率为#巩固')
    await page.getByRole('listbox', { name: '插入指标' }).getByRole('option').first().waitFor()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('.page-body .indicator-ref').allTextContents())
      .toEqual([shown])
  })
})

import { join } from 'node:path'

import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, imeType, typeIn, typeInto, type TypingMode } from './typing.ts'

const session = useBrowser({ pagePerTest: true })

const refs = (p: Page) => p.locator('.page-body .indicator-ref').allTextContents()

async function addRetention(p: Page, mode: TypingMode) {
  await p.getByRole('tab', { name: '指标' }).click()
  await p.getByRole('button', { name: '＋ 添加指标' }).click()
  await typeInto(p.getByLabel('搜索常用指标'), mode, '巩固率')
  await p.getByLabel('九年义务教育巩固率').check()
  await p.getByRole('button', { name: /添加所选/ }).click()
  const card = p.getByTestId('indicator-card').filter({ hasText: '九年义务教育巩固率' })
  await typeInto(card.getByLabel('今年'), mode, '99.66')
  await typeInto(card.getByLabel('上年'), mode, '99.14')
  return card
}

/**
 * Types a whole value over the field's selected value in one input, as a paste or one IME commit
 * does. Key by key, a readable start ("9" of "9９.66", "10" of "101", or the emptied field) would
 * take effect on its own first; the IME's pinyin on the way is never readable as a number.
 */
async function enterWhole(field: Locator, mode: TypingMode, value: string) {
  await field.click()
  await field.press('Control+a')
  if (mode === 'keys') await field.page().keyboard.insertText(value)
  else await imeType(field.page(), 'jiu', value)
}

describe.each(TYPING_MODES)('indicator fields, typing by %s', (mode) => {
  it('inserts 巩固率 with its comparison and updates every occurrence on a new value', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.locator('.page-body').click()
    await typeIn(session.page, mode, '全区九年义务教育巩固率为')
    const card = await addRetention(session.page, mode)
    await expect(card.getByTestId('comparison').textContent()).resolves.toBe(
      '比上年提高0.52个百分点',
    )
    await card.getByRole('button', { name: '插入正文' }).click()
    await typeIn(session.page, mode, '。截至年底，巩固率达')
    await session.page.getByLabel('只写数值').check()
    await card.getByRole('button', { name: '插入正文' }).click()
    await typeIn(session.page, mode, '。')
    await expect
      .poll(() => refs(session.page))
      .toEqual(['99.66%，比上年提高0.52个百分点', '99.66%'])

    await typeInto(card.getByLabel('今年'), mode, '98.9')
    await expect.poll(() => refs(session.page)).toEqual(['98.9%，比上年下降0.24个百分点', '98.9%'])
    await expect(session.page.locator('.page-body p').first().textContent()).resolves.toBe(
      '全区九年义务教育巩固率为98.9%，比上年下降0.24个百分点。截至年底，巩固率达98.9%。',
    )
    await session.page
      .getByTestId('save-state')
      .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
      .waitFor()
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'indicators.png') })

    // After a reload the references still read from the saved fields.
    await session.page.reload()
    await session.page.locator('.page-body .indicator-ref').first().waitFor()
    expect(await refs(session.page)).toEqual(['98.9%，比上年下降0.24个百分点', '98.9%'])
  })

  it('refuses an unreadable value at the field and keeps the last good one', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    const card = await addRetention(session.page, mode)
    const current = card.getByLabel('今年')
    await enterWhole(current, mode, '9９.66')
    await current.blur()
    await expect(card.getByRole('alert').textContent()).resolves.toMatch(
      /混有全角和半角.*仍按“99.66”使用/,
    )
    await enterWhole(current, mode, '101')
    await current.blur()
    await expect(card.getByRole('alert').textContent()).resolves.toMatch(/0—100%/)
    await expect(card.getByTestId('comparison').textContent()).resolves.toBe(
      '比上年提高0.52个百分点',
    )
  })

  it('inserts by typing # and pinyin initials, and lists a typed figure that contradicts the field', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await addRetention(session.page, mode)
    // # inserts in the 插入方式 chosen in the panel, as its button and drag do.
    await session.page.getByLabel('只写数值').check()
    await session.page.locator('.page-body').click()
    await typeIn(session.page, mode, '巩固率为99.5%，其中')
    await session.page.keyboard.type('#ggl')
    await session.page.getByRole('option', { name: /九年义务教育巩固率/ }).waitFor()
    await session.page.keyboard.press('Enter')
    expect(await refs(session.page)).toEqual(['99.66%'])
    await session.page.getByText('正文写“99.5%”，指标为 99.66%').waitFor()
    await session.page.getByRole('button', { name: '跳转' }).click()
    await expect
      .poll(() => session.page.evaluate(() => window.getSelection()!.toString()))
      .toBe('99.5%')
  })

  it('warns before removing an indicator the text uses, and keeps the sentence', async () => {
    await openNewDraft(session.page, { kind: 'annual' })
    await session.page.locator('.page-body p[data-guidance^="写入学率"]').click()
    await typeIn(session.page, mode, '巩固率为')
    const card = await addRetention(session.page, mode)
    await card.getByRole('button', { name: '插入正文' }).click()
    await card.getByRole('button', { name: '删除' }).click()
    await session.page.getByText('在正文中还有 1 处引用').waitFor()
    await session.page
      .getByRole('dialog')
      .getByText('一、主要工作及成效 › （三）推动义务教育优质均衡发展')
      .waitFor()
    await session.page.getByRole('dialog').getByRole('button', { name: '删除' }).click()
    expect(await refs(session.page)).toEqual([])
    await expect(session.page.locator('.page-body').textContent()).resolves.toContain(
      '巩固率为99.66%，比上年提高0.52个百分点',
    )
  })
})

describe('indicator fields', () => {
  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

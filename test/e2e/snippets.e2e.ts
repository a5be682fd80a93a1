import { join } from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, typeIn, typeInto } from './typing.ts'

const firstParagraph = (p: Page) => p.locator('.page-body p').first()

describe.each(TYPING_MODES)('phrase snippets, typing by %s', (mode) => {
  // A host of its own: the writer's own snippet saved by keys would already be there.
  const session = useBrowser({ pagePerTest: true })

  it('finds 在……正确领导下 by "zqld", inserts it with the unit filled, and Tab reaches the slot', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.getByRole('tab', { name: '常用语' }).click()
    await session.page.getByLabel('搜索常用语').fill('zqld')
    const first = session.page.locator('.snippet-insert').first()
    await expect(first.textContent()).resolves.toContain('正确领导')
    await session.page.locator('.page-body').click()
    await first.click()
    const text = await firstParagraph(session.page).textContent()
    expect(text).toContain('某某县教育局')
    expect(text).toContain('2026年')
    await session.page.keyboard.press('Tab')
    const selected = session.page.locator('.page-body .snippet-slot.ProseMirror-selectednode')
    await selected.waitFor()
    const label = await selected.textContent()
    await typeIn(session.page, mode, '全面提升教育质量')
    const after = await firstParagraph(session.page).textContent()
    expect(after).toContain('全面提升教育质量')
    expect(after).not.toContain(label!)
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'snippets.png') })
  })

  it('saves the selection as the writer’s own snippet', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.locator('.page-body').click()
    await typeIn(session.page, mode, '坚持把教育摆在优先发展的战略位置。')
    await session.page.keyboard.press('Shift+Home')
    await session.page.getByRole('tab', { name: '常用语' }).click()
    await session.page.getByRole('button', { name: '把选中文字存为常用语' }).click()
    await session.page.getByRole('button', { name: '保存' }).click()
    await session.page.getByText('常用语已保存。').waitFor()
    await session.page.getByRole('button', { name: '我的常用语', exact: true }).click()
    await expect(session.page.locator('.snippet-insert').first().textContent()).resolves.toBe(
      '坚持把教育摆在优先发展的战略位置。',
    )
  })

  it('lists an open slot before export', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.getByRole('tab', { name: '常用语' }).click()
    await typeInto(session.page.getByLabel('搜索常用语'), mode, '截至目前')
    await session.page.locator('.page-body').click()
    await session.page.locator('.snippet-insert').first().click()
    await session.page.getByRole('button', { name: '导出 Word' }).click()
    await session.page
      .getByRole('dialog', { name: '导出前请检查' })
      .getByText('常用语留空：完成情况')
      .waitFor()
    // The dialog says what happens to the blank, and promises nothing it does not do.
    const dialog = session.page.getByRole('dialog', { name: '导出前请检查' })
    await expect(dialog.textContent()).resolves.toContain('原样导出')
    await expect(dialog.textContent()).resolves.not.toContain('提示文字不会导出')
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

describe('phrase snippets', () => {
  const session = useBrowser({ pagePerTest: true })

  it('offers snippets on // with pinyin, filled from the metadata', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.locator('.page-body').click()
    await session.page.keyboard.type('//tcbg')
    await session.page
      .getByRole('listbox', { name: '插入常用语' })
      .getByRole('option')
      .first()
      .waitFor()
    await session.page.keyboard.press('Enter')
    await expect(firstParagraph(session.page).textContent()).resolves.toBe('特此报告。')
  })

  it('suggests the 问题 phrases under 存在的问题', async () => {
    await openNewDraft(session.page, { kind: 'annual' })
    await session.page.locator('.page-body p[data-guidance^="实事求是"]').click()
    await session.page.getByRole('tab', { name: '常用语' }).click()
    await session.page.getByText('优先显示“问题”类').waitFor()
    const categories = await session.page.locator('.snippet-item .tag').allTextContents()
    expect(categories.slice(0, 5)).toEqual(['问题', '问题', '问题', '问题', '问题'])
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

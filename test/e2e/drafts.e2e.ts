import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SCREENSHOT_DIR, launchChromium, startTestHost, type TestHost } from './support.ts'
import { TYPING_MODES, typeIn, typeInto, type TypingMode } from './typing.ts'

/** The whole story twice, each on its own data folder: by keys, then through the IME. */
describe.each(TYPING_MODES)('typing by %s', (mode: TypingMode) => {
  let host: TestHost
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    host = await startTestHost()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(host.url)
  })

  afterAll(async () => {
    await browser?.close()
    await host?.dispose()
  })

  async function draftFileText(): Promise<string> {
    const [id] = await readdir(join(host.dataDir, 'drafts'))
    return readFile(join(host.dataDir, 'drafts', id!, 'draft.json'), 'utf8')
  }

  describe('drafts end to end', () => {
    it('creates a draft from the annual template, types, reloads, and the text is there', async () => {
      await page.getByRole('button', { name: '＋ 新建' }).click()
      await typeInto(page.getByLabel('单位名称'), mode, '某某县教育局')
      await page.getByRole('button', { name: '创建' }).click()
      const body = page.locator('.page-body')
      await body.waitFor()
      // The first paragraph is the template's opening guidance: type over it.
      await body.locator('p').first().click()
      await typeIn(page, mode, '今年，全县教育系统坚持立德树人。')
      await page
        .getByTestId('save-state')
        .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
        .waitFor()
      expect(await draftFileText()).toContain('今年，全县教育系统坚持立德树人。')

      await page.reload()
      await page.locator('.page-body').getByText('今年，全县教育系统坚持立德树人。').waitFor()
      await expect(page.getByTestId('save-state').textContent()).resolves.toMatch(/^已保存/)
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-after-reload.png') })
    })

    it('saves at once on Ctrl+S', async () => {
      // A long typing pause, so only Ctrl+S can have saved the text in time.
      await page.goto(
        `${page.url().split('#')[0]}?autosaveIdleMs=20000#${page.url().split('#')[1]}`,
      )
      await page.locator('.page-body p').first().click()
      await page.keyboard.press('End')
      await typeIn(page, mode, '全面完成年度目标。')
      await page.keyboard.press('Control+s')
      await page
        .getByTestId('save-state')
        .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
        .waitFor({ timeout: 900 })
      expect(await draftFileText()).toContain('全面完成年度目标。')
    })

    it('lists the draft on the home screen, renames, duplicates, trashes and restores it', async () => {
      await page.getByRole('button', { name: '返回草稿箱' }).click()
      const rows = page.getByTestId('draft-row')
      await rows.first().waitFor()
      await expect(rows.count()).resolves.toBe(1)
      await expect(rows.first().textContent()).resolves.toContain('某某县教育局2026年教育工作总结')

      await rows.first().getByRole('button', { name: '重命名' }).click()
      await typeInto(
        page.getByRole('dialog').getByLabel('标题'),
        mode,
        '全县教育工作总结（送审稿）',
      )
      await page.getByRole('button', { name: '确定' }).click()
      await page.getByText('已重命名为“全县教育工作总结（送审稿）”').waitFor()

      await rows.first().getByRole('button', { name: '复制' }).click()
      await page.getByRole('link', { name: '全县教育工作总结（送审稿）（副本）' }).waitFor()

      await typeInto(page.getByPlaceholder('搜索标题、单位、年度'), mode, '副本')
      await expect(rows.count()).resolves.toBe(1)
      await rows.first().getByRole('button', { name: '删除' }).click()
      await page.getByRole('button', { name: '移到回收站' }).click()
      await page.getByText(/已把.*移到回收站/).waitFor()
      await page.getByPlaceholder('搜索标题、单位、年度').fill('')
      await expect(rows.count()).resolves.toBe(1)

      await page.getByRole('link', { name: '回收站' }).click()
      await rows.filter({ hasText: '全县教育工作总结（送审稿）（副本）' }).waitFor()
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'trash.png') })
      await rows.first().getByRole('button', { name: '恢复' }).click()
      await page.getByText('回收站是空的').waitFor()
      await page.getByRole('link', { name: '草稿箱' }).click()
      await page.getByRole('link', { name: '全县教育工作总结（送审稿）（副本）' }).waitFor()
      await expect(rows.count()).resolves.toBe(2)
    })

    it('carries a draft forward to the next year', async () => {
      const rows = page.getByTestId('draft-row')
      await rows.first().getByRole('button', { name: '起草下一年度' }).click()
      // The new draft opens, saying what it was made from; back in the list it is there.
      await page.locator('.page-body').waitFor()
      await page.getByText(/起草2027年度草稿/).waitFor()
      await page.getByRole('button', { name: '返回草稿箱' }).click()
      await expect.poll(() => page.locator('.draft-table').textContent()).toContain('2027')
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') })
    })

    it('shows revisions and restores one', async () => {
      const row = page
        .getByTestId('draft-row')
        .filter({ hasText: '2026' })
        .filter({ hasNotText: '副本' })
      await row.getByRole('button', { name: '历史版本' }).click()
      const list = page.getByRole('list', { name: '历史版本列表' })
      await list.getByRole('button').first().waitFor()
      await list.getByRole('button').last().click()
      await page.locator('.revision-preview h3').waitFor()
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'revisions.png') })
      await page.getByRole('button', { name: '恢复此版本' }).click()
      await page.getByText(/已恢复.*历史版本/).waitFor()
    })

    it('threw no page errors', () => {
      expect(pageErrors).toEqual([])
    })
  })
})

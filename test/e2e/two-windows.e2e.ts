import { join } from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { callApi, openNewDraft, revisionReasons } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const savedAt = (page: Page) =>
  page
    .getByTestId('save-state')
    .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
    .waitFor()

describe('one draft open in two windows', () => {
  const session = useBrowser({ pagePerTest: false })

  it('the window whose save is refused says so, stops taking edits, keeps its text as a revision and reloads', async () => {
    const first = session.page
    const id = await openNewDraft(first, { kind: 'blank' })
    const second = await session.browser.newPage({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
    })
    second.on('pageerror', (e) => session.pageErrors.push(e.message))
    try {
      await second.goto(`${session.host.url}#/draft/${id}`)
      await second.locator('.page-body').waitFor()

      // Both windows opened the same revision; the first saves first.
      await first.locator('.page-body').click()
      await first.keyboard.type('第一个窗口写的内容。')
      await savedAt(first)

      await second.locator('.page-body').click()
      await second.keyboard.type('第二个窗口没保存上的内容。')
      const banner = second.getByTestId('conflict-banner')
      await banner.waitFor()
      expect(await banner.textContent()).toContain('另一个窗口中修改过')
      expect(await banner.textContent()).toContain('另一窗口修改时未保存的内容')
      expect(await banner.textContent()).not.toContain(session.host.dataDir)
      await expect(second.getByTestId('save-state').textContent()).resolves.toBe(
        '保存失败：另一个窗口已修改这份草稿',
      )

      // Typing changes nothing any more.
      const body = second.locator('.page-body')
      await expect(body.getAttribute('contenteditable')).resolves.toBe('false')
      const before = await body.textContent()
      await body.click()
      await second.keyboard.type('再打几个字')
      await second.keyboard.press('Enter')
      expect(await body.textContent()).toBe(before)
      expect(before).toContain('第二个窗口没保存上的内容。')
      await second.screenshot({ path: join(SCREENSHOT_DIR, 'two-windows-conflict.png') })

      // The draft on disk is the first window's; the refused text is one revision.
      const { draft } = await callApi<{ draft: { body: unknown } }>(second, 'openDraft', { id })
      expect(JSON.stringify(draft.body)).toContain('第一个窗口写的内容。')
      expect(JSON.stringify(draft.body)).not.toContain('第二个窗口')
      expect(
        (await revisionReasons(second, id)).filter((r) => r === 'conflict-unsaved'),
      ).toHaveLength(1)

      // It is listed among the revisions and opens there.
      await banner.getByRole('button', { name: '历史版本' }).click()
      const dialog = second.getByRole('dialog')
      await dialog.getByRole('button', { name: /另一窗口修改时未保存的内容/ }).click()
      await dialog.locator('.revision-preview').getByText('第二个窗口没保存上的内容。').waitFor()
      await dialog.getByRole('button', { name: '关闭' }).click()
      await dialog.waitFor({ state: 'detached' })

      // 重新载入 brings the first window's text, and typing works again.
      await banner.getByRole('button', { name: '重新载入' }).click()
      await second.locator('.page-body').getByText('第一个窗口写的内容。').waitFor()
      await banner.waitFor({ state: 'detached' })
      expect(await second.locator('.page-body').textContent()).not.toContain('第二个窗口')
      await second.locator('.page-body').click()
      await second.keyboard.press('End')
      await second.keyboard.type('重新载入后接着写。')
      await savedAt(second)
      const reread = await callApi<{ draft: { body: unknown } }>(second, 'openDraft', { id })
      expect(JSON.stringify(reread.draft.body)).toContain('重新载入后接着写。')
      expect(
        (await revisionReasons(second, id)).filter((r) => r === 'conflict-unsaved'),
      ).toHaveLength(1)
    } finally {
      await second.close()
    }
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

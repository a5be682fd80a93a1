import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

describe('the 校对 panel', () => {
  it('lists slips with their section, fixes one in place, and remembers an ignore', async () => {
    await openNewDraft(session.page, {
      kind: 'blank',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: '20XX年，全区小学在校学生24,341人，生师比为21:1。' }],
          },
        ],
      },
    })
    await session.page.getByRole('tab', { name: '校对' }).click()
    await expect(session.page.getByTestId('proofread-summary').textContent()).resolves.toMatch(
      /发现 3 处/,
    )
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'proofread.png') })
    const thousands = session.page.getByTestId('finding').filter({ hasText: '千位分隔符' })
    await expect(thousands.textContent()).resolves.toContain('一、主要工作')
    await thousands.getByRole('button', { name: /修正为/ }).click()
    await expect(session.page.locator('.page-body p').first().textContent()).resolves.toBe(
      '20XX年，全区小学在校学生24341人，生师比为21:1。',
    )
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 2 处/)
    await session.page
      .getByTestId('finding')
      .filter({ hasText: '比号' })
      .getByRole('button', { name: '忽略' })
      .click()
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 1 处/)

    // The ignore is kept in the draft.
    await session.page
      .getByTestId('save-state')
      .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
      .waitFor()
    await session.page.reload()
    await session.page.getByRole('tab', { name: '校对' }).click()
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 1 处/)
  })
})

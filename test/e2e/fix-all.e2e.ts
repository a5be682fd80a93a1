import { describe, expect, it } from 'vitest'

import { openNewDraft, revisionReasons } from './page-api.ts'
import { useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

const TEXT = '我们实实在在地推进工作，全区小学在校学生24,341人,初中在校学生12,005人。'

describe('全部修正', () => {
  it('shows its changes first, keeps a revision, changes only those and is one undo step', async () => {
    const { page } = session
    const id = await openNewDraft(page, {
      kind: 'blank',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          { type: 'paragraph', content: [{ type: 'text', text: TEXT }] },
        ],
      },
    })
    await page.getByRole('tab', { name: '校对' }).click()
    await page.getByRole('button', { name: /全部修正可确定的/ }).click()
    const preview = page.getByTestId('fix-preview')
    await expect(preview.locator('li').allTextContents()).resolves.toEqual([
      expect.stringContaining('“24,341” → “24341”'),
      expect.stringContaining('“,” → “，”'),
      expect.stringContaining('“12,005” → “12005”'),
    ])
    // Nothing has changed yet.
    const paragraph = page.locator('.page-body p').first()
    await expect(paragraph.textContent()).resolves.toBe(TEXT)
    await page.getByRole('button', { name: /修正这 3 处/ }).click()
    const fixed = '我们实实在在地推进工作，全区小学在校学生24341人，初中在校学生12005人。'
    await expect.poll(() => paragraph.textContent()).toBe(fixed)
    await expect.poll(() => revisionReasons(page, id)).toContain('before-bulk-change')
    await paragraph.click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => paragraph.textContent()).toBe(TEXT)
  })
})

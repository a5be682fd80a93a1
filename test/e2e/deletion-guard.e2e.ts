import { describe, expect, it } from 'vitest'

import { openNewDraft, revisionReasons } from './page-api.ts'
import { useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: true })

const BODY = {
  type: 'doc',
  content: Array.from({ length: 8 }, (_, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `第${i + 1}段文字。` }],
  })),
}
const ALL = BODY.content.map((p) => p.content[0]!.text)

const paragraphs = () => session.page.locator('.page-body p').allTextContents()

describe('the deletion guard', () => {
  it('undoes a browser edit that drops paragraphs the writer did not select', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.locator('.page-body p').nth(1).click()
    // What a composition gone wrong does: the browser itself removes blocks from the page.
    await page.locator('.page-body').evaluate((el) => {
      for (const p of [...el.querySelectorAll('p')].slice(2, 7)) p.remove()
    })
    await expect.poll(paragraphs).toEqual(ALL)
    await expect(page.getByRole('alert').filter({ hasText: '为防止误删' }).count()).resolves.toBe(1)
  })

  it('refuses a command that removes unselected paragraphs', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.locator('.page-body p').first().click()
    const applied = await page.locator('.page-body').evaluate((el) => {
      const editor = (
        el as unknown as { editor: { commands: Record<string, (a: unknown) => boolean> } }
      ).editor
      return editor.commands.deleteRange!({ from: 20, to: 60 })
    })
    expect(applied).toBe(true)
    await expect.poll(paragraphs).toEqual(ALL)
  })

  it('lets the writer delete what they selected, keeping a revision first', async () => {
    const { page } = session
    const id = await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await expect.poll(paragraphs).toEqual([''])
    await expect.poll(() => revisionReasons(page, id)).toContain('before-bulk-change')
    // And Ctrl+Z brings the text back.
    await page.keyboard.press('Control+z')
    await expect.poll(paragraphs).toEqual(ALL)
  })
})

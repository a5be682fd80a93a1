import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

/**
 * Pins the workaround for tiptap#6286 (skipRedundantNodeViewRedraw in useReportEditor.ts):
 * EditorContent's mount hands ProseMirror new node-view functions, which makes it throw away
 * and redraw every block of the report. With the workaround the blocks drawn when the editor
 * was created stay; this fails if an upgrade brings the redraw back.
 */
describe('opening a draft in the editor', () => {
  it('draws the document once: no block of the page is replaced when the editor mounts', async () => {
    const page = session.page
    // Counts the elements taken out of the page body, from before the editor exists.
    await page.addInitScript(() => {
      const counts = { removed: 0 }
      ;(window as unknown as { blockRemovals: typeof counts }).blockRemovals = counts
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target instanceof Element && r.target.classList.contains('page-body'))
            counts.removed += [...r.removedNodes].filter((n) => n instanceof Element).length
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.reload()
    await openNewDraft(page, { kind: 'annual' })
    const removed = () =>
      page.evaluate(
        () => (window as unknown as { blockRemovals: { removed: number } }).blockRemovals.removed,
      )
    const blocks = await page.locator('.page-body > *').count()
    expect(blocks).toBeGreaterThan(20)
    await page.getByTestId('outline-item').first().waitFor()
    expect(await removed()).toBe(0)

    // The count does see blocks leave the page: select everything and delete it.
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await expect.poll(removed).toBeGreaterThan(0)
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

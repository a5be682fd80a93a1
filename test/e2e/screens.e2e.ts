import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

const SCREENS = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  // 1920×1080 at 150 % scaling: 1280×720 CSS pixels at device scale 1.5.
  { name: '1920x1080-150', width: 1280, height: 720, scale: 1.5 },
]

const LONG_LINE = '全区教育系统坚持立德树人根本任务，推动义务教育优质均衡发展，办好人民满意的教育。'
const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
    ...Array.from({ length: 12 }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: LONG_LINE.repeat(3) }],
    })),
  ],
}

describe.each(SCREENS)('the editor at $name', ({ name, width, height, scale }) => {
  it('fits without sideways scrolling, tabs on one line, the status bar in view', async () => {
    const context = await session.browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: scale,
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    try {
      await page.goto(session.host.url)
      await openNewDraft(page, { kind: 'blank', body: BODY })
      await page.locator('.page-body p').first().waitFor()
      const layout = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect()
        const scroll = document.querySelector('.page-scroll')!
        const tabs = [...document.querySelectorAll('.tabs [role="tab"]')].map(
          (t) => t.getBoundingClientRect().height,
        )
        return {
          docWidth: document.documentElement.scrollWidth,
          scrollOverflow: scroll.scrollWidth - scroll.clientWidth,
          side: box('.side-panel').right,
          status: box('.editor-status'),
          tabs,
          tabRow: box('.tabs'),
          tabRowOverflow:
            document.querySelector('.tabs')!.scrollWidth -
            document.querySelector('.tabs')!.clientWidth,
          fold: box('.tabs .panel-fold'),
          lastTab: [...document.querySelectorAll('.tabs [role="tab"]')]
            .at(-1)!
            .getBoundingClientRect(),
          tabFont: parseFloat(
            getComputedStyle(document.querySelector('.tabs [role="tab"]')!).fontSize,
          ),
        }
      })
      expect(layout.docWidth).toBeLessThanOrEqual(width)
      expect(layout.scrollOverflow).toBeLessThanOrEqual(0)
      expect(layout.side).toBeLessThanOrEqual(width)
      expect(layout.status.top).toBeGreaterThanOrEqual(0)
      expect(layout.status.bottom).toBeLessThanOrEqual(height)
      // One line each: no tab taller than one and a half of its text lines plus padding.
      for (const h of layout.tabs) expect(h).toBeLessThan(layout.tabFont * 1.6 + 20)
      // The » fold button sits inside the tab row, after the last tab, on the same line.
      expect(layout.tabRowOverflow).toBeLessThanOrEqual(0)
      expect(layout.fold.right).toBeLessThanOrEqual(layout.tabRow.right)
      // With room to spare for Windows' 17-pixel scrollbar, which headless Chromium hides.
      expect(layout.fold.left - layout.lastTab.right).toBeGreaterThanOrEqual(17)
      expect(layout.fold.top).toBeGreaterThanOrEqual(layout.tabRow.top)
      expect(layout.fold.bottom).toBeLessThanOrEqual(layout.tabRow.bottom)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `editor-${name}.png`) })

      // Each side panel folds to a strip and comes back with its button.
      await page.getByRole('button', { name: '收起侧栏' }).click()
      await page.getByRole('button', { name: '展开侧栏' }).click()
      await expect(page.getByRole('tab', { name: '校对' }).isVisible()).resolves.toBe(true)
    } finally {
      await context.close()
    }
  })
})

describe('a suggestion list near the bottom of the window', () => {
  it('opens above the line instead of running off the screen', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    try {
      await page.goto(session.host.url)
      await openNewDraft(page, { kind: 'blank', body: BODY })
      // The last line of the page that is still above the status bar.
      const index = await page.locator('.page-body p').evaluateAll((ps) => {
        const limit = document.querySelector('.editor-status')!.getBoundingClientRect().top
        let last = 0
        ps.forEach((p, i) => {
          if (p.getBoundingClientRect().bottom < limit - 10) last = i
        })
        return last
      })
      await page.locator('.page-body p').nth(index).click()
      await page.keyboard.press('End')
      await page.keyboard.type('//tc')
      const list = page.getByRole('listbox', { name: '插入常用语' })
      await list.waitFor()
      const box = (await list.boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(720)
      expect(box.x + box.width).toBeLessThanOrEqual(1280)
    } finally {
      await context.close()
    }
  })
})

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { callApi, openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'
import { settleCaret } from './typing.ts'

const text = (t: string) => ({ type: 'text', text: t })
const h = (level: number, t: string) => ({ type: 'heading', attrs: { level }, content: [text(t)] })
// As the editor writes a paragraph, so that the saved body compares equal.
const p = (t: string) => ({ type: 'paragraph', attrs: { guidance: null }, content: [text(t)] })

// 一、甲 （一）乙 1.乙一 （二）丙 二、丁: 乙 has a sibling after it, which 升级 takes in.
const BODY = {
  type: 'doc',
  content: [
    p('开头。'),
    h(1, '甲'),
    h(2, '乙'),
    p('乙的正文。'),
    h(3, '乙一'),
    h(2, '丙'),
    p('丙的正文。'),
    h(1, '丁'),
  ],
}

async function savedBody(page: Page, id: string): Promise<unknown> {
  const { draft } = await callApi<{ draft: { body: unknown } }>(page, 'openDraft', { id })
  return draft.body
}

const headingTexts = (page: Page) =>
  page
    .locator('.page-body h1, .page-body h2, .page-body h3, .page-body h4')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-number')}${e.textContent}`))

describe('升级 then 降级 in the browser', () => {
  const session = useBrowser({ pagePerTest: true })

  for (const way of ['the outline buttons', 'Shift+Tab then Tab'] as const) {
    it(`by ${way} gives back the same document`, async () => {
      const page = session.page
      const id = await openNewDraft(page, { kind: 'blank', body: BODY })
      const before = await savedBody(page, id)
      await page.locator('.page-body h2', { hasText: '乙' }).click()
      await settleCaret(page)
      const outline = page.getByRole('toolbar', { name: '大纲操作' })

      if (way === 'the outline buttons') await outline.getByRole('button', { name: '升级' }).click()
      else await page.keyboard.press('Shift+Tab')
      await expect.poll(() => headingTexts(page)).toContain('二、乙')
      // 乙一 moved up with it; 丙 came under 乙 as its second subsection; 丁 is now 三、.
      expect(await headingTexts(page)).toEqual([
        '一、甲',
        '二、乙',
        '（一）乙一',
        '（二）丙',
        '三、丁',
      ])
      await page.keyboard.press('Control+s')
      await expect.poll(() => savedBody(page, id), { timeout: 10_000 }).not.toEqual(before)

      // At once, before the outline list catches up: the button acts on the caret's section as
      // the text is now (it once acted on the list's stale entry for 乙 and did nothing).
      if (way === 'the outline buttons') await outline.getByRole('button', { name: '降级' }).click()
      else await page.keyboard.press('Tab')
      await expect
        .poll(() => headingTexts(page))
        .toEqual(['一、甲', '（一）乙', '1.乙一', '（二）丙', '二、丁'])
      await page.keyboard.press('Control+s')
      await expect.poll(() => savedBody(page, id), { timeout: 10_000 }).toEqual(before)
    })
  }

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

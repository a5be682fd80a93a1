import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'
import { TYPING_MODES, settleCaret, typeIn } from './typing.ts'

const session = useBrowser({ pagePerTest: true })

const slot = (label: string) => ({ type: 'snippetSlot', attrs: { label } })
const text = (t: string) => ({ type: 'text', text: t })

const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('主要工作')] },
    { type: 'paragraph', content: [text('第一段文字。')] },
    {
      type: 'paragraph',
      content: [text('全年共开展'), slot('活动名称'), text('活动'), slot('次数'), text('次。')],
    },
    { type: 'paragraph', content: [text('最后一段文字。')] },
  ],
}

const blocks = () =>
  session.page
    .locator('.page-body')
    .evaluate((el) => [...el.children].map((c) => `${c.tagName}:${c.textContent}`))

describe.each(TYPING_MODES)('a selected blank, filled by %s', (mode) => {
  it('takes the word in place and nothing else changes', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    // At the line's start, where no blank can be hit by the click itself.
    await page
      .locator('.page-body p')
      .nth(1)
      .click({ position: { x: 4, y: 8 } })
    await settleCaret(page)
    await page.keyboard.press('Home')
    await page.keyboard.press('Tab')
    await page.locator('.snippet-slot.ProseMirror-selectednode').waitFor()
    await typeIn(page, mode, '安全教育')
    await expect
      .poll(blocks)
      .toEqual([
        'H1:主要工作',
        'P:第一段文字。',
        'P:全年共开展安全教育活动［次数］次。',
        'P:最后一段文字。',
      ])
    await page.keyboard.press('Tab')
    await page.locator('.snippet-slot.ProseMirror-selectednode').waitFor()
    await typeIn(page, mode, '十二')
    await expect
      .poll(blocks)
      .toEqual([
        'H1:主要工作',
        'P:第一段文字。',
        'P:全年共开展安全教育活动十二次。',
        'P:最后一段文字。',
      ])
  })
})

describe('blanks and set phrases', () => {
  it('Shift+Tab goes back a blank; Enter on a blank leaves it whole instead of splitting', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.locator('.page-body p').nth(1).click()
    await page.keyboard.press('End')
    await settleCaret(page)
    await page.keyboard.press('Shift+Tab')
    await expect(
      page.locator('.snippet-slot.ProseMirror-selectednode').textContent(),
    ).resolves.toBe('［次数］')
    await page.keyboard.press('Shift+Tab')
    await expect(
      page.locator('.snippet-slot.ProseMirror-selectednode').textContent(),
    ).resolves.toBe('［活动名称］')
    await page.keyboard.press('Enter')
    await expect
      .poll(blocks)
      .toEqual([
        'H1:主要工作',
        'P:第一段文字。',
        'P:全年共开展［活动名称］活动［次数］次。',
        'P:最后一段文字。',
      ])
  })

  it.each(TYPING_MODES)(
    'a blank in a heading filled by %s keeps the heading and its number',
    async (mode) => {
      const { page } = session
      await openNewDraft(page, {
        kind: 'blank',
        body: {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 1 }, content: [slot('工作名称'), text('成效明显')] },
          ],
        },
      })
      await page.locator('.page-body h1').click({ position: { x: 4, y: 8 } })
      await page.keyboard.press('Home')
      await page.keyboard.press('Tab')
      await page.locator('.snippet-slot.ProseMirror-selectednode').waitFor()
      await typeIn(page, mode, '控辍保学')
      await expect.poll(blocks).toEqual(['H1:控辍保学成效明显'])
      await expect(page.locator('.page-body h1').getAttribute('data-number')).resolves.toBe('一、')
    },
  )

  it('a phrase inserted from the panel has its first blank selected, ready to type over', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank' })
    await page.getByRole('tab', { name: '常用语' }).click()
    await page.getByLabel('搜索常用语').fill('zqld')
    await page.locator('.page-body').click()
    await page.locator('.snippet-insert').first().click()
    const selected = page.locator('.page-body .snippet-slot.ProseMirror-selectednode')
    await selected.waitFor()
    const label = (await selected.textContent())!
    await typeIn(page, 'ime', '全面发展')
    const paragraph = (await page.locator('.page-body p').first().textContent())!
    expect(paragraph).toContain('全面发展')
    expect(paragraph).not.toContain(label)
  })
})

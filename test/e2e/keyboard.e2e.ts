import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

const session = useBrowser({ pagePerTest: true })

const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '全区学校稳步发展。' }] },
  ],
}

const inEditor = () =>
  session.page.evaluate(() => document.activeElement?.classList.contains('page-body') ?? false)

describe.each(TYPING_MODES)('the keyboard, typing by %s', (mode) => {
  it('opening a draft puts the caret in the text', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await expect.poll(inEditor).toBe(true)
    await typeIn(page, mode, '全面')
    await expect(page.locator('.page-body h1').textContent()).resolves.toBe('全面主要工作')
  })

  it('Tab in a body paragraph stays in the text; Ctrl+Y redoes what Ctrl+Z undid', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.locator('.page-body p').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Tab')
    expect(await inEditor()).toBe(true)
    await typeIn(page, mode, '成效')
    const paragraph = page.locator('.page-body p')
    await expect(paragraph.textContent()).resolves.toBe('全区学校稳步发展。成效')
    await page.keyboard.press('Control+z')
    await expect.poll(() => paragraph.textContent()).toBe('全区学校稳步发展。')
    await page.keyboard.press('Control+y')
    await expect.poll(() => paragraph.textContent()).toBe('全区学校稳步发展。成效')
  })

  it('Esc closes the find bar from its buttons too, and typing goes on in the text', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await page.keyboard.press('Control+f')
    const bar = page.getByRole('search', { name: '查找和替换' })
    // As a writer does: type once the bar is there and has the keyboard.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="search"]') != null))
      .toBe(true)
    await typeIn(page, mode, '学校')
    // The count follows the query once the field has it: wait for it rather than read it at once.
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('第 1 处，共 1 处')
    await bar.getByRole('button', { name: '下一个' }).focus()
    await page.keyboard.press('Escape')
    await expect(bar.count()).resolves.toBe(0)
    expect(await inEditor()).toBe(true)
  })
})

describe.each(TYPING_MODES)('the find bar, typing by %s', (mode) => {
  it('has the keyboard as soon as Ctrl+F is handled, so the next keys never reach the text', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    await expect.poll(inEditor).toBe(true)
    // Where the keyboard is in the same task as the shortcut: the next key may come right after it.
    const focusAfterShortcut = () =>
      page.evaluate(() => {
        const init = { key: 'f', code: 'KeyF', ctrlKey: true, bubbles: true, cancelable: true }
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', init))
        return document.activeElement?.closest('[role="search"]') != null
      })
    expect(await focusAfterShortcut()).toBe(true)
    await typeIn(page, mode, '学校')
    const field = page.getByRole('search', { name: '查找和替换' }).getByRole('textbox').first()
    await expect.poll(() => field.inputValue()).toBe('学校')
    await expect(page.locator('.page-body').textContent()).resolves.toBe(
      '主要工作全区学校稳步发展。',
    )
    // A second Ctrl+F from the text takes the keyboard back to the field.
    await page.locator('.page-body p').click()
    expect(await focusAfterShortcut()).toBe(true)
  })
})

describe('the skip key', () => {
  it('is the first Tab stop and takes the keyboard to the text', async () => {
    const { page } = session
    await openNewDraft(page, { kind: 'blank', body: BODY })
    // From the first button of the top bar, one step back is the skip key: the page's first stop.
    await page.getByRole('button', { name: '返回草稿箱' }).focus()
    await page.keyboard.press('Shift+Tab')
    const skip = page.getByRole('button', { name: '跳到正文' })
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(inEditor).toBe(true)
  })
})

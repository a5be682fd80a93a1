import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { launchChromium, startTestHost, type TestHost } from './support.ts'
import { imeType as imeTypeIn } from './typing.ts'

let host: TestHost
let browser: Browser
let page: Page
let draftId: string

const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '全区学校稳步发展。' }] },
    {
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: '成果巩固。全区小学在校学生24341人。' }],
    },
    { type: 'paragraph', attrs: { guidance: '写具体做法、数字和成效。' } },
  ],
}

beforeAll(async () => {
  host = await startTestHost()
  browser = await launchChromium()
})
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
  // A long typing pause, so only compositionend itself can have saved the text in time.
  await page.goto(`${host.url}?autosaveIdleMs=20000`)
  draftId = await openNewDraft(page, { kind: 'blank', body: BODY })
})
afterEach(async () => {
  await page?.close()
})
afterAll(async () => {
  await browser?.close()
  await host?.dispose()
})

const imeType = (pinyin: string, result: string) => imeTypeIn(page, pinyin, result)

/** Places the caret in block `index` of the page body at text offset `offset` (or its end). */
async function caretIn(index: number, offset?: number) {
  await page.locator('.page-body').evaluate(
    (el, [i, o]) => {
      const block = el.children[i as number] as HTMLElement
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      let remaining = o as number | null
      let node = walker.nextNode() as Text | null
      const range = document.createRange()
      if (!node) range.setStart(block, 0)
      while (node) {
        if (remaining === null || remaining > node.length) {
          if (remaining !== null) remaining -= node.length
          const next = walker.nextNode() as Text | null
          if (!next) {
            range.setStart(node, node.length)
            break
          }
          node = next
        } else {
          range.setStart(node, remaining)
          break
        }
      }
      range.collapse(true)
      ;(el as HTMLElement).focus()
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
    },
    [index, offset ?? null],
  )
  await page.waitForTimeout(50)
}

const blockText = (i: number) =>
  page.locator('.page-body').evaluate((el, n) => el.children[n]!.textContent, i)

async function savedText(): Promise<string> {
  return readFile(join(host.dataDir, 'drafts', draftId, 'draft.json'), 'utf8')
}

/** The committed word is on disk soon after compositionend, long before the typing pause ends. */
async function expectSavedSoon(text: string) {
  const started = Date.now()
  while (Date.now() - started < 5000) {
    if ((await savedText()).includes(text)) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`"${text}" was not saved within 5 s of compositionend`)
}

describe('Chinese input (IME composition)', () => {
  it('in the middle of a paragraph: no duplicate, no drop, saved at compositionend', async () => {
    await caretIn(1, 2)
    await imeType('jiaoyu', '教育')
    await expect(blockText(1)).resolves.toBe('全区教育学校稳步发展。')
    await expectSavedSoon('全区教育学校稳步发展。')
  })

  it('at the start of a heading, right after its drawn number', async () => {
    await caretIn(0, 0)
    await imeType('quanmian', '全面')
    await expect(blockText(0)).resolves.toBe('全面主要工作')
    await expect(page.locator('.page-body h1').getAttribute('data-number')).resolves.toBe('一、')
    await expectSavedSoon('全面主要工作')
  })

  it('in the body of a run-in heading', async () => {
    await caretIn(2)
    await imeType('wancheng', '完成，')
    await expect(blockText(2)).resolves.toBe('成果巩固。全区小学在校学生24341人。完成，')
    await expect(page.locator('.page-body h3 .runin-body').textContent()).resolves.toBe(
      '全区小学在校学生24341人。完成，',
    )
    await expectSavedSoon('24341人。完成，')
  })

  it('next to guidance text, with Chinese punctuation, in an empty guided paragraph', async () => {
    await caretIn(3, 0)
    await imeType('“', '“')
    await imeType('puji', '普及')
    await imeType('”', '”')
    await expect(blockText(3)).resolves.toBe('“普及”')
    await expectSavedSoon('“普及”')
    // The guidance disappears once there is text, and is never part of it.
    expect(await savedText()).not.toContain('写具体做法、数字和成效。“')
  })

  it('keeps the word count and the text right over many commits in a row', async () => {
    await caretIn(1)
    const words = ['坚持', '立德', '树人', '，', '办好', '人民', '满意', '的', '教育', '。']
    for (const w of words) await imeType('x', w)
    await expect(blockText(1)).resolves.toBe(`全区学校稳步发展。${words.join('')}`)
    await expect.poll(() => page.getByTestId('word-count').textContent()).toBe('字数 46')
    await expectSavedSoon(words.join(''))
  })
})

describe('a heading marker typed by keys, then a word through the IME', () => {
  /** A new empty paragraph after the last block, with the caret in it. */
  async function newParagraph() {
    await caretIn(2)
    await page.keyboard.press('Enter')
  }

  it.each([
    ['1.', 3, 'h3'],
    ['1．', 3, 'h3'],
    ['1. ', 3, 'h3'],
    ['２.', 3, 'h3'],
    ['一、', 1, 'h1'],
    ['一、 ', 1, 'h1'],
    ['（一）', 2, 'h2'],
    ['(一)', 2, 'h2'],
    ['（一） ', 2, 'h2'],
    ['（1）', 4, 'h4'],
    ['(1)', 4, 'h4'],
  ])(
    '"%s" then 教育 makes a level-%i heading without the typed marker',
    async (marker, _l, tag) => {
      await newParagraph()
      await page.keyboard.type(marker)
      await imeType('jiaoyu', '教育')
      const heading = page.locator(`.page-body ${tag}`).last()
      await expect.poll(() => heading.textContent()).toBe('教育')
      await expectSavedSoon('"text":"教育"')
    },
  )

  it.each([
    ['yi', '一、', 1, 'h1'],
    ['yi', '（一）', 2, 'h2'],
  ])(
    'a marker committed by the IME too (%s → "%s"), then 教育: a level-%i heading',
    async (pinyin, marker, _l, tag) => {
      await newParagraph()
      await imeType(pinyin, marker)
      await imeType('jiaoyu', '教育')
      const heading = page.locator(`.page-body ${tag}`).last()
      await expect.poll(() => heading.textContent()).toBe('教育')
      await expectSavedSoon('"text":"教育"')
    },
  )

  it('Enter at once after the commit: the heading is made before the line breaks', async () => {
    await newParagraph()
    await page.keyboard.type('2.')
    // A busy machine handles a waiting key before any timer: Enter in the same turn as the commit.
    await page.locator('.page-body').evaluate((el) => {
      const enter = () =>
        el.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'Enter',
            code: 'Enter',
            bubbles: true,
            cancelable: true,
          }),
        )
      el.addEventListener('compositionend', () => queueMicrotask(() => queueMicrotask(enter)), {
        once: true,
      })
    })
    await imeType('gaozhong', '高中教育')
    await expect.poll(() => page.locator('.page-body h3').last().textContent()).toBe('高中教育')
    await expect.poll(() => blockText(4)).toBe('')
    await expectSavedSoon('"text":"高中教育"')
  })

  it('"1. " then a character typed by keys makes the same heading', async () => {
    await newParagraph()
    await page.keyboard.type('1. 教育')
    await expect.poll(() => page.locator('.page-body h3').last().textContent()).toBe('教育')
  })

  it('composing later in an old paragraph that starts with "1." changes nothing', async () => {
    await newParagraph()
    await page.keyboard.type('1.')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('.5万元用于')
    await imeType('gaizao', '改造')
    await expect.poll(() => blockText(3)).toBe('1.5万元用于改造')
    await expect(
      page
        .locator('.page-body > *')
        .nth(3)
        .evaluate((el) => el.tagName),
    ).resolves.toBe('P')
  })

  it('Ctrl+Alt+1 on a line that starts with a typed 三、 draws the number instead of repeating it', async () => {
    await newParagraph()
    // Pasted lines keep their typed marker as text until the writer makes them headings.
    await page.keyboard.insertText('三、存在的问题')
    await expect.poll(() => blockText(3)).toBe('三、存在的问题')
    await page.keyboard.press('Control+Alt+1')
    const heading = page.locator('.page-body h1').last()
    await expect.poll(() => heading.textContent()).toBe('存在的问题')
    await expect(heading.getAttribute('data-number')).resolves.toBe('二、')
  })
})

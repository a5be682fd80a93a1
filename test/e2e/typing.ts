import type { CDPSession, Locator, Page } from 'playwright-core'

/** How a string reaches the editor: key by key, or through a Chinese IME. */
export type TypingMode = 'keys' | 'ime'
export const TYPING_MODES: readonly TypingMode[] = ['keys', 'ime']

const sessions = new WeakMap<Page, CDPSession>()

async function cdpOf(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page)
  if (!cdp) {
    cdp = await page.context().newCDPSession(page)
    sessions.set(page, cdp)
  }
  return cdp
}

/**
 * Types `result` through the IME as Microsoft Pinyin or Sogou does: the key that opens the
 * composition (keydown "Process", keyCode 229), composition updates with growing pinyin, the
 * chosen word, then the commit.
 */
export async function imeType(page: Page, pinyin: string, result: string): Promise<void> {
  const cdp = await cdpOf(page)
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key: 'Process',
    code: 'KeyA',
    windowsVirtualKeyCode: 229,
    nativeVirtualKeyCode: 229,
  })
  for (let i = 1; i <= pinyin.length; i++) {
    const text = pinyin.slice(0, i)
    await cdp.send('Input.imeSetComposition', { text, selectionStart: i, selectionEnd: i })
  }
  await cdp.send('Input.imeSetComposition', {
    text: result,
    selectionStart: result.length,
    selectionEnd: result.length,
  })
  await cdp.send('Input.insertText', { text: result })
}

/** Runs of printable ASCII (digits, Latin, "%") and runs of everything else. */
const RUNS = /[\x20-\x7e]+|[^\x20-\x7e]+/g

/**
 * Types `text` in the given mode. Through the IME each run of Chinese text is one composition;
 * digits and Latin letters between them are typed by keys, as an IME passes them through.
 */
export async function typeIn(page: Page, mode: TypingMode, text: string): Promise<void> {
  if (mode === 'keys') {
    await page.keyboard.type(text)
    return
  }
  for (const run of text.match(RUNS) ?? []) {
    if (/^[\x20-\x7e]/.test(run)) await page.keyboard.type(run)
    else await imeType(page, 'pinyin'.slice(0, Math.max(1, Math.min(6, run.length * 2))), run)
  }
}

/**
 * Replaces the value of a form field as a writer does: focus it, select all, delete, then type
 * in the given mode, so that the IME's text goes into the focused field.
 */
export async function typeInto(field: Locator, mode: TypingMode, text: string): Promise<void> {
  await field.click()
  await field.press('Control+a')
  await field.press('Backspace')
  await typeIn(field.page(), mode, text)
}

/**
 * After a click that places the caret: the editor reads the caret from the page a moment later
 * (ProseMirror's DOM observer), and on a loaded machine a key pressed at once could overtake it.
 */
export async function settleCaret(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)))
}

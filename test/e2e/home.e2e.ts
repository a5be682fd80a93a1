import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callRaw } from './page-api.ts'
import { SCREENSHOT_DIR, launchChromium, startTestHost, type TestHost } from './support.ts'

let host: TestHost
let browser: Browser
let page: Page
const requested: string[] = []
const consoleErrors: string[] = []

beforeAll(async () => {
  host = await startTestHost()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  page.on('request', (req) => requested.push(req.url()))
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text())
  })
  await page.goto(host.url)
})

afterAll(async () => {
  await browser?.close()
  await host?.dispose()
})

describe('home screen in real Chromium', () => {
  it('renders in Chinese with real CJK glyphs', async () => {
    await expect(page.getByRole('heading', { name: '草稿箱' }).isVisible()).resolves.toBe(true)
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN')
    await page.getByText('还没有草稿').waitFor()
    // Without a CJK font every character is drawn as the same tofu box: real glyphs differ.
    const distinctGlyphs = await page.evaluate(() => {
      const font = getComputedStyle(document.querySelector('h2')!).font
      const pixels = [...'草稿箱口'].map((ch) => {
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = 48
        const ctx = canvas.getContext('2d')!
        ctx.font = font
        ctx.fillText(ch, 4, 36)
        return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3)).join(
          ',',
        )
      })
      return { distinct: new Set(pixels).size, inked: pixels.every((p) => /[1-9]/.test(p)) }
    })
    expect(distinctGlyphs).toEqual({ distinct: 4, inked: true })
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') })
  })

  it('round-trips a contract call through the browser host', async () => {
    await page.getByTestId('app-version').filter({ hasText: '版本 0.0.0-test' }).waitFor()
    const settings = await callRaw(page, 'getSettings', {})
    expect(settings).toMatchObject({ ok: true, value: { level3Numbering: '1.' } })
  })

  it('refuses an invalid input with the typed error', async () => {
    const result = (await callRaw(page, 'updateSettings', { editorFontSize: 'huge' })) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message).toMatch(/^输入有误/)
  })

  it('requests nothing outside its own origin and logs no errors', () => {
    const origin = new URL(host.url).origin
    expect(requested.length).toBeGreaterThan(2)
    expect(requested.filter((url) => !url.startsWith(origin))).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})

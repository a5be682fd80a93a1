import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

import { createHost } from '../../electron/host/create-host.ts'
import type { BrowserHost } from '../../electron/host/server.ts'

export const ROOT = join(import.meta.dirname, '../..')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots')

/** Debian's Chromium, with the flags this offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface TestHost extends BrowserHost {
  dataDir: string
  dispose(): Promise<void>
}

/** The real browser host on the built renderer, with a fresh data folder. */
export async function startTestHost(): Promise<TestHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'caogao 测试 '))
  const host = await createHost({
    rendererDir: join(ROOT, 'out/renderer'),
    dataDir,
    version: '0.0.0-test',
  })
  return {
    ...host,
    dataDir,
    async dispose() {
      await host.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export interface BrowserSession {
  readonly host: TestHost
  readonly browser: Browser
  readonly page: Page
  /** Uncaught errors of the pages, to assert there were none. */
  readonly pageErrors: string[]
}

/**
 * Registers the hooks of an end-to-end file: one host and one Chromium for the file, and a page
 * opened on the app — fresh for each test, or one for the whole file.
 */
export function useBrowser(options: { pagePerTest: boolean; query?: string }): BrowserSession {
  let host: TestHost | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  const pageErrors: string[] = []
  const openPage = async () => {
    page = await browser!.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(`${host!.url}${options.query ?? ''}`)
  }
  beforeAll(async () => {
    host = await startTestHost()
    browser = await launchChromium()
    if (!options.pagePerTest) await openPage()
  })
  if (options.pagePerTest) {
    beforeEach(openPage)
    afterEach(async () => {
      await page?.close()
    })
  }
  afterAll(async () => {
    await browser?.close()
    await host?.dispose()
  })
  return {
    get host() {
      return host!
    },
    get browser() {
      return browser!
    },
    get page() {
      return page!
    },
    pageErrors,
  }
}

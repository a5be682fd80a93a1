import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromium, type Browser } from 'playwright-core'

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

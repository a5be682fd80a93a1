import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { placeCaret } from '../../bench/renderer.ts'
import { generateReport } from '../../bench/report-fixture.ts'
import { median } from '../../bench/stats.ts'
import { openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'

/** Chromium's own layout time of each of `keys` keystrokes at the end of the report (trace). */
async function layoutPerKey(page: Page, keys: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page)
  const events: { name: string; ph: string; dur?: number }[] = []
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' })
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press('abcdefghij'[i % 10]!)
    await new Promise((r) => setTimeout(r, 60))
  }
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()
  return events.filter((e) => e.name === 'Layout' && e.ph === 'X').map((e) => e.dur! / 1000)
}

describe('a keystroke lays out its paragraph, not the report', () => {
  const session = useBrowser({ pagePerTest: true })

  // The editor's column once took its height from its content, so every key laid out all of
  // a long report again (27 ms a key in 100,000 characters, 8 times the 5,000-character
  // report's). Now it is about 3 times (Chromium still walks the page's ~1,300 blocks): a
  // bound on the ratio of two sizes, not a time.
  it('costs about the same in 100,000 characters as in 5,000', { timeout: 120_000 }, async () => {
    const perSize: number[] = []
    for (const size of [5_000, 100_000]) {
      await openNewDraft(session.page, { kind: 'blank', body: generateReport(size, 20, 0).body })
      await placeCaret(session.page, 'end')
      perSize.push(median(await layoutPerKey(session.page, 30)))
    }
    const [short, long] = perSize as [number, number]
    console.log(`layout a key: ${short.toFixed(2)} ms in 5k, ${long.toFixed(2)} ms in 100k`)
    expect(long / short).toBeLessThan(6)
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

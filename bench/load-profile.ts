// `node bench/load-profile.ts`: where the time to editable goes when the app opens the 100k report:
// the long tasks and main-thread events of a devtools trace, and the functions with the most self
// time in a CPU profile taken over the navigation (run `npm run build` first).
import type { Profiler } from 'inspector'

import { launchChromium } from '../test/e2e/support.ts'
import { appSubject, editableAt } from './renderer.ts'
import { generateReport } from './report-fixture.ts'
import { selfTimes } from './stats.ts'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  args?: { beginData?: unknown; data?: unknown }
}

const app = await appSubject(generateReport(100_000))
const browser = await launchChromium()
try {
  for (let round = 0; round < 2; round++) {
    const page = await app.open(browser)
    const url = page.url()
    await page.goto('about:blank')
    const cdp = await page.context().newCDPSession(page)
    const events: TraceEvent[] = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline',
      transferMode: 'ReportEvents',
    })
    await cdp.send('Profiler.start')
    await page.goto(url)
    const at = await editableAt(page)
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profiler.Profile }
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
    await cdp.send('Tracing.end')
    await done
    console.log(`\nround ${round + 1}: editable at ${at.toFixed(0)} ms`)
    const start = events.find((e) => e.name === 'ParseHTML')?.ts ?? 0
    for (const e of events) {
      if (e.ph !== 'X' || (e.dur ?? 0) < 4000) continue
      if (!/^(Layout|FunctionCall|v8\.evaluateModule|TimerFire|FireAnimationFrame)$/.test(e.name))
        continue
      const when = ((e.ts - start) / 1000).toFixed(0).padStart(5)
      console.log(`  ${when} ms  +${(e.dur! / 1000).toFixed(1).padStart(6)} ms  ${e.name}`)
    }
    for (const [key, ms] of selfTimes(profile).slice(0, 15))
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`)
    await page.close()
  }
} finally {
  await browser.close()
  await app.host.close()
}

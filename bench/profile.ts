// `node bench/profile.ts`: a CPU profile of typing at the end of the 100k report in the app,
// summarised as the functions with the most self time (for finding why a figure is slow).
import type { Profiler } from 'inspector'

import { launchChromium } from '../test/e2e/support.ts'
import { appSubject, editableAt, placeCaret } from './renderer.ts'
import { generateReport } from './report-fixture.ts'
import { nodeMs, selfTimes } from './stats.ts'

const app = await appSubject(generateReport(100_000))
const browser = await launchChromium()
const page = await app.open(browser)
await editableAt(page)
await placeCaret(page, 'end')
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
await cdp.send('Profiler.start')
for (let i = 0; i < 100; i++) {
  await page.keyboard.press('abcdefghij'[i % 10]!)
  await new Promise((r) => setTimeout(r, 80))
}
const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profiler.Profile }
const dt = nodeMs(profile)
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const total = new Map<string, number>()
for (const n of profile.nodes) {
  const ms = dt.get(n.id) ?? 0
  if (!ms) continue
  const seen = new Set<string>()
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber}`
    if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms)
    seen.add(key)
  }
}
console.log('--- inclusive')
for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45))
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`)
console.log('--- self')
const top = selfTimes(profile).slice(0, 40)
for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`)
await browser.close()
await app.host.close()

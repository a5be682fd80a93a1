// Renderer figures: the built app in Debian's Chromium against a bare Tiptap StarterKit editor
// holding the same 100,000-character report, both measured by the same in-page probe.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'

import type { DocNode } from '../domain/draft/doc.ts'
import type { DraftContent } from '../domain/draft/draft.ts'
import { referenceText } from '../domain/indicators/format.ts'
import type { ReferenceForm } from '../domain/indicators/model.ts'
import { createHost } from '../electron/host/create-host.ts'
import { startBrowserHost, type BrowserHost } from '../electron/host/server.ts'
import { DraftStore } from '../electron/services/drafts/draft-store.ts'
import { launchChromium } from '../test/e2e/support.ts'
import { installProbe } from './renderer-probe.ts'
import { generateReport } from './report-fixture.ts'
import { seededRandom, type Row } from './stats.ts'

const root = join(import.meta.dirname, '..')
const KEYSTROKES = 300
const LOADS = 7

/** The report as a bare editor's document: references become bold text of what they show. */
function bareContent(report: DraftContent): unknown {
  const indicator = report.indicators[0]!
  const inline = (node: DocNode): unknown =>
    node.type === 'indicatorRef'
      ? {
          type: 'text',
          text: referenceText(indicator, node.attrs!.form as ReferenceForm),
          marks: [{ type: 'bold' }],
        }
      : { type: 'text', text: node.text }
  return {
    type: 'doc',
    content: report.body.content!.map((block) => ({
      type: block.type,
      ...(block.type === 'heading' ? { attrs: { level: block.attrs!.level } } : {}),
      content: block.content?.map(inline),
    })),
  }
}

interface Subject {
  name: 'app' | 'bare'
  /** A page holding a fresh copy of the report, not yet navigated. */
  open(browser: Browser): Promise<Page>
}

export async function appSubject(
  report: DraftContent,
): Promise<Subject & { host: BrowserHost; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caogao-bench-renderer-'))
  const host = await createHost({
    rendererDir: join(root, 'out/renderer'),
    dataDir,
    version: '0.0.0-bench',
  })
  const store = new DraftStore({ dataDir })
  const blocks = report.body.content!.length
  return {
    name: 'app',
    host,
    dataDir,
    async open(browser) {
      // Every scenario gets its own draft, so typing in one leaves the next untouched.
      const { id } = await store.create(report)
      const page = await newPage(browser, blocks)
      await page.goto(`${host.url}#/draft/${id}`)
      return page
    },
  }
}

export async function bareSubject(
  report: DraftContent,
): Promise<Subject & { host: BrowserHost; outDir: string }> {
  // Outside out/, which is what gets packaged.
  const outDir = mkdtempSync(join(tmpdir(), 'caogao-bench-baseline-'))
  await build({
    root: join(import.meta.dirname, 'baseline'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  })
  writeFileSync(join(outDir, 'content.json'), JSON.stringify(bareContent(report)))
  const host = await startBrowserHost({
    rendererDir: outDir,
    dispatch: async () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: '基准页面没有服务。' },
    }),
  })
  const blocks = report.body.content!.length
  return {
    name: 'bare',
    host,
    outDir,
    async open(browser) {
      const page = await newPage(browser, blocks)
      await page.goto(host.url)
      return page
    },
  }
}

async function newPage(browser: Browser, blocks: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
  await page.addInitScript(installProbe, blocks)
  page.on('pageerror', (e) => console.error(`页面错误：${e.message}`))
  return page
}

export const editableAt = async (page: Page) => {
  await page.waitForFunction(() => window.__probe.editableAt !== null, null, { timeout: 30_000 })
  return page.evaluate(() => window.__probe.editableAt!)
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Places the caret at the end of the report, or in the middle of its middle paragraph. */
export async function placeCaret(page: Page, where: 'end' | 'middle') {
  await page.evaluate((w) => {
    const root = document.querySelector<HTMLElement>('.ProseMirror')!
    const blocks = [...root.children].filter((el) => el.tagName === 'P')
    const block = w === 'end' ? blocks.at(-1)! : blocks[Math.floor(blocks.length / 2)]!
    const texts: Text[] = []
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) texts.push(walker.currentNode as Text)
    // The end of the last text, or the middle of the first (never inside a reference).
    const text = w === 'end' ? texts.at(-1)! : texts[0]!
    root.focus()
    block.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.setStart(text, w === 'end' ? text.length : Math.floor(text.length / 2))
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
  }, where)
  await pause(300)
}

/** A writer's rhythm: 40–200 ms between keys, and a pause of about a second every 25 keys. */
function rhythm(seed: number): () => number {
  const random = seededRandom(seed)
  let n = 0
  return () => (++n % 25 === 0 ? 700 + random() * 600 : 40 + random() * 160)
}

async function typing(
  subject: Subject,
  browser: Browser,
  where: 'end' | 'middle',
): Promise<number[]> {
  const page = await subject.open(browser)
  await editableAt(page)
  await placeCaret(page, where)
  await page.evaluate(() => window.__probe.record('keydown'))
  const next = rhythm(1)
  const keys = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let typed = ''
  for (let i = 0; i < KEYSTROKES; i++) {
    const key = keys[i % keys.length]!
    typed += key
    await page.keyboard.press(key)
    await pause(next())
  }
  await pause(500)
  const samples = await page.evaluate(() => window.__probe.samples.keydown!)
  const text = await page.locator('.ProseMirror').textContent()
  if (samples.length !== KEYSTROKES || !text!.includes(typed.slice(-60)))
    throw new Error(`${subject.name}: typing at the ${where} lost keystrokes`)
  await page.close()
  return samples
}

const IME_WORDS: [string, string][] = [
  ['jiaoyu', '教育'],
  ['xuexiao', '学校'],
  ['jiaoshi', '教师'],
  ['tuijin', '推进'],
  ['zhiliang', '质量'],
  ['gongzuo', '工作'],
  ['fazhan', '发展'],
  ['quanmian', '全面'],
]

async function imeCommits(
  subject: Subject,
  browser: Browser,
): Promise<{ commit: number[]; composing: number[] }> {
  const page = await subject.open(browser)
  await editableAt(page)
  await placeCaret(page, 'end')
  const cdp = await page.context().newCDPSession(page)
  await page.evaluate(() => {
    window.__probe.record('compositionend')
    window.__probe.record('compositionupdate')
  })
  const next = rhythm(2)
  let typed = ''
  for (let i = 0; i < KEYSTROKES; i++) {
    const [pinyin, word] = IME_WORDS[i % IME_WORDS.length]!
    for (let k = 1; k <= pinyin.length; k += 2) {
      await cdp.send('Input.imeSetComposition', {
        text: pinyin.slice(0, k),
        selectionStart: k,
        selectionEnd: k,
      })
      await pause(30)
    }
    await cdp.send('Input.insertText', { text: word })
    typed += word
    await pause(next())
  }
  await pause(500)
  const samples = await page.evaluate(() => window.__probe.samples)
  const text = await page.locator('.ProseMirror').textContent()
  if (samples.compositionend!.length !== KEYSTROKES || !text!.includes(typed.slice(-40)))
    throw new Error(`${subject.name}: IME commits were lost`)
  await page.close()
  return { commit: samples.compositionend!, composing: samples.compositionupdate! }
}

/** Arms the probe for the next `type` event, then runs `act`, and returns the latency. */
async function measure(
  page: Page,
  type: string,
  act: () => Promise<void>,
  until?: { selector: string; text: string; count: number },
): Promise<number> {
  await page.evaluate(
    ([t, u]) => {
      ;(window as unknown as { pending: Promise<number> }).pending = window.__probe.once(
        t,
        u ?? undefined,
      )
    },
    [type, until ?? null] as const,
  )
  await act()
  return page.evaluate(() => (window as unknown as { pending: Promise<number> }).pending)
}

/** A key in the bare page's action field, which runs the armed transaction. */
const bareAction = (page: Page) => () => page.locator('#action').press('x')

async function indicatorChange(
  subject: Subject,
  browser: Browser,
  refs: number,
): Promise<number[]> {
  const page = await subject.open(browser)
  await editableAt(page)
  const samples: number[] = []
  if (subject.name === 'app') {
    await page.getByRole('tab', { name: '指标' }).click()
    const field = page.getByTestId('indicator-card').getByLabel('今年')
    await field.click()
    for (let i = 0; i < 20; i++) {
      const digit = String(1 + (i % 9))
      await field.press('End')
      await field.press('Backspace')
      await pause(150)
      samples.push(
        await measure(page, 'keydown', () => field.press(digit), {
          selector: '.indicator-ref',
          text: `99.6${digit}`,
          count: refs,
        }),
      )
      await pause(150)
    }
  } else {
    for (let i = 0; i < 20; i++) {
      const text = `99.6${1 + (i % 9)}%`
      await page.evaluate((t) => window.bare.armBold(t), text)
      samples.push(
        await measure(page, 'keydown', bareAction(page), { selector: 'strong', text, count: refs }),
      )
      await pause(150)
    }
  }
  await page.close()
  return samples
}

async function replaceAll(subject: Subject, browser: Browser): Promise<number[]> {
  const page = await subject.open(browser)
  await editableAt(page)
  const samples: number[] = []
  const pairs = [
    ['学校', '学堂'],
    ['学堂', '学校'],
  ]
  if (subject.name === 'app') {
    await page.locator('.page-body').click()
    await page.keyboard.press('Control+h')
    const search = page.getByRole('search')
    for (let i = 0; i < 8; i++) {
      const [from, to] = pairs[i % 2]!
      await search.getByLabel('查找', { exact: true }).fill(from!)
      await search.getByLabel('替换为').fill(to!)
      await pause(400)
      const button = page.getByRole('button', { name: '全部替换' })
      samples.push(await measure(page, 'click', () => button.click()))
      await pause(300)
    }
  } else {
    for (let i = 0; i < 8; i++) {
      const [from, to] = pairs[i % 2]!
      await page.evaluate(([f, t]) => window.bare.armReplace(f!, t!), [from, to])
      samples.push(await measure(page, 'keydown', bareAction(page)))
      await pause(300)
    }
  }
  const text = (await page.locator('.ProseMirror').textContent())!
  if (text.includes('学堂')) throw new Error(`${subject.name}: replace-all left 学堂 behind`)
  await page.close()
  return samples
}

/** Drags the fifth chapter (about a tenth of the report) to the top, seven times over. */
async function outlineDrag(subject: Subject, browser: Browser): Promise<number[]> {
  const page = await subject.open(browser)
  await editableAt(page)
  const samples: number[] = []
  const firstChapter = () => page.locator('.ProseMirror > h1').first().textContent()
  for (let i = 0; i < 7; i++) {
    const before = await firstChapter()
    if (subject.name === 'app') {
      const chapters = page.locator('[data-testid="outline-item"].level-1')
      await pause(600)
      samples.push(await measure(page, 'drop', () => chapters.nth(4).dragTo(chapters.nth(0))))
    } else {
      await page.evaluate(() => {
        const doc = window.bare.editor.state.doc
        const h1: number[] = []
        doc.forEach((node, _offset, index) => {
          if (node.type.name === 'heading' && node.attrs.level === 1) h1.push(index)
        })
        window.bare.armMove(h1[4]!, h1[5]!, h1[0]!)
      })
      samples.push(await measure(page, 'keydown', bareAction(page)))
    }
    if ((await firstChapter()) === before)
      throw new Error(`${subject.name}: the chapter did not move`)
  }
  await page.close()
  return samples
}

/** Memory (PSS) of the largest Chromium renderer process, in MB: the one page open, when read. */
function rendererMemory(): number {
  let kb = 0
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      kb = Math.max(
        kb,
        Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))![1]),
      )
    } catch {
      // The process ended while we read it.
    }
  }
  return kb / 1024
}

async function loads(
  subject: Subject,
  browser: Browser,
): Promise<{ editable: number[]; heap: number[]; memory: number[] }> {
  const editable: number[] = []
  const heap: number[] = []
  const memory: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const page = await subject.open(browser)
    editable.push(await editableAt(page))
    // Heap once the page has settled (outline, proofreading, first autosave), after a full GC.
    await pause(2000)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage')
    // V8's heap and Blink's (the DOM lives in the embedder heap).
    heap.push((usedSize + embedderHeapUsedSize) / 1024 / 1024)
    memory.push(rendererMemory())
    await page.close()
    await pause(500)
  }
  return { editable, heap, memory }
}

export async function rendererRows(): Promise<Row[]> {
  const report = generateReport(100_000)
  const refs = report.body.content!.reduce(
    (n, b) => n + (b.content ?? []).filter((c) => c.type === 'indicatorRef').length,
    0,
  )
  const app = await appSubject(report)
  const bare = await bareSubject(report)
  const browser = await launchChromium()
  try {
    const both = async <T>(fn: (s: Subject) => Promise<T>) => ({
      app: await fn(app),
      bare: await fn(bare),
    })
    const load = await both((s) => loads(s, browser))
    const end = await both((s) => typing(s, browser, 'end'))
    const middle = await both((s) => typing(s, browser, 'middle'))
    const ime = await both((s) => imeCommits(s, browser))
    const indicator = await both((s) => indicatorChange(s, browser, refs))
    const drag = await both((s) => outlineDrag(s, browser))
    const replace = await both((s) => replaceAll(s, browser))
    const typingTarget = 'p95 ≤ 16.7 ms, max ≤ 50 ms, p95 ≤ 1.15 × bare'
    return [
      {
        name: 'editable after navigation, 100k',
        samples: load.app.editable,
        baseline: load.bare.editable,
        target: '≤ 1000 ms',
      },
      {
        name: 'typing at the end of 100k',
        samples: end.app,
        baseline: end.bare,
        target: typingTarget,
      },
      {
        name: 'typing in the middle of 100k',
        samples: middle.app,
        baseline: middle.bare,
        target: typingTarget,
      },
      {
        name: 'IME commit at the end of 100k',
        samples: ime.app.commit,
        baseline: ime.bare.commit,
        target: typingTarget,
      },
      {
        name: 'IME composing (pinyin shown)',
        samples: ime.app.composing,
        baseline: ime.bare.composing,
      },
      {
        name: `indicator change shown in all ${refs} refs`,
        samples: indicator.app,
        baseline: indicator.bare,
        target: '≤ 50 ms',
      },
      { name: 'outline drag of a chapter (~10k chars)', samples: drag.app, baseline: drag.bare },
      { name: 'replace-all over 100k', samples: replace.app, baseline: replace.bare },
      {
        name: 'JS + DOM heap after loading 100k (after GC)',
        samples: load.app.heap,
        baseline: load.bare.heap,
        target: '≤ 150 MB',
        unit: 'MB',
      },
      {
        name: 'renderer process after loading 100k (PSS)',
        samples: load.app.memory,
        baseline: load.bare.memory,
        target: '≤ 150 MB',
        unit: 'MB',
      },
    ]
  } finally {
    await browser.close()
    await app.host.close()
    await bare.host.close()
    rmSync(app.dataDir, { recursive: true, force: true })
    rmSync(bare.outDir, { recursive: true, force: true })
  }
}

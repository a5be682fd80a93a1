import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, describe, expect, it } from 'vitest'

import { generateDraft } from '../../bench/report-fixture.ts'
import { paragraph } from '../../domain/draft/doc.ts'
import { buildExportModel } from '../../domain/export/export-model.ts'
import { PAGE } from '../../domain/export/gbt9704.ts'
import {
  draftPageSpec,
  pageFlowKeys,
  pageSpec,
  printLayout,
} from '../../domain/export/page-spec.ts'
import { defaultSettings } from '../../domain/settings.ts'
import { exportCommand } from '../../electron/cli/export-command.ts'
import { findBrowser, renderPdf } from '../../electron/cli/pdf-command.ts'
import { draftToDocx } from '../../electron/services/export/export-service.ts'
import { layoutPages } from '../../renderer/src/pages/layout-pages.ts'
import { PAGES_PRINT_CSS } from '../../renderer/src/pages/print-css.ts'
import { pageLines, renderWithLibreOffice } from '../electron/services/export/docx-inspect.ts'
import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { settleCaret, TYPING_MODES, typeIn } from './typing.ts'

const run = promisify(execFile)
const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const pt = (twips: number) => twips / 20
const NUMBER = /^—\d+—$/

async function pdfInfo(pdf: string) {
  const info = (await run('pdfinfo', [pdf])).stdout
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    pageSize: /Page size:\s+(.*)/.exec(info)![1]!.trim(),
    title: /Title:\s+(.*)/.exec(info)?.[1]?.trim() ?? '',
  }
}

/** Each row of pdffonts: whether the font is embedded. */
async function fontsEmbedded(pdf: string): Promise<boolean[]> {
  const rows = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter(Boolean)
  return rows.map((row) => {
    const cols = row.trim().split(/\s+/)
    return cols[cols.length - 5] === 'yes'
  })
}

/** The layout GB/T 9704 asks of every page of `pdf`: the checks shared by the CLI's and the app's PDF. */
async function expectOfficialPages(pdf: string, pages: number) {
  const top = pt(PAGE.marginTop)
  const left = pt(PAGE.marginLeft)
  const right = pt(PAGE.width - PAGE.marginRight)
  const bottom = pt(PAGE.height - PAGE.marginBottom)
  for (let n = 1; n <= pages; n++) {
    const lines = await pageLines(pdf, n)
    const body = lines.filter((l) => !NUMBER.test(l.text))
    const number = lines.find((l) => NUMBER.test(l.text))
    // The page number: its text, 7 mm under the text block, right on odd and left on even pages.
    expect(number?.text).toBe(`—${n}—`)
    expect(number!.yMin).toBeGreaterThan(bottom)
    if (n % 2 === 1) {
      expect(number!.xMax).toBeLessThan(right - 10)
      expect(number!.xMax).toBeGreaterThan(right - 20)
    } else {
      expect(number!.xMin).toBeGreaterThan(left + 10)
      expect(number!.xMin).toBeLessThan(left + 20)
    }
    // The text stays inside the text block; pdftotext's boxes are the fonts' boxes, taller than
    // the line, so their middles are compared. The first line of a page sits on the top margin.
    for (const line of body) {
      const middle = (line.yMin + line.yMax) / 2
      expect(line.xMin).toBeGreaterThan(left - 1)
      expect(line.xMax).toBeLessThan(right + 1)
      expect(middle).toBeGreaterThan(top)
      expect(middle).toBeLessThan(bottom)
    }
    const middle = (body[0]!.yMin + body[0]!.yMax) / 2
    expect(middle).toBeLessThan(top + 30)
  }
}

describe.each(['gb2312', 'windows'] as const)(
  'caogao export --pdf with the %s fonts',
  (fontSet) => {
    let dir: string
    let pdf: string
    let info: Awaited<ReturnType<typeof pdfInfo>>
    const report = generateDraft(20_000, 10, 0)
    // Plain CJK text over two pages: its full lines show the characters a line holds.
    report.body.content.splice(1, 0, paragraph('教育'.repeat(700)))

    beforeAll(async () => {
      process.env.CAOGAO_BROWSER = BROWSER
      dir = await mkdtemp(join(tmpdir(), 'caogao-pdf-'))
      const input = join(dir, 'report.json')
      await writeFile(input, JSON.stringify(report))
      const started = performance.now()
      pdf = await exportCommand(input, { pdf: true, fontSet, output: join(dir, '报告.pdf') })
      console.log(
        `PDF of a 20,000-character report (${fontSet}): ${(performance.now() - started).toFixed(0)} ms`,
      )
      info = await pdfInfo(pdf)
    }, 120_000)

    it('writes A4 pages with the title in the document properties', () => {
      expect(info.pageSize).toMatch(/\(A4\)$/)
      expect(info.pages).toBeGreaterThan(10)
      expect(info.title).toBe(report.meta.title)
    })

    it('puts 22 lines on a full page and 28 characters on a full line', async () => {
      const full = (await pageLines(pdf, 1)).filter(
        (l) => /^(教育)+教?$|^育?(教育)+$/.test(l.text) && l.text.length > 20,
      )
      expect(full.length).toBeGreaterThan(5)
      for (const line of full.slice(1, -1)) expect([...line.text].length).toBe(28)
      for (const page of [2, 3, 4]) {
        const lines = (await pageLines(pdf, page)).filter((l) => !NUMBER.test(l.text))
        expect(lines).toHaveLength(22)
      }
    })

    it('keeps every page inside the margins with its number on the proper side', async () => {
      await expectOfficialPages(pdf, Math.min(info.pages, 6))
    }, 60_000)

    it('embeds every font', async () => {
      const fonts = await fontsEmbedded(pdf)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.every(Boolean)).toBe(true)
    })

    it("runs to LibreOffice's page count of the same report's .docx, give or take one", async () => {
      const docx = await draftToDocx(report, { ...defaultSettings, exportFontSet: fontSet })
      const rendered = await renderWithLibreOffice(docx)
      console.log(`pages (${fontSet}): PDF ${info.pages}, LibreOffice ${rendered.pages}`)
      expect(Math.abs(rendered.pages - info.pages)).toBeLessThanOrEqual(1)
    }, 180_000)
  },
)

describe('the appendix table over two pages', () => {
  it('carries on on the next page under a repeated header, inside the margins', async () => {
    const report = generateDraft(2_000, 3, 1)
    const [indicator] = report.indicators
    report.indicators = Array.from({ length: 60 }, (_, i) => ({
      ...indicator!,
      id: `i${i}`,
      name: `第${i + 1}项指标`,
    }))
    const settings = { ...defaultSettings, indicatorAppendix: true }
    const model = buildExportModel(report, {
      level3: settings.level3Numbering,
      indicatorAppendix: true,
      today: '2026-11-23',
    })
    const { pdf, pages } = await renderPdf(
      pageSpec(model, printLayout(settings, report.meta)),
      BROWSER,
    )
    const dir = await mkdtemp(join(tmpdir(), 'caogao-pdf-'))
    const file = join(dir, 'appendix.pdf')
    await writeFile(file, pdf)
    await expectOfficialPages(file, pages)
    console.log(`appendix of 60 rows: ${pages} pages`)
    const texts: string[] = []
    for (let n = 1; n <= pages; n++)
      texts.push((await pageLines(file, n)).map((l) => l.text).join('\n'))
    const start = texts.findIndex((t) => t.startsWith('附件\n主要指标统计表'))
    expect(start).toBeGreaterThan(0)
    expect(pages - start).toBeGreaterThan(1)
    // Every page of the table opens with its header; the rows run on in order to the last.
    for (const t of texts.slice(start)) expect(t).toContain('指标名称')
    expect(texts.at(-1)).toContain('第60项指标')
    expect(texts.slice(start, -1).join('')).not.toContain('第60项指标')
  })
})

describe('the page count kept while writing', () => {
  const session = useBrowser({ pagePerTest: false })

  it('counts as many pages as the pages laid out, for varied reports, and after an edit measures again only what changed', async () => {
    const page = session.page
    await page.setContent(
      `<!doctype html><html><head><style>${PAGES_PRINT_CSS}</style></head><body><div class="page-view"><div id="pages"></div></div><div id="count"></div></body></html>`,
    )
    await page.evaluate(
      `window.layoutPages = ${layoutPages.toString()}; window.measured = new Map()`,
    )
    const cases = [
      { chars: 3000, sections: 6, appendix: true, fonts: 'gb2312' },
      { chars: 30000, sections: 60, appendix: true, fonts: 'windows' },
      { chars: 30000, sections: 12, appendix: false, fonts: 'gb2312' },
      { chars: 12000, sections: 30, appendix: true, fonts: 'windows' },
    ] as const
    for (const c of cases) {
      const content = generateDraft(c.chars, c.sections)
      const settings = { ...defaultSettings, exportFontSet: c.fonts, indicatorAppendix: c.appendix }
      const spec = draftPageSpec(content, settings, '2026-11-23')
      const edited = structuredClone(spec)
      const middle = edited.flows.findIndex(
        (f, i) => i > edited.flows.length / 2 && f.kind === 'paragraph',
      )
      const flow = edited.flows[middle]!
      if (flow.kind === 'paragraph')
        flow.runs.push({ ...flow.runs[0]!, text: '再补充一段情况说明。'.repeat(8) })
      const result = await page.evaluate(
        ([spec, keys, edited, editedKeys]) => {
          const w = window as unknown as {
            layoutPages: typeof layoutPages
            measured: Map<string, number[]>
          }
          const pages = document.getElementById('pages')!
          const box = document.getElementById('count')!
          const slices = { n: 0 }
          // Measuring stops after every batch, as in a short idle period.
          const stepwise = (s: typeof spec, k: string[]) => {
            for (;;) {
              slices.n += 1
              const n = w.layoutPages(box, s, {
                measured: w.measured,
                keys: k,
                outOfTime: () => true,
              })
              if (n >= 0) return n
            }
          }
          const first = stepwise(spec, keys)
          const before = w.measured.size
          let added = 0
          const seen = new Set(w.measured.keys())
          const second = stepwise(edited, editedKeys)
          for (const key of w.measured.keys()) if (!seen.has(key)) added += 1
          return {
            full: w.layoutPages(pages, spec),
            first,
            fullEdited: w.layoutPages(pages, edited),
            second,
            before,
            added,
            slices: slices.n,
          }
        },
        [spec, pageFlowKeys(spec), edited, pageFlowKeys(edited)] as const,
      )
      expect(result.first, JSON.stringify(c)).toBe(result.full)
      expect(result.second, JSON.stringify(c)).toBe(result.fullEdited)
      expect(result.slices).toBeGreaterThan(1)
      // One paragraph changed: one new measure (the appendix table is unchanged).
      expect(result.added).toBe(1)
    }
  }, 120_000)
})

describe('caogao export --pdf without a browser', () => {
  it('says so in Chinese', () => {
    expect(() => findBrowser({ CAOGAO_BROWSER: '/nowhere/chromium' }, () => false)).toThrow(
      /浏览器不存在/,
    )
    expect(() => findBrowser({}, () => false)).toThrow(/没有找到可用来生成 PDF 的浏览器/)
  })
})

describe('the time to make a PDF', () => {
  it('of a 30,000-character report', async () => {
    process.env.CAOGAO_BROWSER = BROWSER
    const dir = await mkdtemp(join(tmpdir(), 'caogao-pdf-'))
    const input = join(dir, 'long.json')
    await writeFile(input, JSON.stringify(generateDraft(30_000, 12, 0)))
    const started = performance.now()
    const pdf = await exportCommand(input, { pdf: true, output: join(dir, 'long.pdf') })
    const ms = performance.now() - started
    const { pages } = await pdfInfo(pdf)
    console.log(`PDF of a 30,000-character report: ${pages} pages in ${ms.toFixed(0)} ms`)
    expect(pages).toBeGreaterThan(15)
  }, 120_000)
})

describe('分页预览 in the editor', () => {
  const session = useBrowser({ pagePerTest: false })

  it('fits the top bar at 1280 pixels', async () => {
    const page = session.page
    await page.setViewportSize({ width: 1280, height: 800 })
    await openNewDraft(page, { kind: 'annual' })
    const bar = page.locator('.editor-topbar')
    const box = (await bar.boundingBox())!
    for (const name of ['导出 Word', '导出 PDF', '打印', '分页预览', '快捷键']) {
      const b = (await bar.getByRole('button', { name }).boundingBox())!
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width)
      expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height)
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'pages-topbar-1280.png') })
  })

  it('shows the pages, counts them in the status bar, prints them alone, and goes back on a click', async () => {
    const page = session.page
    const first = page.locator('.page-body p').first()
    await first.click()
    await page.keyboard.insertText('今年，全县教育工作稳步推进。'.repeat(40))
    await page.getByRole('button', { name: '分页预览' }).click()
    const view = page.getByTestId('page-view')
    await view.waitFor()
    const count = await view.locator('.cg-page').count()
    expect(count).toBeGreaterThan(1)
    await expect(page.getByTestId('page-count').textContent()).resolves.toBe(`共 ${count} 页`)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'pages-view.png') })

    // The print path Electron's printToPDF and window.print() take: print media, the pages alone.
    const dir = await mkdtemp(join(tmpdir(), 'caogao-pdf-'))
    const pdf = join(dir, 'app.pdf')
    await writeFile(
      pdf,
      await page.pdf({
        format: 'A4',
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        printBackground: true,
      }),
    )
    const info = await pdfInfo(pdf)
    expect(info.pageSize).toMatch(/\(A4\)$/)
    expect(info.pages).toBe(count)
    await expectOfficialPages(pdf, count)
    const text = (await run('pdftotext', [pdf, '-'])).stdout
    expect(text).toContain('今年，全县教育工作稳步推进。')
    expect(text).not.toContain('返回编辑')
    expect((await fontsEmbedded(pdf)).every(Boolean)).toBe(true)
    expect((await readFile(pdf)).length).toBeGreaterThan(0)

    // A click on a paragraph leaves the pages for that place in the editor.
    await view.locator('.cg-p', { hasText: '今年，全县教育工作稳步推进。' }).first().click()
    await view.waitFor({ state: 'detached' })
    await expect(
      page.evaluate(() => {
        const sel = window.getSelection()
        const el = sel?.anchorNode?.parentElement?.closest('p')
        return el?.textContent ?? ''
      }),
    ).resolves.toContain('今年，全县教育工作稳步推进。')
    // The count stays while the text is as counted, and is kept up after the next edit.
    await expect(page.getByTestId('page-count').textContent()).resolves.toBe(`共 ${count} 页`)
    await page.keyboard.insertText('又')
    await expect(page.getByTestId('page-count').textContent()).resolves.toBe(`共 ${count} 页`)
  })

  for (const mode of TYPING_MODES) {
    it(`keeps the page count up while writing, without 分页预览 (${mode})`, async () => {
      const page = session.page
      await openNewDraft(page, { kind: 'annual' })
      const status = page.getByTestId('page-count')
      await status.waitFor()
      const before = Number(/\d+/.exec((await status.textContent()) ?? '')![0])
      await page.locator('.page-body p').first().click()
      await settleCaret(page)
      // Forty lines of new text, paragraph by paragraph: about two pages.
      for (let i = 0; i < 20; i++) {
        await typeIn(page, mode, '全县义务教育学校办学条件持续改善，教师队伍结构不断优化。')
        await page.keyboard.press('Enter')
      }
      await page.waitForFunction(
        (b) =>
          Number(
            /\d+/.exec(
              document.querySelector('[data-testid="page-count"]')?.textContent ?? '',
            )?.[0],
          ) > b,
        before,
        { timeout: 20_000 },
      )
      const live = await status.textContent()
      // The pages laid out in full agree with the count kept while writing.
      await page.getByRole('button', { name: '分页预览' }).click()
      const view = page.getByTestId('page-view')
      await view.waitFor()
      expect(`共 ${await view.locator('.cg-page').count()} 页`).toBe(live)
      await page.getByRole('button', { name: '返回编辑' }).click()
      await view.waitFor({ state: 'detached' })
      // Counted in a worker of the app's own, which the content security policy lets run.
      const workers = await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('page-count.worker')).length,
      )
      expect(workers).toBeGreaterThan(0)
    }, 90_000)
  }

  it('导出 PDF passes the pre-export checks, then in the browser opens the print dialog on the pages', async () => {
    const page = session.page
    await page.evaluate(() => {
      const w = window as unknown as { printed: number }
      w.printed = 0
      window.print = () => {
        w.printed += 1
      }
    })
    await page.getByRole('button', { name: '导出 PDF' }).click()
    const dialog = page.getByRole('dialog', { name: '导出前请检查' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: '仍然导出' }).click()
    await page.getByTestId('page-view').waitFor()
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1)
    await expect(page.title()).resolves.toBe('某某县教育局2026年教育工作总结')
    await page.getByTestId('page-view').getByText('请在打印对话框中选择“另存为 PDF”。').waitFor()
    await page.getByRole('button', { name: '返回编辑' }).click()
    await page.getByTestId('page-view').waitFor({ state: 'detached' })
  })
})

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
import { pageSpec, printLayout } from '../../domain/export/page-spec.ts'
import { defaultSettings } from '../../domain/settings.ts'
import { exportCommand } from '../../electron/cli/export-command.ts'
import { findBrowser, renderPdf } from '../../electron/cli/pdf-command.ts'
import { draftToDocx } from '../../electron/services/export/export-service.ts'
import { pageLines, renderWithLibreOffice } from '../electron/services/export/docx-inspect.ts'
import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

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
    // The count stays while the text is as counted, and goes with the next edit.
    await expect(page.getByTestId('page-count').textContent()).resolves.toBe(`共 ${count} 页`)
    await page.keyboard.insertText('又')
    await page.getByTestId('page-count').waitFor({ state: 'detached' })
  })

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

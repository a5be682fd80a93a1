import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { chromium } from 'playwright-core'

import type { PageSpec } from '../../domain/export/page-spec.ts'
import { CliError } from './export-command.ts'

/** Where Chromium, Chrome and Edge are installed on Linux, Windows and macOS. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const win = (root: string | undefined, rest: string) => (root ? [join(root, rest)] : [])
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    ...win(env['PROGRAMFILES(X86)'], 'Microsoft\\Edge\\Application\\msedge.exe'),
    ...win(env.PROGRAMFILES, 'Microsoft\\Edge\\Application\\msedge.exe'),
    ...win(env.PROGRAMFILES, 'Google\\Chrome\\Application\\chrome.exe'),
    ...win(env['PROGRAMFILES(X86)'], 'Google\\Chrome\\Application\\chrome.exe'),
    ...win(env.LOCALAPPDATA, 'Google\\Chrome\\Application\\chrome.exe'),
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ]
}

/** The browser to print with: CAOGAO_BROWSER when set, else the first one installed. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env.CAOGAO_BROWSER
  if (chosen) {
    if (exists(chosen)) return chosen
    throw new CliError(
      `环境变量 CAOGAO_BROWSER 指定的浏览器不存在：${chosen}。请改为 Chromium、Edge 或 Chrome 的程序位置。`,
    )
  }
  const found = browserCandidates(env).find((p) => exists(p))
  if (found) return found
  throw new CliError(
    '没有找到可用来生成 PDF 的浏览器。请安装 Chromium、Microsoft Edge 或 Google Chrome，或用环境变量 CAOGAO_BROWSER 指定浏览器程序的位置；也可以先导出 Word 文件再另存为 PDF。',
  )
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The pages as a PDF, laid out in a headless browser by the app's own page layout
 * (renderer/src/pages/layout-pages.ts, run from its source text) with the app's print
 * stylesheet: the same path as the app's 导出 PDF.
 */
export async function renderPdf(
  spec: PageSpec,
  browser: string,
): Promise<{ pdf: Buffer; pages: number }> {
  // Loaded by path, untyped here: the module touches the DOM only inside the browser it is
  // sent to. The build has it beside the command line; the repository runs the sources.
  const here = import.meta.dirname
  const module =
    [join(here, 'page-layout.js'), join(here, '../page-layout.js')].find((f) => existsSync(f)) ??
    join(here, '../../renderer/src/pages/page-layout-entry.ts')
  const { layoutPages, PAGES_PRINT_CSS } = (await import(pathToFileURL(module).href)) as {
    layoutPages: (root: unknown, spec: PageSpec) => number
    PAGES_PRINT_CSS: string
  }
  const launched = await chromium.launch({ executablePath: browser, headless: true })
  try {
    const page = await launched.newPage()
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title><style>${PAGES_PRINT_CSS}</style></head><body style="margin:0"><div class="page-view"><div id="pages"></div></div></body></html>`,
    )
    await page.evaluate('document.fonts.ready.then(() => 0)')
    const pages = (await page.evaluate(
      `(${layoutPages.toString()})(document.getElementById('pages'), ${JSON.stringify(spec)})`,
    )) as number
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '0', bottom: '0', left: '0', right: '0' },
      printBackground: true,
      preferCSSPageSize: true,
    })
    return { pdf, pages }
  } finally {
    await launched.close()
  }
}

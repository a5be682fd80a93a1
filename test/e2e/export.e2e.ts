import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

describe('exporting from the editor', () => {
  it('lists open places first, exports anyway, and the file holds the text just typed', async () => {
    await openNewDraft(session.page, { kind: 'annual' })
    await session.page.locator('.page-body p').first().click()
    await session.page.keyboard.type('今年，全县教育工作稳步推进。')
    await session.page.getByRole('button', { name: '导出 Word' }).click()
    const dialog = session.page.getByRole('dialog', { name: '导出前请检查' })
    await dialog.waitFor()
    await expect(dialog.textContent()).resolves.toMatch(/还有 \d+ 处待填写/)
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'export-check.png') })
    await dialog.getByRole('button', { name: '仍然导出' }).click()
    await session.page.getByTestId('export-done').waitFor()
    await expect(session.page.getByTestId('export-done').textContent()).resolves.toBe(
      '已保存为“某某县教育局2026年教育工作总结.docx”。',
    )

    const [name] = await readdir(join(session.host.dataDir, 'exports'))
    const zip = await JSZip.loadAsync(await readFile(join(session.host.dataDir, 'exports', name!)))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('今年，全县教育工作稳步推进。')
    expect(xml).toContain('一、主要工作及成效')
    // Guidance is never exported.
    expect(xml).not.toContain('写党组织建设')
  })

  it('says that the browser preview cannot open the file, and where it is', async () => {
    await session.page.getByRole('button', { name: '打开文件' }).click()
    await session.page
      .getByRole('dialog')
      .getByRole('alert')
      .filter({ hasText: '浏览器预览中不能直接打开文件' })
      .waitFor()
    await session.page.getByRole('button', { name: '完成' }).click()
  })
})

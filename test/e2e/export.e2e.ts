import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

describe.each(TYPING_MODES)('exporting from the editor, typing by %s', (mode) => {
  const session = useBrowser({ pagePerTest: false })

  it('lists open places first, exports anyway, and the file holds the text just typed', async () => {
    await openNewDraft(session.page, { kind: 'annual' })
    await session.page.locator('.page-body p').first().click()
    await typeIn(session.page, mode, '今年，全县教育工作稳步推进。')
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

  it('does not export older text when the save before it fails, and exports after 重试', async () => {
    const page = session.page
    await openNewDraft(page, { kind: 'blank' })
    // Every save fails as a full disk would make it fail.
    await page.route('**/api/saveDraft', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'IO_ERROR', message: '磁盘已满。' } }),
      }),
    )
    await page.locator('.page-body').click()
    await typeIn(page, mode, '这是导出前最后写的一句。')
    const before = await readdir(join(session.host.dataDir, 'exports'))
    await page.getByRole('button', { name: '导出 Word' }).click()
    await expect(page.getByTestId('export-unsaved').textContent()).resolves.toBe(
      '保存没有成功，导出的会是旧内容，所以没有导出。',
    )
    expect(await readdir(join(session.host.dataDir, 'exports'))).toEqual(before)

    await page.unroute('**/api/saveDraft')
    await page
      .getByRole('dialog', { name: '没有导出' })
      .getByRole('button', { name: '重试' })
      .click()
    const check = page.getByRole('dialog', { name: '导出前请检查' })
    const done = page.getByTestId('export-done')
    await check.or(done).first().waitFor()
    if (await check.isVisible()) await check.getByRole('button', { name: '仍然导出' }).click()
    await done.waitFor()
    const added = (await readdir(join(session.host.dataDir, 'exports'))).filter(
      (n) => !before.includes(n),
    )
    expect(added).toHaveLength(1)
    const zip = await JSZip.loadAsync(
      await readFile(join(session.host.dataDir, 'exports', added[0]!)),
    )
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      '这是导出前最后写的一句。',
    )
    await page.getByRole('button', { name: '完成' }).click()
  })
})

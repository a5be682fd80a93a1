import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

import { callApi, openNewDraft, revisionReasons } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

const P1 = '全县小学在校学生28630人，九年义务教育巩固率92.5%。'
const P2 = '全年争取各级项目资金8650万元，新建校舍4.2万平方米。'
const P3 = '全年整改安全隐患213处，未发生较大安全责任事故。'

const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '工作开展情况' }] },
    { type: 'paragraph', content: [{ type: 'text', text: P1 }] },
    { type: 'paragraph', content: [{ type: 'text', text: P2 }] },
    { type: 'paragraph', content: [{ type: 'text', text: P3 }] },
  ],
}

/** What the section chief sent back: a figure changed, two words cut, a paragraph added. */
const RETURNED = [
  '某某县教育局2026年教育工作总结',
  '一、工作开展情况',
  P1.replace('92.5', '93.1'),
  P2.replace('各级', ''),
  P3,
  '全面落实“双减”政策，课后服务实现全覆盖。',
].join('\n')

const session = useBrowser({ pagePerTest: true })

const paragraphs = () => session.page.locator('.page-body p').allTextContents()

describe.each(TYPING_MODES)('comparing versions, typing by %s', (mode) => {
  it('takes a change of a returned file into the draft, one undo step, a revision first', async () => {
    const { page } = session
    const id = await openNewDraft(page, { kind: 'blank', body: BODY })
    // The writer goes on writing after the copy went out.
    await page.locator('.page-body p').nth(2).click()
    await page.keyboard.press('End')
    await typeIn(page, mode, '成效明显')
    await expect.poll(paragraphs).toContain(`${P3}成效明显`)

    await page.getByRole('button', { name: '对比修改' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('选择退回的文件').setInputFiles({
      name: '退回稿.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(RETURNED, 'utf8'),
    })
    await dialog.getByRole('button', { name: '开始对比' }).click()
    const summary = dialog.getByTestId('compare-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toMatch(/^共 \d+ 处修改/)
    await expect(summary.textContent()).resolves.toContain('数字 1 处')

    // Step to the figure: the current change is highlighted and says 92.5 → 93.1.
    const current = dialog.locator('.cmp-current')
    for (let i = 0; i < 10; i++) {
      if ((await current.allTextContents()).join('').includes('93.1')) break
      await dialog.getByRole('button', { name: '下一处' }).click()
    }
    await expect(current.allTextContents()).resolves.toEqual(['92.5%', '93.1%'])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'compare-returned.png') })
    // On a small office screen the dialog and its buttons still fit, with no sideways scroll.
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'compare-1280x720.png') })
    for (const name of ['采纳这一处', '关闭']) {
      const box = (await dialog.getByRole('button', { name }).boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(1280)
      expect(box.y + box.height).toBeLessThanOrEqual(720)
    }
    await expect(dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).resolves.toBe(true)
    await dialog.getByRole('button', { name: '采纳这一处' }).click()
    await dialog.getByRole('status').filter({ hasText: '已采纳' }).waitFor()
    // The writer's own words, which the file does not have, are left as they are.
    for (let i = 0; i < 10; i++) {
      if ((await current.allTextContents()).join('').includes('成效明显')) break
      await dialog.getByRole('button', { name: '下一处' }).click()
    }
    await dialog.getByRole('button', { name: '不采纳' }).click()
    await dialog.getByRole('button', { name: '关闭' }).click()

    await expect.poll(paragraphs).toContain(P1.replace('92.5', '93.1'))
    expect(await paragraphs()).toContain(`${P3}成效明显`)
    expect(await revisionReasons(page, id)).toContain('before-bulk-change')
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(paragraphs).toContain(P1)
    expect(await paragraphs()).toContain(`${P3}成效明显`)
  })

  it('compares a revision with the current text and exports a 花脸稿 and a 修订稿', async () => {
    const { page } = session
    const id = await openNewDraft(page, { kind: 'blank', body: BODY })
    await callApi(page, 'snapshotDraft', { id, reason: 'before-bulk-change' })
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('End')
    await typeIn(page, mode, '比上年提高1.2个百分点')

    await page.getByRole('button', { name: '历史版本' }).click()
    const revisions = page.getByRole('dialog')
    await revisions.getByRole('list', { name: '历史版本列表' }).getByRole('button').first().click()
    await revisions.getByRole('button', { name: '与当前稿对比' }).click()
    const summary = page.getByRole('dialog').getByTestId('compare-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toBe('共 1 处修改：新增 1 处；其中数字 1 处。')
    const inserted = await page.getByRole('dialog').locator('.cmp-ins').allTextContents()
    expect(inserted.join('')).toBe('比上年提高1.2个百分点')
    // A revision is not a returned file: nothing to take.
    await expect(page.getByRole('button', { name: '采纳这一处' }).count()).resolves.toBe(0)

    for (const [button, suffix] of [
      ['导出花脸稿', '（花脸稿）.docx'],
      ['导出修订稿', '（修订稿）.docx'],
    ] as const) {
      await page.getByRole('button', { name: button }).click()
      await page.getByText('已导出').waitFor()
      const names = await readdir(join(session.host.dataDir, 'exports'))
      const name = names.find((n) => n.endsWith(suffix))!
      expect(name).toBeTruthy()
      const zip = await JSZip.loadAsync(await readFile(join(session.host.dataDir, 'exports', name)))
      const xml = await zip.file('word/document.xml')!.async('string')
      expect(xml).toContain('比上年提高')
      if (suffix.includes('修订稿')) expect(xml).toMatch(/<w:ins [^>]*w:author=/)
      else expect(xml).not.toContain('<w:ins ')
    }
  })
})

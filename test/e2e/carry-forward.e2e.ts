import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { callApi, revisionReasons } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const paragraph = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })
const heading = (t: string) => ({
  type: 'heading',
  attrs: { level: 1 },
  content: [{ type: 'text', text: t }],
})

describe('起草下一年度', () => {
  const session = useBrowser({ pagePerTest: false })

  it('opens the new draft, lists last year’s dates, moves them on in one change and one undo', async () => {
    const page = session.page
    const source = await callApi<{ id: string }>(page, 'createDraft', {
      kind: 'blank',
      topic: '',
      unit: '某某县教育局',
      year: 2025,
    })
    const { draft } = await callApi<{ draft: { meta: unknown; indicators: unknown } }>(
      page,
      'openDraft',
      { id: source.id },
    )
    await callApi(page, 'saveDraft', {
      id: source.id,
      baseRevision: 0,
      content: {
        meta: draft.meta,
        indicators: draft.indicators,
        body: {
          type: 'doc',
          content: [
            paragraph('2025年，全县教育系统坚持立德树人，比2024年有新进步。'),
            heading('2025年主要工作'),
            paragraph('2025年3月5日召开全县教育工作会议；2024—2025学年完成评估。'),
          ],
        },
      },
    })
    // The list is read when the page loads: the draft made through the API shows after a reload.
    await page.reload()
    const row = page.getByTestId('draft-row').filter({ hasText: '2025' })
    await row.getByRole('button', { name: '起草下一年度' }).click()

    // The new draft opens with the offer; nothing has changed yet.
    const body = page.locator('.page-body')
    await body.waitFor()
    const bar = page.getByRole('region', { name: '更新年份' })
    await bar.getByText(/起草2026年度草稿。正文中有 3 处2025年的年份或日期/).waitFor()
    const id = decodeURIComponent(page.url().split('#/draft/')[1]!)
    expect(id).not.toBe(source.id)
    const before = await body.textContent()
    expect(before).toContain('2025年3月5日')

    // The writer sees each change before applying it, and what is left alone.
    await bar.getByRole('button', { name: '查看要改的地方' }).click()
    const list = bar.getByRole('list', { name: '要改的年份' })
    await expect(list.getByRole('listitem').count()).resolves.toBe(3)
    expect(await list.getByRole('listitem').nth(2).textContent()).toBe(
      '20252026年3月5日召开全县教育工作会',
    )
    expect(await bar.textContent()).toContain('另有 3 处其他年份')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'carry-forward-years.png') })
    expect(await body.textContent()).toBe(before)

    await bar.getByRole('button', { name: '全部改为2026年（3 处）' }).click()
    await bar.waitFor({ state: 'detached' })
    await page.getByText('已把 3 处“2025”改为“2026”').waitFor()
    const after = await body.textContent()
    expect(after).toContain('2026年，全县教育系统坚持立德树人，比2024年有新进步。')
    expect(after).toContain('2026年主要工作')
    expect(after).toContain('2026年3月5日召开全县教育工作会议；2024—2025学年完成评估。')
    expect(after).not.toContain('2025年')
    // The text as it was is kept as a revision before the change.
    expect(await revisionReasons(page, id)).toContain('before-bulk-change')

    // One undo brings every year back.
    await page.keyboard.press('Control+z')
    await expect.poll(() => body.textContent()).toBe(before)

    // The revision kept before the change previews with its heading numbers, as in the editor.
    await page.getByRole('button', { name: '历史版本', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: /批量修改前/ }).click()
    await dialog.locator('.preview-heading').getByText('一、2025年主要工作').waitFor()
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'revision-preview-numbers.png') })
    await dialog.getByRole('button', { name: '关闭' }).click()
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

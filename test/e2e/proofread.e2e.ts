import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'

const session = useBrowser({ pagePerTest: false })

describe('the 校对 panel', () => {
  it('lists slips with their section, fixes one in place, and remembers an ignore', async () => {
    await openNewDraft(session.page, {
      kind: 'blank',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: '20XX年，全区小学在校学生24,341人，生师比为21:1。' }],
          },
        ],
      },
    })
    await session.page.getByRole('tab', { name: '校对' }).click()
    await expect(session.page.getByTestId('proofread-summary').textContent()).resolves.toMatch(
      /发现 3 处/,
    )
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'proofread.png') })
    const thousands = session.page.getByTestId('finding').filter({ hasText: '千位分隔符' })
    await expect(thousands.textContent()).resolves.toContain('一、主要工作')
    await thousands.getByRole('button', { name: /修正为/ }).click()
    await expect(session.page.locator('.page-body p').first().textContent()).resolves.toBe(
      '20XX年，全区小学在校学生24341人，生师比为21:1。',
    )
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 2 处/)
    // Re-checked in the app's own worker, off the thread that takes the keys.
    await expect(
      session.page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('proofread.worker')).length,
      ),
    ).resolves.toBeGreaterThan(0)
    await session.page
      .getByTestId('finding')
      .filter({ hasText: '比号' })
      .getByRole('button', { name: '忽略' })
      .click()
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 1 处/)

    // The ignore is kept in the draft.
    await session.page
      .getByTestId('save-state')
      .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
      .waitFor()
    await session.page.reload()
    await session.page.getByRole('tab', { name: '校对' }).click()
    await expect
      .poll(() => session.page.getByTestId('proofread-summary').textContent(), { timeout: 5000 })
      .toMatch(/发现 1 处/)
  })

  it('groups findings by kind with their counts, and works through one kind', async () => {
    await openNewDraft(session.page, {
      kind: 'annual',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: '全县共有幼儿圆64所,在园幼儿24,341人，教师X人，县第一中学于9月1日正式起用。',
              },
            ],
          },
        ],
      },
    })
    await session.page.getByRole('tab', { name: '校对' }).click()
    const chips = session.page.getByTestId('finding-group-chip')
    await expect
      .poll(() => chips.allTextContents(), { timeout: 5000 })
      .toEqual(['待填写 1', '标点 1', '数字 1', '错别字 2'])
    const groups = session.page.getByTestId('finding-group')
    await expect(groups.getByRole('heading').allTextContents()).resolves.toEqual([
      '待填写1 处',
      '标点1 处',
      '数字1 处',
      '错别字2 处',
    ])
    // One kind at a time, from the keyboard: focus the chip and press Enter.
    await chips.filter({ hasText: '错别字' }).focus()
    await session.page.keyboard.press('Enter')
    await expect(chips.filter({ hasText: '错别字' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    )
    await expect(groups.count()).resolves.toBe(1)
    await expect(
      groups
        .getByTestId('finding')
        .getByRole('button', { name: /修正为/ })
        .allTextContents(),
    ).resolves.toEqual(['修正为“幼儿园”', '修正为“启用”'])
    await session.page.getByRole('button', { name: '修正错别字中可确定的 2 处…' }).click()
    await session.page.getByRole('button', { name: '修正这 2 处' }).click()
    // Its last finding gone, the kind gives way to all that are left.
    await expect
      .poll(() => chips.allTextContents(), { timeout: 5000 })
      .toEqual(['待填写 1', '标点 1', '数字 1'])
    await expect(groups.count()).resolves.toBe(3)
  })

  it('opens 基本信息 at the 成文日期 when its finding is clicked', async () => {
    await openNewDraft(session.page, {
      kind: 'annual',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '全县教育工作稳步推进。' }] },
        ],
      },
    })
    await session.page.getByRole('tab', { name: '基本信息' }).click()
    await session.page.locator('input[type="date"]').fill('2026-06-30')
    await session.page.getByRole('tab', { name: '校对' }).click()
    const finding = session.page.getByTestId('finding').filter({ hasText: '成文日期' })
    await finding.getByRole('button', { name: '改成文日期' }).click()
    await expect(
      session.page.getByRole('tab', { name: '基本信息' }).getAttribute('aria-selected'),
    ).resolves.toBe('true')
    await expect(
      session.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).resolves.toBe('date')
    // A second time, after the writer has gone elsewhere.
    await session.page.getByRole('tab', { name: '校对' }).click()
    await finding.getByRole('button', { name: '改成文日期' }).click()
    await expect(
      session.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).resolves.toBe('date')
  })

  it('counts the same findings the same way as the export check and caogao check', async () => {
    const id = await openNewDraft(session.page, {
      kind: 'annual',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: '20XX年，全县新建幼儿圆3所,在园幼儿24,341人。。生师比为21:1。',
              },
            ],
          },
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '存在问题' }] },
        ],
      },
    })
    await session.page.getByRole('tab', { name: '校对' }).click()
    const summary = session.page.getByTestId('proofread-summary')
    await expect.poll(() => summary.textContent(), { timeout: 5000 }).toMatch(/发现 \d+ 处/)
    // An ignored finding is left out by all three.
    await session.page
      .getByTestId('finding')
      .filter({ hasText: '比号' })
      .getByRole('button', { name: '忽略' })
      .click()
    await session.page
      .getByTestId('save-state')
      .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
      .waitFor()
    const panel = /^发现 (\d+) 处：(.+)。$/.exec((await summary.textContent()) ?? '')
    expect(panel).not.toBeNull()
    const [, count, groups] = panel!
    const chipCounts = (await session.page.getByTestId('finding-group-chip').allTextContents())
      .map((t) => t.replace(/^(\S+) (\d+)$/, '$2 处$1'))
      .join('，')
    expect(chipCounts).toBe(groups)

    await session.page.getByRole('button', { name: '导出 Word' }).click()
    const dialog = session.page.getByRole('dialog', { name: '导出前请检查' })
    await expect(dialog.getByTestId('export-checks').textContent()).resolves.toBe(
      `校对发现：${groups}。详见右侧“校对”。`,
    )
    await dialog.getByRole('button', { name: '返回修改' }).click()

    const file = join(session.host.dataDir, 'drafts', id, 'draft.json')
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'caogao.js')
    const run = spawnSync(process.execPath, [bin, 'check', file], { encoding: 'utf8' })
    expect(run.stdout).toContain(`【draft.json】${count} 处（${groups}）：`)
  })
})

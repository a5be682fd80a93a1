import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { TEAM_REPORTS } from '../support/external-corpus.ts'
import { callApi, openNewDraft } from './page-api.ts'
import { SCREENSHOT_DIR, useBrowser } from './support.ts'
import { TYPING_MODES, typeIn, typeInto } from './typing.ts'

const session = useBrowser({ pagePerTest: true })

/** The drawn numbers and texts of the headings, as shown. */
function headings(p: Page) {
  return p
    .locator('.page-body')
    .evaluate((el) =>
      [...el.querySelectorAll('h1, h2, h3, h4')].map(
        (h) => `${h.getAttribute('data-number') ?? ''}${h.textContent}`,
      ),
    )
}

function outlineTitles(p: Page) {
  return p
    .getByTestId('outline-item')
    .evaluateAll((items) =>
      items.map(
        (i) =>
          `${i.querySelector('.outline-number')!.textContent}${i.querySelector('.outline-title')!.textContent}`,
      ),
    )
}

describe.each(TYPING_MODES)('the sectioned editor, typing by %s', (mode) => {
  it('numbers the annual template, fills a section, and renumbers after a drag in the outline', async () => {
    await openNewDraft(session.page)
    const h = await headings(session.page)
    expect(h.slice(0, 3)).toEqual([
      '一、主要工作及成效',
      '（一）坚持党建引领，加强思想政治工作',
      '（二）推进学前教育普及普惠',
    ])
    expect(h.at(-1)).toBe('三、下一步工作打算')

    // Fill the guidance paragraph under （二）.
    const guided = session.page.locator('.page-body p[data-guidance^="写幼儿园数"]')
    await guided.click()
    await typeIn(session.page, mode, '全区学前三年毛入园率达到92.5%。')
    await expect(guided.textContent()).resolves.toBe('全区学前三年毛入园率达到92.5%。')

    // Drag （二） above （一）: its text goes with it and the numbers follow.
    const items = session.page.getByTestId('outline-item')
    await items
      .filter({ hasText: '推进学前教育普及普惠' })
      .dragTo(items.filter({ hasText: '坚持党建引领' }))
    await expect
      .poll(() => headings(session.page))
      .toEqual(
        expect.arrayContaining([
          '（一）推进学前教育普及普惠',
          '（二）坚持党建引领，加强思想政治工作',
        ]),
      )
    const order = await session.page.locator('.page-body').evaluate((el) => el.textContent!)
    expect(order.indexOf('推进学前教育普及普惠')).toBeLessThan(
      order.indexOf('全区学前三年毛入园率'),
    )
    expect(order.indexOf('全区学前三年毛入园率')).toBeLessThan(order.indexOf('坚持党建引领'))
    await expect.poll(() => outlineTitles(session.page)).toContain('（一）推进学前教育普及普惠')

    // Promote the moved section with Shift+Tab in its heading: it becomes 二、 and the rest renumber.
    await session.page.locator('.page-body h2', { hasText: '推进学前教育普及普惠' }).click()
    await session.page.keyboard.press('Shift+Tab')
    await expect.poll(() => headings(session.page)).toContain('二、推进学前教育普及普惠')
    // What followed it now falls under it, and the old 二、 becomes 三、.
    expect(await headings(session.page)).toEqual(
      expect.arrayContaining([
        '（一）坚持党建引领，加强思想政治工作',
        '三、存在的问题',
        '四、下一步工作打算',
      ]),
    )
    await session.page.keyboard.press('Control+z')
    await expect.poll(() => headings(session.page)).toContain('（一）推进学前教育普及普惠')
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-outline.png') })
  })

  it('makes a heading from a typed marker, and keeps a decimal as text', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    const body = session.page.locator('.page-body')
    await body.click()
    // Markers by keys, the words in the typing mode.
    const line = async (marker: string, words: string) => {
      await session.page.keyboard.type(marker)
      await typeIn(session.page, mode, words)
    }
    await line('二、', '主要工作')
    await session.page.keyboard.press('Enter')
    await line('（三）', '学前教育')
    await session.page.keyboard.press('Enter')
    await line('2.', '高中教育')
    await session.page.keyboard.press('Enter')
    await line('(1)', '招生')
    await session.page.keyboard.press('Enter')
    await typeIn(session.page, mode, '1.5万元用于维修。')
    await expect
      .poll(() => headings(session.page))
      .toEqual(['一、主要工作', '（一）学前教育', '1.高中教育', '（1）招生'])
    await expect(body.locator('p').last().textContent()).resolves.toBe('1.5万元用于维修。')
  })

  it('finds and replaces, counting matches, with replace-all as one undo step', async () => {
    await openNewDraft(session.page, {
      kind: 'blank',
      body: {
        type: 'doc',
        content: ['全区教育系统坚持立德树人。', '全区教师队伍不断壮大。', '全区学校安全稳定。'].map(
          (text) => ({
            type: 'paragraph',
            content: [{ type: 'text', text }],
          }),
        ),
      },
    })
    await session.page.locator('.page-body').click()
    await session.page.keyboard.press('Control+h')
    await typeInto(
      session.page.getByRole('search').getByLabel('查找', { exact: true }),
      mode,
      '全区',
    )
    await expect
      .poll(() => session.page.getByTestId('find-count').textContent())
      .toBe('第 1 处，共 3 处')
    await typeInto(session.page.getByRole('search').getByLabel('替换为'), mode, '全县')
    await session.page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(() => session.page.locator('.page-body').textContent()).not.toContain('全区')
    expect(await session.page.locator('.page-body').textContent()).toContain('全县教师队伍')
    await session.page.getByRole('button', { name: '关闭查找' }).click()
    await expect
      .poll(() =>
        session.page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')),
      )
      .toBe(true)
    await session.page.keyboard.press('Control+z')
    const text = await session.page.locator('.page-body').textContent()
    expect(text!.match(/全区/g)).toHaveLength(3)
  })

  it('turns half-width punctuation after Chinese into full-width, and not after digits', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.locator('.page-body').click()
    await typeIn(session.page, mode, '一是加强领导,二是完善制度;新建合格学校(2所)!会议8:30开始')
    await expect
      .poll(() => session.page.locator('.page-body p').first().textContent())
      .toBe('一是加强领导，二是完善制度；新建合格学校（2所）！会议8:30开始')
  })

  it('offers the next 一是 item, switches level-3 numbering, and jumps from the outline', async () => {
    await openNewDraft(session.page)
    await session.page.locator('.page-body p[data-guidance^="写党组织建设"]').click()
    await typeIn(session.page, mode, '一是加强领导；')
    await session.page.getByText('按 Tab 键接着写“二是”').waitFor()
    await session.page.keyboard.press('Tab')
    await typeIn(session.page, mode, '完善制度。')
    await expect(
      session.page.locator('.page-body p[data-guidance^="写党组织建设"]').textContent(),
    ).resolves.toBe('一是加强领导；二是完善制度。')

    await session.page.getByRole('button', { name: '设置' }).click()
    await session.page.getByLabel('1、（部分地区习惯）').check()
    await session.page.getByRole('button', { name: '完成' }).click()
    await session.page.locator('.page-body').click()
    await session.page.keyboard.press('Control+End')
    await session.page.keyboard.press('Enter')
    await session.page.keyboard.type('1、')
    await typeIn(session.page, mode, '第一项')
    await expect.poll(() => headings(session.page)).toContain('1、第一项')

    await session.page
      .getByTestId('outline-item')
      .filter({ hasText: '存在的问题' })
      .getByRole('button')
      .last()
      .click()
    await expect
      .poll(() => session.page.getByTestId('section-path').textContent())
      .toBe('二、存在的问题')
    const box = await session.page.locator('.page-body h1', { hasText: '存在的问题' }).boundingBox()
    expect(box!.y).toBeGreaterThan(50)
    expect(box!.y).toBeLessThan(850)

    // The setting is the app's, shared by the tests after this one: back to GB/T 9704's 1.
    await callApi(session.page, 'updateSettings', { level3Numbering: '1.' })
  })
})

describe('the sectioned editor', () => {
  it('shows a run-in heading in two faces and keeps it one paragraph', async () => {
    await openNewDraft(session.page, {
      kind: 'blank',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
          {
            type: 'heading',
            attrs: { level: 2 },
            content: [{ type: 'text', text: '以教育质量为中心。全区教育质量稳步提升。' }],
          },
          {
            type: 'heading',
            attrs: { level: 3 },
            content: [{ type: 'text', text: '“普九”成果进一步巩固。全区小学在校学生24341人。' }],
          },
        ],
      },
    })
    const runIn = session.page.locator('.page-body h3')
    await expect(runIn.getAttribute('data-number')).resolves.toBe('1.')
    await expect(runIn.locator('.runin-body').textContent()).resolves.toBe(
      '全区小学在校学生24341人。',
    )
    // Level 3: the heading sentence bold, the rest plain body text.
    const weights = await runIn.evaluate((h) => [
      getComputedStyle(h).fontWeight,
      getComputedStyle(h.querySelector('.runin-body')!).fontWeight,
    ])
    expect(weights).toEqual(['700', '400'])
    // Level 2: the heading sentence in 楷体, the rest in the body face.
    const level2 = session.page.locator('.page-body h2')
    await expect(level2.getAttribute('data-number')).resolves.toBe('（一）')
    const fonts = await level2.evaluate((h) => [
      getComputedStyle(h).fontFamily,
      getComputedStyle(h.querySelector('.runin-body')!).fontFamily,
    ])
    expect(fonts[0]).toMatch(/KaiTi/)
    expect(fonts[1]).toMatch(/FangSong/)
    await expect(session.page.getByTestId('outline-item').last().textContent()).resolves.toContain(
      '“普九”成果进一步巩固。',
    )
  })

  it('pastes a fixture report as numbered sections', async () => {
    await openNewDraft(session.page, { kind: 'blank' })
    await session.page.locator('.page-body').click()
    const text = await readFile(join(TEAM_REPORTS, 'county-annual.txt'), 'utf8')
    await session.page.evaluate((t) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      document
        .querySelector('.ProseMirror')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
    }, text)
    const h = await headings(session.page)
    expect(h.slice(0, 3)).toEqual([
      '一、2025年工作开展情况',
      '（一）坚持党建统领，把稳教育发展方向',
      expect.stringMatching(/^1\.强化组织领导。成立了/),
    ])
    expect(h.filter((x) => /^[一二三四五六七八九十]+、/.test(x))).toHaveLength(3)
    await session.page.locator('.page-body h3').first().scrollIntoViewIfNeeded()
    await session.page.screenshot({ path: join(SCREENSHOT_DIR, 'pasted-report.png') })
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

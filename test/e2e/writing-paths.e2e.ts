import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { callApi } from './page-api.ts'
import { useBrowser } from './support.ts'
import { TYPING_MODES, imeType, typeIn, typeInto, type TypingMode } from './typing.ts'

/**
 * The places a writer's hands go besides the middle of a paragraph, each typed by keys and
 * through the IME: the ends of a paragraph, next to an indicator reference, inside a heading,
 * the find bar, the indicator fields and the 基本信息 form.
 */
const session = useBrowser({ pagePerTest: true })

const text = (t: string) => ({ type: 'text', text: t })
const ref = (indicatorId: string) => ({
  type: 'indicatorRef',
  attrs: { indicatorId, form: 'value' },
})

const PUPILS = {
  id: 'pupils',
  catalogKey: null,
  name: '在校学生',
  group: '自定义',
  kind: 'count',
  unit: '人',
  current: '24341',
  previous: null,
  source: '',
  decimals: null,
  lowerIsBetter: false,
  gross: false,
  integer: true,
}

const BODY = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('主要工作')] },
    { type: 'paragraph', content: [text('全区学校稳步发展。')] },
    { type: 'paragraph', content: [text('在校学生'), ref('pupils'), text('，比上年增加。')] },
    { type: 'paragraph', content: [text('教师总数为'), ref('pupils')] },
    { type: 'paragraph', content: [text('新建学校两所，改扩建学校三所。')] },
  ],
}

/** A blank draft with BODY and its one indicator, open in the editor. */
async function openDraft(page: Page): Promise<string> {
  const { id } = await callApi<{ id: string }>(page, 'createDraft', {
    kind: 'blank',
    topic: '',
    unit: '某某县教育局',
    year: 2026,
  })
  const { draft } = await callApi<{ draft: { meta: unknown } }>(page, 'openDraft', { id })
  await callApi(page, 'saveDraft', {
    id,
    baseRevision: 0,
    content: { meta: draft.meta, body: BODY, indicators: [PUPILS] },
  })
  await page.evaluate((draftId) => (window.location.hash = `#/draft/${draftId}`), id)
  await page.locator('.page-body .indicator-ref').first().waitFor()
  return id
}

/** Puts the caret at document position `pos` of the editor. */
async function caretAt(page: Page, pos: number): Promise<void> {
  await page.locator('.page-body').evaluate((el, p) => {
    const editor = (
      el as unknown as { editor: { commands: Record<string, (a: unknown) => boolean> } }
    ).editor
    editor.commands.focus!(null)
    editor.commands.setTextSelection!(p)
  }, pos)
  await page.waitForTimeout(50)
}

/** Document positions: the start and end of block `index`, and just after each inline atom. */
function positions(page: Page, index: number) {
  return page.locator('.page-body').evaluate((el, i) => {
    type PmNode = {
      nodeSize: number
      isAtom: boolean
      isText: boolean
      isInline: boolean
      child(n: number): PmNode
      childCount: number
      content: { size: number }
    }
    const doc = (el as unknown as { editor: { state: { doc: PmNode } } }).editor.state.doc
    let start = 0
    for (let n = 0; n < i; n++) start += doc.child(n).nodeSize
    const block = doc.child(i)
    const afterAtoms: number[] = []
    let offset = start + 1
    for (let n = 0; n < block.childCount; n++) {
      const child = block.child(n)
      offset += child.nodeSize
      if (child.isAtom && !child.isText) afterAtoms.push(offset)
    }
    return { start: start + 1, end: start + 1 + block.content.size, afterAtoms }
  }, index)
}

const blockText = (page: Page, i: number) =>
  page.locator('.page-body').evaluate((el, n) => el.children[n]!.textContent, i)

async function savedDraft(id: string): Promise<string> {
  return readFile(join(session.host.dataDir, 'drafts', id, 'draft.json'), 'utf8')
}

/** Saves at once (Ctrl+S from the text) and returns the draft file. */
async function saveNow(page: Page, id: string): Promise<string> {
  await page.locator('.page-body').focus()
  await page.keyboard.press('Control+s')
  await page
    .getByTestId('save-state')
    .filter({ hasText: /已保存 \d{2}:\d{2}:\d{2}/ })
    .waitFor()
  return savedDraft(id)
}

describe.each(TYPING_MODES)('typing by %s', (mode: TypingMode) => {
  it('at the start and at the end of a paragraph', async () => {
    const { page } = session
    const id = await openDraft(page)
    const { start, end } = await positions(page, 1)
    await caretAt(page, end)
    await typeIn(page, mode, '成效明显')
    await expect.poll(() => blockText(page, 1)).toBe('全区学校稳步发展。成效明显')
    await caretAt(page, start)
    await typeIn(page, mode, '近年来')
    await expect.poll(() => blockText(page, 1)).toBe('近年来全区学校稳步发展。成效明显')
    // Nothing spilled into the neighbours.
    await expect(blockText(page, 0)).resolves.toBe('主要工作')
    await expect(blockText(page, 2)).resolves.toBe('在校学生24341人，比上年增加。')
    expect(await saveNow(page, id)).toContain('"text":"近年来全区学校稳步发展。成效明显"')
  })

  it.each([
    [2, '以上', '在校学生24341人以上，比上年增加。', '"text":"以上，比上年增加。"'],
    [3, '左右。', '教师总数为24341人左右。', '"text":"左右。"'],
  ])('right after an indicator reference in block %i', async (index, word, shown, saved) => {
    const { page } = session
    const id = await openDraft(page)
    const { afterAtoms } = await positions(page, index)
    await caretAt(page, afterAtoms[0]!)
    await typeIn(page, mode, word)
    await expect.poll(() => blockText(page, index)).toBe(shown)
    // The reference is still one atom reading from the field, not text.
    await expect(page.locator('.page-body .indicator-ref').count()).resolves.toBe(2)
    const file = await saveNow(page, id)
    expect(file).toContain(saved)
    expect(file.match(/"indicatorRef"/g)).toHaveLength(2)
  })

  it('in the middle of a heading: the heading keeps its level and number', async () => {
    const { page } = session
    const id = await openDraft(page)
    const { start } = await positions(page, 0)
    await caretAt(page, start + 2)
    await typeIn(page, mode, '重点')
    await expect.poll(() => blockText(page, 0)).toBe('主要重点工作')
    await expect(page.locator('.page-body h1').count()).resolves.toBe(1)
    await expect(page.locator('.page-body h1').getAttribute('data-number')).resolves.toBe('一、')
    expect(await saveNow(page, id)).toContain('"text":"主要重点工作"')
  })

  it('in find and replace: 学校 becomes 学校们 everywhere, and once only', async () => {
    const { page } = session
    await openDraft(page)
    await page.locator('.page-body').click()
    await page.keyboard.press('Control+h')
    const bar = page.getByRole('search')
    await typeInto(bar.getByLabel('查找', { exact: true }), mode, '学校')
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('第 1 处，共 3 处')
    await typeInto(bar.getByLabel('替换为'), mode, '学校们')
    // The IME's text went into the fields, not into the report.
    await expect(blockText(page, 1)).resolves.toBe('全区学校稳步发展。')
    await page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(() => blockText(page, 4)).toBe('新建学校们两所，改扩建学校们三所。')
    await expect(blockText(page, 1)).resolves.toBe('全区学校们稳步发展。')
  })

  it('in an indicator field: the panel and every reference show the new value', async () => {
    const { page } = session
    const id = await openDraft(page)
    await page.getByRole('tab', { name: '指标' }).click()
    const card = page.getByTestId('indicator-card').filter({ hasText: '在校学生' })
    const field = card.getByLabel('今年')
    // Through the IME in full-width mode the digits come full-width; they are read as digits.
    if (mode === 'ime') {
      await typeInto(field, 'keys', '')
      await imeType(page, '25000', '２５０００')
    } else {
      await typeInto(field, mode, '25000')
    }
    await expect
      .poll(() => page.locator('.page-body .indicator-ref').allTextContents())
      .toEqual(['25000人', '25000人'])
    await expect(blockText(page, 1)).resolves.toBe('全区学校稳步发展。')
    expect(await saveNow(page, id)).toContain('"current":"25000"')
  })

  it('in the 基本信息 form: the top bar shows the title, and the draft keeps title and unit', async () => {
    const { page } = session
    const id = await openDraft(page)
    await page.getByRole('tab', { name: '基本信息' }).click()
    const form = page.getByRole('form', { name: '基本信息' })
    await typeInto(form.getByLabel('标题'), mode, '某某县教育局2026年工作总结（初稿）')
    await typeInto(form.getByLabel('单位', { exact: true }), mode, '某某县教育体育局')
    await expect
      .poll(() => page.locator('.editor-title').textContent())
      .toBe('某某县教育局2026年工作总结（初稿）')
    // The form's text stayed out of the report.
    await expect(blockText(page, 1)).resolves.toBe('全区学校稳步发展。')
    const file = JSON.parse(await saveNow(page, id)) as { meta: { title: string; unit: string } }
    expect(file.meta.title).toBe('某某县教育局2026年工作总结（初稿）')
    expect(file.meta.unit).toBe('某某县教育体育局')
  })
})

describe('typing in the fields', () => {
  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

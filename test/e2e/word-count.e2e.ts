import { describe, expect, it } from 'vitest'

import { callApi } from './page-api.ts'
import { useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

const session = useBrowser({ pagePerTest: false })

const indicator = (id: string, name: string, current: string | null) => ({
  id,
  catalogKey: null,
  name,
  group: '自定义',
  kind: 'count',
  unit: '人',
  current,
  previous: null,
  source: '',
  decimals: null,
  lowerIsBetter: false,
  gross: false,
  integer: true,
})

const ref = (indicatorId: string) => ({
  type: 'indicatorRef',
  attrs: { indicatorId, form: 'value' },
})

describe.each(TYPING_MODES)('字数, typing by %s', (mode) => {
  it('is the same in the status bar, the outline, the saved draft and the draft list', async () => {
    const { page } = session
    const { id } = await callApi<{ id: string }>(page, 'createDraft', {
      kind: 'blank',
      topic: '',
      unit: '某县教育局',
      year: 2026,
    })
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '开头一段话。' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '主要工作' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '在校学生' },
            ref('pupils'),
            { type: 'text', text: '，教师' },
            ref('teachers'),
            { type: 'text', text: '。' },
            { type: 'snippetSlot', attrs: { label: '具体做法' } },
          ],
        },
      ],
    }
    const { draft } = await callApi<{ draft: { meta: unknown } }>(page, 'openDraft', { id })
    await callApi(page, 'saveDraft', {
      id,
      baseRevision: 0,
      content: {
        meta: draft.meta,
        body,
        ignoredFindings: [],
        // One figure filled in, one still empty: the empty one shows a prompt that is not counted.
        indicators: [indicator('pupils', '在校学生', '24341'), indicator('teachers', '教师', null)],
      },
    })
    const saved = await callApi<{ drafts: { id: string; wordCount: number }[] }>(
      page,
      'listDrafts',
      {},
    )
    const listed = saved.drafts.find((d) => d.id === id)!.wordCount

    await page.evaluate((draftId) => (window.location.hash = `#/draft/${draftId}`), id)
    await page.locator('.page-body .indicator-ref').first().waitFor()
    // 开头一段话。(6) 主要工作(4) 在校学生24341人，教师。［具体做法］(4+2+1+2+1+6)
    expect(listed).toBe(26)
    await expect.poll(() => page.getByTestId('word-count').textContent()).toBe(`字数 ${listed}`)
    // The outline counts the section from its heading: everything but the opening paragraph.
    await expect
      .poll(() => page.locator('.outline-words').allTextContents())
      .toEqual([String(listed - 6)])

    // Typing changes all of them alike; the saved count follows after autosave.
    await page.locator('.page-body p').first().click()
    await page.keyboard.press('End')
    await typeIn(page, mode, '再写五个字')
    await expect.poll(() => page.getByTestId('word-count').textContent()).toBe('字数 31')
    // Autosave waits for a pause in typing; a busy machine may take a while.
    await expect
      .poll(
        async () => {
          const { draft: reopened } = await callApi<{ draft: { wordCount: number } }>(
            page,
            'openDraft',
            { id },
          )
          return reopened.wordCount
        },
        { timeout: 20_000 },
      )
      .toBe(31)
  })
})

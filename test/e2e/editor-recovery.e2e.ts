import { describe, expect, it } from 'vitest'

import { callApi, openNewDraft } from './page-api.ts'
import { useBrowser } from './support.ts'
import { TYPING_MODES, typeIn } from './typing.ts'

interface Revision {
  id: string
  reason: string
}

describe.each(TYPING_MODES)('when the editor breaks, typing by %s', (mode) => {
  // ?testRenderError mounts the probe that breaks the editor on request; a minute's pause
  // before saving means only the rescue can have saved the last sentence.
  const session = useBrowser({ pagePerTest: false, query: '?testRenderError&autosaveIdleMs=60000' })

  it('saves the last text as a revision, says so, and reloads the draft on 重新载入', async () => {
    const page = session.page
    const id = await openNewDraft(page, { kind: 'blank' })
    await page.locator('.page-body').click()
    await typeIn(page, mode, '出错前写下的最后一句。')
    // Typed by keys, the text waits for autosave; an IME commit may start a save at once.
    const state = await page.getByTestId('save-state').textContent()
    if (mode === 'keys') expect(state).toBe('有未保存的修改')
    else expect(state).toMatch(/^(有未保存的修改|保存中…|已保存)/)

    await page.evaluate(() => window.dispatchEvent(new Event('caogao:test-render-error')))
    await page.getByText('编辑器出了问题。您的文字已保存为历史版本。').waitFor()
    await expect(page.locator('.page-body').count()).resolves.toBe(0)

    const { revisions } = await callApi<{ revisions: Revision[] }>(page, 'listRevisions', { id })
    const kept = revisions.filter((r) => r.reason === 'close')
    expect(kept).toHaveLength(1)
    const { draft } = await callApi<{ draft: { body: unknown } }>(page, 'readRevision', {
      id,
      revisionId: kept[0]!.id,
    })
    expect(JSON.stringify(draft.body)).toContain('出错前写下的最后一句。')

    await page.getByRole('button', { name: '重新载入' }).click()
    await page.locator('.page-body').getByText('出错前写下的最后一句。').waitFor()
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('已保存')
  })

  it('threw no page errors', () => {
    expect(session.pageErrors).toEqual([])
  })
})

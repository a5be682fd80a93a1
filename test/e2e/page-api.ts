import type { Page } from 'playwright-core'

import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from '../../domain/host-token.ts'

/** Calls the contract from the page, as the renderer does, with the page's own token: the raw answer. */
export function callRaw(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, i, meta, header]) => {
      const token = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)!.content
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: token },
        body: JSON.stringify(i),
      })
      return res.json()
    },
    [method, input, HOST_TOKEN_META, HOST_TOKEN_HEADER] as const,
  )
}

/** Calls the contract and returns the value; a typed error becomes a thrown Error. */
export async function callApi<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await callRaw(page, method, input)) as
    { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Creates a draft through the API, optionally with its own body, and opens it in the editor. */
export async function openNewDraft(
  page: Page,
  options: { kind?: string; topic?: string; body?: unknown } = {},
): Promise<string> {
  const summary = await callApi<{ id: string }>(page, 'createDraft', {
    kind: options.kind ?? 'annual',
    topic: options.topic ?? '',
    unit: '某某县教育局',
    year: 2026,
  })
  if (options.body) {
    const { draft } = await callApi<{ draft: { meta: unknown; indicators: unknown } }>(
      page,
      'openDraft',
      {
        id: summary.id,
      },
    )
    await callApi(page, 'saveDraft', {
      id: summary.id,
      baseRevision: 0,
      content: { meta: draft.meta, indicators: draft.indicators, body: options.body },
    })
  }
  await page.evaluate((id) => (window.location.hash = `#/draft/${id}`), summary.id)
  await page.locator('.page-body').waitFor()
  return summary.id
}

/** Why each revision of a draft was kept, newest first. */
export async function revisionReasons(page: Page, id: string): Promise<string[]> {
  const { revisions } = await callApi<{ revisions: { reason: string }[] }>(page, 'listRevisions', {
    id,
  })
  return revisions.map((r) => r.reason)
}

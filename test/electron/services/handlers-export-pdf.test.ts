import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { realDispatch } from './real-handlers.ts'

let env: Awaited<ReturnType<typeof realDispatch>> | null = null
afterEach(() => env?.dispose())

async function newDraft(dispatch: Awaited<ReturnType<typeof realDispatch>>['dispatch']) {
  const created = await dispatch('createDraft', {
    kind: 'annual',
    topic: '',
    unit: '某某县教育局',
    year: 2026,
  })
  if (!created.ok) throw new Error(created.error.message)
  return (created.value as { id: string }).id
}

// Electron's printToPDF cannot run here; the bytes stand for what it returns.
const PRINTED = Buffer.from('%PDF-1.4\n% 草稿 pages\n%%EOF\n')

describe('exportPdf', () => {
  it("saves the window's printed pages under the draft's title with .pdf", async () => {
    env = await realDispatch({ printPdf: async () => PRINTED })
    const id = await newDraft(env.dispatch)
    const result = await env.dispatch('exportPdf', { id })
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'saved', name: '某某县教育局2026年教育工作总结.pdf' },
    })
    const names = await readdir(join(env.dataDir, 'exports'))
    expect(names).toEqual(['某某县教育局2026年教育工作总结.pdf'])
    expect(await readFile(join(env.dataDir, 'exports', names[0]!))).toEqual(PRINTED)
  })

  it('is refused with the way to a PDF where there is no printer (the browser host)', async () => {
    env = await realDispatch()
    const id = await newDraft(env.dispatch)
    const result = await env.dispatch('exportPdf', { id })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(JSON.stringify(result)).toContain('另存为 PDF')
  })
})

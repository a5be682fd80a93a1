import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { realDispatch } from './real-handlers.ts'

let env: Awaited<ReturnType<typeof realDispatch>>
beforeEach(async () => {
  // The settings file's write fails as on a locked-down PC; reading it still works. (Tests run
  // as root here, where no file mode stops a write, so the failure is raised at the write.)
  env = await realDispatch({
    settings: (real) => ({
      get: () => real.get(),
      update: () => {
        throw Object.assign(new Error('EACCES: permission denied, open settings.json'), {
          code: 'EACCES',
        })
      },
    }),
  })
})
afterEach(() => env.dispose())

describe('exportDraft', () => {
  it('answers saved when the file is written but the settings file cannot be', async () => {
    const created = await env.dispatch('createDraft', {
      kind: 'annual',
      topic: '',
      unit: '某某县教育局',
      year: 2026,
    })
    if (!created.ok) throw new Error(created.error.message)
    const { id } = created.value as { id: string }
    const result = await env.dispatch('exportDraft', { id })
    expect(result, JSON.stringify([result, env.errors.map(String)])).toMatchObject({
      ok: true,
      value: { status: 'saved' },
    })
    expect(await readdir(join(env.dataDir, 'exports'))).toHaveLength(1)
    expect(env.errors).toHaveLength(1)
  })
})

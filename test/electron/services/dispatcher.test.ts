import { describe, expect, it, vi } from 'vitest'

import { LIMIT_MESSAGES } from '../../../domain/limits.ts'
import { defaultSettings } from '../../../domain/settings.ts'
import {
  createDispatcher,
  inputShapeProblem,
  type Handlers,
} from '../../../electron/services/dispatcher.ts'
import { ServiceError } from '../../../electron/services/service-error.ts'

/** Only the settings and app-info methods are called here. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getAppInfo: () => ({ name: '草稿', version: '1.0.0', shell: 'browser-host', dataDir: '/tmp' }),
    getSettings: () => defaultSettings,
    updateSettings: (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides,
  } as Handlers
}

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const dispatch = createDispatcher(handlers())
    await expect(dispatch('updateSettings', { editorFontSize: 24 })).resolves.toEqual({
      ok: true,
      value: { ...defaultSettings, editorFontSize: 24 },
    })
  })

  it('refuses an unknown method, including inherited names', async () => {
    const dispatch = createDispatcher(handlers())
    for (const method of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(method, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('refuses invalid input with a Chinese message and never calls the handler', async () => {
    const updateSettings = vi.fn()
    const dispatch = createDispatcher(handlers({ updateSettings }))
    for (const input of [{ editorFontSize: 'big' }, { extra: 1 }, null, 'text', [1, 2]]) {
      const result = await dispatch('updateSettings', input)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT')
        expect(result.error.message).toMatch(/^输入有误/)
      }
    }
    expect(updateSettings).not.toHaveBeenCalled()
  })

  it('passes a service error through as typed', async () => {
    const dispatch = createDispatcher(
      handlers({
        getSettings: () => {
          throw new ServiceError('IO_ERROR', '磁盘已满。')
        },
      }),
    )
    await expect(dispatch('getSettings', {})).resolves.toEqual({
      ok: false,
      error: { code: 'IO_ERROR', message: '磁盘已满。' },
    })
  })

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const log = vi.fn()
    const dispatch = createDispatcher(
      handlers({
        getSettings: () => {
          throw new Error('secret path /home/x')
        },
      }),
      log,
    )
    const result = await dispatch('getSettings', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '程序内部出错，请重试。' },
    })
    expect(log).toHaveBeenCalledOnce()
  })

  it('refuses an answer that breaks its own output schema', async () => {
    const log = vi.fn()
    const dispatch = createDispatcher(
      handlers({ getSettings: () => ({ editorFontSize: 'huge' }) as never }),
      log,
    )
    await expect(dispatch('getSettings', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    expect(log).toHaveBeenCalledOnce()
  })
})

describe('dispatcher, inputs shaped to break the schema check', () => {
  const id = '00000000-0000-4000-8000-000000000000'
  const meta = { title: '总结', unit: '', year: 2026, kind: 'annual' }
  const save = (body: unknown) => ({ id, baseRevision: 0, content: { meta, body } })

  it('answers a document nested 100,000 deep with a typed error, not a stack overflow', async () => {
    let node: unknown = { type: 'text', text: 'x' }
    for (let i = 0; i < 100_000; i++) node = { type: 'paragraph', content: [node] }
    const result = await createDispatcher(handlers())(
      'saveDraft',
      save({ type: 'doc', content: [node] }),
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: LIMIT_MESSAGES.inputNesting },
    })
  })

  it('answers a shallow document whose nodes are shared by reference (2^60 as a tree) at once', async () => {
    let node: unknown = { type: 'text', text: 'x' }
    for (let i = 0; i < 60; i++) node = { type: 'paragraph', content: [node, node] }
    const result = await createDispatcher(handlers())(
      'saveDraft',
      save({ type: 'doc', content: [node] }),
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: LIMIT_MESSAGES.inputObjects },
    })
  })

  it('lets a large ordinary draft through the shape check', () => {
    const content = Array.from({ length: 100_000 }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `第${i}段`, marks: [{ type: 'bold' }] }],
    }))
    expect(inputShapeProblem(save({ type: 'doc', content }))).toBeNull()
  })
})

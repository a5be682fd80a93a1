import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Doc } from '../../../../domain/draft/doc.ts'
import type { DraftFile } from '../../../../domain/draft/draft.ts'
import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'
import {
  DraftSession,
  type SessionApi,
  type SessionTiming,
} from '../../../../renderer/src/editor/session/draft-session.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const bodyOf = (t: string): Doc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
})

const draft = {
  id: '2b1c7a8e-3f0d-4c3e-9d51-0a6f5c1b2e77',
  revision: 3,
  meta: {
    title: '某某县教育局2026年教育工作总结',
    unit: '某某县教育局',
    year: 2026,
    kind: 'annual',
    topic: '',
    superior: '',
    recipient: '',
    signature: '',
    date: '',
    lengthTarget: null,
  },
  indicators: [indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'retention')],
  ignoredFindings: [],
  body: bodyOf('打开时的正文。'),
} as unknown as DraftFile

const timing: SessionTiming = { idleMs: 1000, maxWaitMs: 5000, isRetryable: () => true }

/** The two calls a session makes, recorded; `failing` makes saves fail like a full disk. */
function fakeApi() {
  const saved: {
    baseRevision: number
    content: Parameters<SessionApi['saveDraft']>[0]['content']
  }[] = []
  const snapshots: string[] = []
  let revision = 3
  const state = { failing: false }
  const api: SessionApi = {
    saveDraft: async (input) => {
      if (state.failing) throw new Error('磁盘已满。')
      saved.push({ baseRevision: input.baseRevision, content: input.content })
      revision += 1
      return { revision, wordCount: 0 } as Awaited<ReturnType<SessionApi['saveDraft']>>
    },
    snapshotDraft: async (input) => {
      snapshots.push(input.reason)
      return {}
    },
  }
  return { api, saved, snapshots, state }
}

describe('DraftSession', () => {
  it('holds the metadata, indicators and ignored findings, and tells its readers of a change', () => {
    const session = new DraftSession(draft, fakeApi().api)
    const seen: unknown[] = []
    session.subscribe(() => seen.push(session.getSnapshot()))
    const first = session.getSnapshot()
    session.setMeta({ ...draft.meta, title: '新标题' })
    session.ignoreFinding('ratio|21:1||')
    expect(seen).toHaveLength(2)
    expect(session.getSnapshot()).not.toBe(first)
    expect(session.getSnapshot().ignored).toEqual(['ratio|21:1||'])
    expect(session.content()).toEqual({
      meta: { ...draft.meta, title: '新标题' },
      indicators: draft.indicators,
      ignoredFindings: ['ratio|21:1||'],
      body: draft.body,
    })
  })

  it('saves about a second after any change, with the body of the connected editor', async () => {
    const { api, saved } = fakeApi()
    const session = new DraftSession(draft, api)
    let body = bodyOf('第一句。')
    session.connect(() => body, timing)
    session.indicators.update('retention', { current: '99.66' })
    await vi.advanceTimersByTimeAsync(1100)
    expect(saved).toHaveLength(1)
    expect(saved[0]!.baseRevision).toBe(3)
    expect(saved[0]!.content.indicators?.[0]?.current).toBe('99.66')
    expect(saved[0]!.content.body).toEqual(bodyOf('第一句。'))

    body = bodyOf('第二句。')
    session.markDirty()
    expect(await session.flush()).toBe(true)
    expect(saved[1]!.baseRevision).toBe(4)
    expect(saved[1]!.content.body).toEqual(bodyOf('第二句。'))
    expect(session.getSnapshot().save.kind).toBe('saved')
  })

  it('keeps the last body when the editor goes, and saves what was pending', async () => {
    const { api, saved } = fakeApi()
    const session = new DraftSession(draft, api)
    let gone = false
    const disconnect = session.connect(() => {
      if (gone) throw new Error('the editor is gone')
      return bodyOf('最后一句。')
    }, timing)
    session.markDirty()
    disconnect()
    gone = true
    expect(await session.flush()).toBe(true)
    expect(saved.map((s) => s.content.body)).toEqual([bodyOf('最后一句。')])
    expect(session.content().body).toEqual(bodyOf('最后一句。'))
  })

  it('answers a flush that was under way when the editor went', async () => {
    const { api, snapshots } = fakeApi()
    const session = new DraftSession(draft, api)
    const disconnect = session.connect(() => bodyOf('最后一句。'), timing)
    session.markDirty()
    const rescued = session.rescue()
    disconnect()
    expect(await rescued).toBe(true)
    expect(snapshots).toEqual(['close'])
    expect(session.hasUnsavedChanges).toBe(false)
  })

  it('rescues after a failed save: nothing is claimed until the text and a revision are on disk', async () => {
    const { api, saved, snapshots, state } = fakeApi()
    const session = new DraftSession(draft, api)
    const disconnect = session.connect(() => bodyOf('出错前的一句。'), timing)
    state.failing = true
    session.markDirty()
    disconnect()
    expect(await session.rescue()).toBe(false)
    expect(snapshots).toEqual([])
    expect(session.getSnapshot().save.kind).toBe('error')

    state.failing = false
    expect(await session.rescue()).toBe(true)
    expect(saved.at(-1)!.content.body).toEqual(bodyOf('出错前的一句。'))
    expect(snapshots).toEqual(['close'])
  })

  it('takes the on-close revision when leaving only if something was edited', async () => {
    const { api, snapshots } = fakeApi()
    const untouched = new DraftSession(draft, api)
    untouched.connect(() => draft.body, timing)
    expect(await untouched.leave()).toBe(true)
    expect(snapshots).toEqual([])

    const edited = new DraftSession(draft, api)
    edited.connect(() => draft.body, timing)
    edited.setMeta({ ...draft.meta, unit: '某某镇中心学校' })
    expect(await edited.leave()).toBe(true)
    expect(snapshots).toEqual(['close'])
  })

  it('does not leave while a save fails', async () => {
    const { api, snapshots, state } = fakeApi()
    const session = new DraftSession(draft, api)
    session.connect(() => draft.body, timing)
    state.failing = true
    session.markDirty()
    expect(await session.leave()).toBe(false)
    expect(snapshots).toEqual([])
    expect(session.hasUnsavedChanges).toBe(true)
  })

  it('stops taking edits after a refused save, and never sends the refused text again', async () => {
    const { api, saved } = fakeApi()
    let refusals = 0
    const refusing: SessionApi = {
      ...api,
      saveDraft: async () => {
        refusals += 1
        throw Object.assign(new Error('这份草稿已在另一个窗口中修改过。'), { code: 'CONFLICT' })
      },
    }
    const session = new DraftSession(draft, refusing)
    const disconnect = session.connect(() => bodyOf('本窗口的修改。'), {
      ...timing,
      isRetryable: () => false,
      isConflict: (e) => (e as { code?: string }).code === 'CONFLICT',
    })
    session.markDirty()
    expect(await session.flush()).toBe(false)
    expect(refusals).toBe(1)
    expect(session.getSnapshot().conflict).toBe('这份草稿已在另一个窗口中修改过。')
    expect(session.getSnapshot().save).toMatchObject({ kind: 'error', retryable: false })

    // Later edits, flushes, timers and the closing save write nothing.
    session.markDirty()
    session.setMeta({ ...draft.meta, title: '又改了标题' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await session.flush()).toBe(false)
    disconnect()
    expect(await session.flush()).toBe(false)
    expect(refusals).toBe(1)
    expect(saved).toEqual([])
    // Nothing is pending: the store kept the text, so leaving (or reloading) loses nothing.
    expect(session.hasUnsavedChanges).toBe(false)
    expect(await session.leave()).toBe(true)
  })
})

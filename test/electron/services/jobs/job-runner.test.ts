import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LIMIT_MESSAGES } from '../../../../domain/limits.ts'
import { JobRunner } from '../../../../electron/services/jobs/job-runner.ts'
import { startTestHost, type TestHost } from '../../../e2e/support.ts'
import { docxOfBody, reportParagraphs } from '../import/docx-bombs.ts'

let bigDocx: Uint8Array
beforeAll(async () => {
  bigDocx = await docxOfBody(reportParagraphs(100_000))
}, 120_000)

const importOf = (bytes: Uint8Array) =>
  ({ kind: 'import', fileName: '大报告.docx', bytes, previousYear: false }) as const

describe('jobs in a worker thread', () => {
  it('imports a file in a worker and hands back the draft content and report', async () => {
    const out = await new JobRunner().run(importOf(await docxOfBody(reportParagraphs(120))))
    expect(out.report.sections).toHaveLength(3)
    expect(out.content.body.content.length).toBeGreaterThan(100)
  })

  it('stops a job past its memory limit with a message that names the limit', async () => {
    const runner = new JobRunner({ memoryMb: 24 })
    await expect(runner.run(importOf(bigDocx))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: LIMIT_MESSAGES.memory,
    })
  }, 120_000)

  it('stops a job past its time limit with a message that names the limit', async () => {
    const runner = new JobRunner({ timeLimitMs: 300 })
    await expect(runner.run(importOf(bigDocx))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: LIMIT_MESSAGES.time,
    })
  })

  it('cancels a running job by its id, and reports its progress until then', async () => {
    const runner = new JobRunner()
    const job = runner.run(importOf(bigDocx), 'import-1')
    expect(runner.progress('import-1')).toBe(0)
    await expect(runner.run(importOf(bigDocx), 'import-1')).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(runner.cancel('import-1')).toBe(true)
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(runner.progress('import-1')).toBeNull()
    expect(runner.cancel('import-1')).toBe(false)
  })
})

describe('the main process answers while a big import runs', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await startTestHost()
  })
  afterAll(() => host.dispose())

  const call = async (method: string, input: unknown) => {
    const res = await fetch(`${host.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caogao-token': host.token },
      body: JSON.stringify(input),
    })
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } }
  }

  it('answers getAppInfo and jobProgress before the import is done, and the draft opens', async () => {
    let done = false
    const importing = call('importDraft', {
      fileName: '十万段.docx',
      data: Buffer.from(bigDocx).toString('base64'),
      previousYear: false,
      jobId: 'big-import',
    }).finally(() => {
      done = true
    })
    const info = await call('getAppInfo', {})
    expect(info.ok).toBe(true)
    expect(done).toBe(false)
    const progress = await call('jobProgress', { jobId: 'big-import' })
    expect(progress).toMatchObject({ ok: true, value: { running: true } })
    const result = (await importing) as { ok: true; value: { draft: { id: string } } }
    expect(result.ok).toBe(true)
    expect((await call('openDraft', { id: result.value.draft.id })).ok).toBe(true)
    expect(await call('jobProgress', { jobId: 'big-import' })).toMatchObject({
      value: { running: false },
    })
  }, 180_000)

  it('cancels an import through the contract, and no draft is made', async () => {
    const before = (await call('listDrafts', {})) as { value: { drafts: unknown[] } }
    const importing = call('importDraft', {
      fileName: '十万段.docx',
      data: Buffer.from(bigDocx).toString('base64'),
      previousYear: false,
      jobId: 'to-cancel',
    })
    // The call reaches the host before the cancel: wait until the job runs.
    for (let i = 0; i < 200; i++) {
      const p = (await call('jobProgress', { jobId: 'to-cancel' })) as {
        value: { running: boolean }
      }
      if (p.value.running) break
      await new Promise((r) => setTimeout(r, 25))
    }
    expect(await call('cancelJob', { jobId: 'to-cancel' })).toMatchObject({
      value: { cancelled: true },
    })
    expect(await importing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    const after = (await call('listDrafts', {})) as { value: { drafts: unknown[] } }
    expect(after.value.drafts).toHaveLength(before.value.drafts.length)
  }, 60_000)
})

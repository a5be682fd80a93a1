import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { defaultSettings } from '../../domain/settings.ts'
import { JobRunner } from '../../electron/services/jobs/job-runner.ts'
import { docxOfBody, reportParagraphs } from '../electron/services/import/docx-bombs.ts'
import { ROOT } from './support.ts'

// Electron's main process starts its workers from the bundle electron-vite writes; Electron
// itself cannot run here, so the bundle is run by Node, as Electron's Node would run it.
const runner = new JobRunner({ workerFile: join(ROOT, 'out/main/job-worker.js') })

describe('the bundled job worker (out/main/job-worker.js)', () => {
  it('imports a .docx and exports the draft it made', async () => {
    const { content, report } = await runner.run({
      kind: 'import',
      fileName: '报告.docx',
      bytes: await docxOfBody(reportParagraphs(200)),
      previousYear: false,
    })
    expect(report.sections).toHaveLength(4)
    const now = new Date().toISOString()
    const docx = await runner.run({
      kind: 'export',
      draft: {
        ...content,
        schemaVersion: 1,
        id: '00000000-0000-4000-8000-000000000000',
        revision: 1,
        createdAt: now,
        updatedAt: now,
        wordCount: 0,
      },
      settings: defaultSettings,
    })
    // A zip: the Word file.
    expect([...docx.subarray(0, 2)]).toEqual([0x50, 0x4b])
  })

  it('compares two versions, and into a 修订稿', async () => {
    const { content } = await runner.run({
      kind: 'import',
      fileName: '报告.docx',
      bytes: await docxOfBody(reportParagraphs(60)),
      previousYear: false,
    })
    const newer = structuredClone(content)
    newer.body.content.splice(1, 1)
    const comparison = await runner.run({
      kind: 'compare',
      older: content,
      newer,
      settings: defaultSettings,
    })
    expect(comparison.counts.deleted).toBeGreaterThan(0)
    const { bytes, counts } = await runner.run({
      kind: 'compare-export',
      older: content,
      newer,
      settings: defaultSettings,
      style: 'tracked',
      olderName: '第1版',
      newerName: '当前稿',
    })
    expect(counts.deleted).toBeGreaterThan(0)
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
  })
})

// The entry of a job's worker thread: bundled as out/main/job-worker.js for Electron, run from
// this source by Node's type stripping in the browser host, the CLI and the tests.
import { parentPort, workerData } from 'node:worker_threads'

import { ServiceError } from '../service-error.ts'
import type { JobMessage, JobRequest, ReadReturn } from './job-protocol.ts'

const post = (message: JobMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer)

// Each kind loads only its own modules (docx, mammoth, the checks), so a thread starts quickly.
async function run(request: JobRequest): Promise<void> {
  switch (request.kind) {
    case 'import': {
      const { importFile } = await import('../import/import-file.ts')
      const { contentFromImport } = await import('../import/content-from-import.ts')
      const { fileName, bytes, previousYear, takeFigures } = request
      const result = await importFile(fileName, bytes, previousYear, (fraction) =>
        post({ type: 'progress', fraction }),
      )
      const content = contentFromImport(result, { fileName, previousYear, takeFigures })
      return post({ type: 'done', value: { content, report: result.report } })
    }
    case 'export': {
      const { draftToDocx } = await import('../export/export-service.ts')
      post({ type: 'progress', fraction: 0.1 })
      const data = await draftToDocx(request.draft, request.settings, request.today)
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      return post({ type: 'done', value: bytes }, [bytes.buffer as ArrayBuffer])
    }
    case 'compare': {
      const { compareVersions } = await import('../../../domain/compare/compare.ts')
      const { isoDay } = await import('../../../domain/text/dates.ts')
      const { older, newer, settings } = request
      const options = { level3: settings.level3Numbering, today: isoDay(new Date()) }
      return post({ type: 'done', value: compareVersions(older, newer, options) })
    }
    case 'check': {
      const { checkDraft } = await import('../../../domain/proofread/proofread.ts')
      return post({ type: 'done', value: checkDraft(request.draft) })
    }
    case 'check-many': {
      const { checkDraft } = await import('../../../domain/proofread/proofread.ts')
      const findings = request.drafts.map((draft, i) => {
        post({ type: 'progress', fraction: i / request.drafts.length })
        return checkDraft(draft)
      })
      return post({ type: 'done', value: findings })
    }
    case 'compare-export': {
      const { comparisonToDocx } = await import('../export/compare-export.ts')
      post({ type: 'progress', fraction: 0.1 })
      const { older, newer, settings, style, olderName, newerName, at } = request
      const { data, comparison } = await comparisonToDocx(older, newer, settings, {
        style,
        olderName,
        newerName,
        at: at ? new Date(at) : undefined,
      })
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      return post({ type: 'done', value: { bytes, counts: comparison.counts } }, [
        bytes.buffer as ArrayBuffer,
      ])
    }
    case 'returns-make': {
      const { returnFileName, writeReturnSheet } = await import('../returns/return-sheet.ts')
      const out: { fileName: string; bytes: Uint8Array }[] = []
      for (const [i, unit] of request.units.entries()) {
        const data = await writeReturnSheet(request.round, unit)
        out.push({ fileName: returnFileName(unit), bytes: new Uint8Array(data) })
        post({ type: 'progress', fraction: (i + 1) / request.units.length })
      }
      return post({ type: 'done', value: out })
    }
    case 'returns-read': {
      const { readReturnSheet } = await import('../returns/return-sheet.ts')
      const out: ReadReturn[] = []
      for (const [i, f] of request.files.entries()) {
        const read = await readReturnSheet(f.name, f.bytes)
        out.push({ ...read, values: [...read.values] })
        post({ type: 'progress', fraction: (i + 1) / request.files.length })
      }
      return post({ type: 'done', value: out })
    }
    case 'returns-fill': {
      const { fillReturnSheet } = await import('../returns/return-sheet.ts')
      const { bytes, ...lists } = await fillReturnSheet(
        request.file.name,
        request.file.bytes,
        request.indicators,
      )
      const out = new Uint8Array(bytes)
      return post({ type: 'done', value: { bytes: out, ...lists } }, [out.buffer as ArrayBuffer])
    }
    case 'rollup-table': {
      const { writeRollupTable } = await import('../returns/rollup-table-sheet.ts')
      const bytes = new Uint8Array(await writeRollupTable(request.table))
      return post({ type: 'done', value: bytes }, [bytes.buffer as ArrayBuffer])
    }
  }
}

run(workerData as JobRequest).catch((error: unknown) => {
  if (error instanceof ServiceError)
    post({ type: 'failed', code: error.code, message: error.message })
  else {
    console.error(error)
    post({ type: 'failed', code: 'INTERNAL', message: '程序内部出错，请重试。' })
  }
})

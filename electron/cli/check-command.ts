import { availableParallelism } from 'node:os'
import { basename } from 'node:path'

import type { DraftFile } from '../../domain/draft/draft.ts'
import { summarizeFindings, type Finding } from '../../domain/proofread/proofread.ts'
import { ServiceError } from '../services/service-error.ts'
import { CliError, jobs, readDraft } from './export-command.ts'

export interface FileFindings {
  file: string
  findings: Finding[]
  error?: string
}

/** How many drafts one worker checks: few enough that a batch stays well inside the time limit. */
const BATCH = 10

/** A file that cannot be read or checked becomes its error line; anything else is a bug. */
function failure(error: unknown): string {
  if (error instanceof ServiceError || error instanceof CliError) return error.message
  throw error
}

/**
 * caogao check <file>…: the same checks as the 校对 panel, for the reports townships send in.
 * The drafts go to the workers in batches, as many at once as there are cores, so fifty reports
 * cost a few thread starts rather than fifty.
 */
export async function checkCommand(files: readonly string[]): Promise<FileFindings[]> {
  const results: FileFindings[] = files.map((file) => ({ file, findings: [] }))
  const drafts: { index: number; draft: DraftFile }[] = []
  for (const [index, file] of files.entries()) {
    try {
      drafts.push({ index, draft: await readDraft(file) })
    } catch (error) {
      results[index]!.error = failure(error)
    }
  }
  const batches: (typeof drafts)[] = []
  for (let i = 0; i < drafts.length; i += BATCH) batches.push(drafts.slice(i, i + BATCH))
  const checkBatch = async (batch: typeof drafts): Promise<void> => {
    try {
      // The checks run in a worker with the app's limits, as import and export do.
      const findings = await jobs().run({ kind: 'check-many', drafts: batch.map((d) => d.draft) })
      batch.forEach((d, i) => (results[d.index]!.findings = findings[i]!))
    } catch (error) {
      if (batch.length === 1) {
        results[batch[0]!.index]!.error = failure(error)
        return
      }
      failure(error)
      // One draft hit a limit: check each alone so that the others still get their findings.
      for (const d of batch) await checkBatch([d])
    }
  }
  const pool = Math.min(availableParallelism(), 4)
  let next = 0
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < batches.length) await checkBatch(batches[next++]!)
    }),
  )
  return results
}

/** What to write instead, unless the message already says it. */
function fixNote(f: Finding): string {
  if (f.fix === undefined) return ''
  if (f.fix === '') return `（删去“${f.text}”）`
  return f.message.includes(`“${f.fix}”`) ? '' : `（可改为“${f.fix}”）`
}

export function formatFindings(results: readonly FileFindings[]): string {
  return results
    .map((r) => {
      if (r.error) return `【${basename(r.file)}】无法检查：${r.error}`
      if (r.findings.length === 0) return `【${basename(r.file)}】没有发现问题。`
      const lines = r.findings.map(
        (f) =>
          `  ${f.severity === 'must' ? '必须改' : '建议改'}｜${f.section}｜${f.message}${fixNote(f)}`,
      )
      // The same count and groups as the 校对 panel and the export check.
      return `【${basename(r.file)}】${r.findings.length} 处（${summarizeFindings(r.findings)}）：\n${lines.join('\n')}`
    })
    .join('\n\n')
}

/** The closing line of a check of several files. */
export function formatTotal(results: readonly FileFindings[]): string {
  const must = results.filter((r) => r.findings.some((f) => f.severity === 'must')).length
  const failed = results.filter((r) => r.error).length
  const clean = results.filter((r) => !r.error && r.findings.length === 0).length
  const advice = results.length - must - failed - clean
  return `共检查 ${results.length} 个文件：${must} 个有必须修改的问题，${advice} 个只有建议修改的问题，${clean} 个没有发现问题，${failed} 个无法检查。`
}

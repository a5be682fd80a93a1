import { basename } from 'node:path'

import { summarizeFindings, type Finding } from '../../domain/proofread/proofread.ts'
import { ServiceError } from '../services/service-error.ts'
import { CliError, jobs, readDraft } from './export-command.ts'

export interface FileFindings {
  file: string
  findings: Finding[]
  error?: string
}

/** caogao check <file>…: the same checks as the 校对 panel, for the reports townships send in. */
export async function checkCommand(files: readonly string[]): Promise<FileFindings[]> {
  const results: FileFindings[] = []
  for (const file of files) {
    try {
      const draft = await readDraft(file)
      // The checks run in a worker with the app's limits, as import and export do.
      results.push({ file, findings: await jobs().run({ kind: 'check', draft }) })
    } catch (error) {
      if (error instanceof ServiceError) {
        results.push({ file, findings: [], error: error.message })
        continue
      }
      if (!(error instanceof CliError)) throw error
      results.push({ file, findings: [], error: error.message })
    }
  }
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

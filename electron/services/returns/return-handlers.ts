import { basename, dirname, join } from 'node:path'

import type { MethodInput, MethodOutput } from '../../../domain/contract.ts'
import { planReturn, returnPeriod, returnRound } from '../../../domain/returns/plan.ts'
import { rollUp } from '../../../domain/returns/rollup.ts'
import type { DraftStore } from '../drafts/draft-store.ts'
import { writeExport } from '../export/export-service.ts'
import type { ExportShell } from '../handlers.ts'
import type { JobRunner } from '../jobs/job-runner.ts'
import { ServiceError } from '../service-error.ts'
import type { SettingsService } from '../settings-service.ts'
import { returnFileName } from './return-sheet.ts'

interface Deps {
  drafts: DraftStore
  settings: SettingsService
  exportShell: ExportShell
  jobs: JobRunner
  log: (error: unknown) => void
}

/** Units as the writer listed them, once each, in their order. */
function distinctUnits(units: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const u of units) {
    const t = u.trim()
    if (t && !seen.has(t)) {
      seen.add(t)
      out.push(t)
    }
  }
  return out
}

export function returnHandlers({ drafts, settings, exportShell, jobs, log }: Deps) {
  return {
    async makeReturnSheets(
      input: MethodInput<'makeReturnSheets'>,
    ): Promise<MethodOutput<'makeReturnSheets'>> {
      const { draft } = await drafts.open(input.id)
      const wanted = new Set(input.indicatorIds)
      const plan = planReturn(draft.indicators.filter((i) => wanted.has(i.id)))
      if (plan.fields.length === 0) {
        throw new ServiceError('INVALID_INPUT', '所选指标都不能由各单位填报汇总，请另选指标。')
      }
      const units = distinctUnits(input.units)
      // Each unit's file name must differ, or one would overwrite another.
      const names = new Set(units.map(returnFileName))
      if (names.size !== units.length) {
        throw new ServiceError(
          'INVALID_INPUT',
          '有两个单位的名称去掉特殊符号后相同，请改一下名称。',
        )
      }
      const target = await exportShell.choosePath(
        returnFileName(units[0]!),
        settings.get().lastExportDir,
        'xlsx',
      )
      if (!target) return { status: 'cancelled' }
      const dir = dirname(target)
      const made = await jobs.run(
        {
          kind: 'returns-make',
          round: returnRound(draft, plan.fields),
          units,
        },
        input.jobId,
      )
      for (const m of made) {
        await writeExport(
          join(dir, m.fileName),
          Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength),
        )
      }
      try {
        settings.update({ lastExportDir: dir, returnUnits: units })
      } catch (error) {
        log(error)
      }
      return {
        status: 'saved',
        dir,
        files: made.map((m) => basename(m.fileName)),
        skipped: plan.skipped,
      }
    },

    async rollUpReturns(
      input: MethodInput<'rollUpReturns'>,
    ): Promise<MethodOutput<'rollUpReturns'>> {
      const { draft } = await drafts.open(input.id)
      const read = await jobs.run(
        {
          kind: 'returns-read',
          files: input.files.map((f) => ({
            name: f.fileName,
            bytes: new Uint8Array(Buffer.from(f.data, 'base64')),
          })),
        },
        input.jobId,
      )
      // The figures asked for are those whose keys the returns carry.
      const asked = new Set<string>()
      for (const r of read) for (const [key] of r.values) asked.add(key.replace(/#[nd]$/, ''))
      const indicators = draft.indicators.filter((i) => asked.has(i.id))
      const plan = planReturn(indicators)
      const units = distinctUnits(input.units)
      const rollup = rollUp(
        plan,
        indicators,
        read.map((r) => ({ ...r, values: new Map(r.values) })),
        { draftId: draft.id, period: returnPeriod(draft), units },
      )
      return {
        rollup: {
          period: returnPeriod(draft),
          fields: plan.fields.map((f) => ({
            key: f.key,
            indicatorId: f.indicatorId,
            name: f.name,
            unit: f.unit,
          })),
          rows: rollup.rows.map((row) => ({
            unit: row.unit,
            status: row.status,
            files: row.files,
            cells: [...row.cells].map(([key, c]) => ({ key, ...c })),
            figures: [...row.figures].map(([indicatorId, value]) => ({ indicatorId, value })),
          })),
          totals: rollup.totals,
          problems: rollup.problems,
        },
      }
    },
  }
}

import { copyFile, mkdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'

import type { DraftFile } from '../../domain/draft/draft.ts'
import { LIMIT_MESSAGES, MAX_IMPORT_BYTES, MAX_RETURN_FILES } from '../../domain/limits.ts'
import { planReturn, returnPeriod, returnRound } from '../../domain/returns/plan.ts'
import { rollupFigures, rollupTable } from '../../domain/returns/rollup-table.ts'
import { rollUp } from '../../domain/returns/rollup.ts'
import { isoDay } from '../../domain/text/dates.ts'
import { writeFileAtomic } from '../services/drafts/atomic-write.ts'
import { writeExport } from '../services/export/export-service.ts'
import { ServiceError } from '../services/service-error.ts'
import { CliError, jobs, readDraft, writeFailure } from './export-command.ts'

const unitList = (text: string) =>
  [...new Set(text.split(/[,，、]/).map((u) => u.trim()))].filter((u) => u !== '')

async function readDraftJson(input: string): Promise<DraftFile> {
  if (extname(input).toLowerCase() !== '.json')
    throw new CliError(`请给出草稿文件（.json）：${input}`)
  return readDraft(input)
}

/** caogao sheet <draft.json> --units 甲镇,乙镇 [-o dir]: one 报送表 per unit. */
export async function sheetCommand(
  input: string,
  options: { units?: string; output?: string },
): Promise<string> {
  const units = unitList(options.units ?? '')
  if (units.length === 0) throw new CliError('请用 --units 给出填报单位，如 --units 甲镇,乙镇。')
  const draft = await readDraftJson(input)
  const plan = planReturn(draft.indicators)
  if (plan.fields.length === 0) throw new CliError('草稿中没有可以由各单位填报汇总的指标。')
  const dir = resolve(options.output ?? '.')
  try {
    await mkdir(dir, { recursive: true })
    const made = await jobs().run({
      kind: 'returns-make',
      round: returnRound(draft, plan.fields),
      units,
    })
    for (const m of made) {
      await writeExport(join(dir, m.fileName), Buffer.from(m.bytes))
    }
    const skipped = plan.skipped.map((s) => `\n  未收集“${s.name}”：${s.reason}`).join('')
    return `已生成 ${made.length} 个报送表：${dir}${skipped}`
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
}

/**
 * caogao rollup <draft.json> <returned.xlsx>… [-o draft.json] [--units …]: reads the returns,
 * prints what it could not use, and writes the totals into the draft's indicators. When the
 * output is the draft itself, the draft before the roll-up is kept beside it first.
 */
export async function rollupCommand(
  input: string,
  files: string[],
  options: { output?: string; units?: string; table?: string; appendix?: boolean },
): Promise<{ text: string; ok: boolean }> {
  if (files.length > MAX_RETURN_FILES) throw new CliError(LIMIT_MESSAGES.returnFiles)
  const tableFile = options.table === undefined ? null : resolve(options.table)
  if (tableFile && extname(tableFile).toLowerCase() !== '.xlsx')
    throw new CliError(`汇总表文件应以 .xlsx 结尾：${options.table}`)
  const draft = await readDraftJson(input)
  const read: { name: string; bytes: Uint8Array }[] = []
  for (const f of files) {
    const size = await stat(f).then(
      (s) => s.size,
      () => -1,
    )
    if (size < 0) throw new CliError(`找不到文件：${f}`)
    if (size > MAX_IMPORT_BYTES) throw new CliError(`${basename(f)}：${LIMIT_MESSAGES.fileBytes}`)
    read.push({ name: basename(f), bytes: new Uint8Array(await readFile(f)) })
  }
  let returned
  try {
    returned = await jobs().run({ kind: 'returns-read', files: read })
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
  const asked = new Set<string>()
  for (const r of returned) for (const [key] of r.values) asked.add(key.replace(/#[nd]$/, ''))
  const indicators = draft.indicators.filter((i) => asked.has(i.id))
  const units = options.units
    ? unitList(options.units)
    : [...new Set(returned.map((r) => r.unit).filter((u) => u !== ''))]
  const result = rollUp(
    planReturn(indicators),
    indicators,
    returned.map((r) => ({ ...r, values: new Map(r.values) })),
    { draftId: draft.id, period: returnPeriod(draft), units },
  )
  const lines: string[] = []
  for (const p of result.problems)
    lines.push(`${p.file}${p.cell ? ` ${p.cell}` : ''}：${p.message}`)
  const totals = new Map(
    result.totals.filter((t) => t.value !== null).map((t) => [t.indicatorId, t]),
  )
  const today = isoDay(new Date())
  const table = rollupTable(rollupFigures(result), indicators, returnPeriod(draft))
  const next: DraftFile = {
    ...draft,
    meta: options.appendix ? { ...draft.meta, unitTable: table } : draft.meta,
    indicators: draft.indicators.map((i) => {
      const t = totals.get(i.id)
      if (!t) return i
      lines.push(`${i.name}：${t.value}（${t.counted} 个单位${t.complete ? '' : '，不全'}）`)
      return {
        ...i,
        current: t.value,
        source: `${today}汇总各单位报送表（${t.counted}个单位${t.complete ? '' : '，不全'}）`,
      }
    }),
  }
  const target = resolve(options.output ?? input)
  try {
    if (target === resolve(input)) {
      const kept = join(resolve(input, '..'), `${basename(input, '.json')}-汇总前.json`)
      await copyFile(input, kept)
      lines.push(`汇总前的草稿已保存为：${kept}`)
    }
    await writeFileAtomic(target, JSON.stringify(next))
  } catch (error) {
    throw writeFailure(target, error)
  }
  lines.push(`已写入：${target}`)
  if (options.appendix) lines.push(`各单位的数字已作为附件加在报告末尾：${table.title}`)
  if (tableFile) {
    try {
      await writeExport(tableFile, Buffer.from(await jobs().run({ kind: 'rollup-table', table })))
    } catch (error) {
      throw writeFailure(tableFile, error)
    }
    lines.push(`汇总表已保存为：${tableFile}`)
  }
  return { text: lines.join('\n'), ok: result.problems.length === 0 }
}

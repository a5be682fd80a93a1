import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'

import type { DraftFile } from '../../domain/draft/draft.ts'
import { newDraftFile } from '../../domain/draft/new-draft.ts'
import { fontSetSchema } from '../../domain/export/gbt9704.ts'
import { draftPageSpec } from '../../domain/export/page-spec.ts'
import type { ImportReport } from '../../domain/import/import-paragraphs.ts'
import { defaultSettings } from '../../domain/settings.ts'
import { isoDay } from '../../domain/text/dates.ts'
import { errorCode, writeFileAtomic } from '../services/drafts/atomic-write.ts'
import { decodeDraft } from '../services/drafts/draft-codec.ts'
import { DamagedFileError } from '../services/drafts/draft-errors.ts'
import { JobRunner } from '../services/jobs/job-runner.ts'
import { ServiceError } from '../services/service-error.ts'
import { findBrowser, renderPdf } from './pdf-command.ts'

export class CliError extends Error {}

// Import and export run in a worker with the app's limits, so a hostile file costs a message.
let runner: JobRunner | null = null
let workerFile: string | undefined
export const jobs = () => (runner ??= new JobRunner(workerFile ? { workerFile } : {}))

/** The built CLI runs the bundled worker beside it rather than the .ts source. */
export function useWorkerFile(file: string): void {
  workerFile = file
}

/** The Chinese reason a file could not be written, never a stack trace. */
export function writeFailure(target: string, error: unknown): CliError {
  const code = errorCode(error)
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? '没有权限写入这个文件夹'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? '文件夹不存在'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? '磁盘空间已满'
          : code === 'ENAMETOOLONG'
            ? '文件名太长'
            : `写入失败（${code ?? '未知错误'}）`
  return new CliError(`无法保存文件：${why}。请换一个位置或文件名：${target}`)
}

async function readBytes(input: string): Promise<Buffer> {
  try {
    return await readFile(input)
  } catch {
    throw new CliError(`找不到或无法读取文件：${input}`)
  }
}

/** A .docx or .txt read into a draft file, as the app's import does. */
export async function importToDraft(
  input: string,
  previousYear: boolean,
  takeFigures = false,
): Promise<{ draft: DraftFile; report: ImportReport }> {
  const ext = extname(input).toLowerCase()
  if (!['.docx', '.txt', '.doc', '.wps'].includes(ext)) {
    throw new CliError(
      `不认识的文件类型“${ext || '无扩展名'}”：请给出草稿（.json）、Word 文件（.docx、.doc）、WPS 文件（.wps）或文本文件（.txt）。`,
    )
  }
  const bytes = await readBytes(input)
  try {
    const { content, report } = await jobs().run({
      kind: 'import',
      fileName: basename(input),
      bytes,
      previousYear,
      takeFigures,
    })
    return {
      draft: newDraftFile(content, randomUUID(), new Date()),
      report,
    }
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
}

/** A draft file, or a .docx or .txt imported into one. */
export async function readDraft(input: string): Promise<DraftFile> {
  if (extname(input).toLowerCase() !== '.json') return (await importToDraft(input, false)).draft
  try {
    return decodeDraft(await readBytes(input))
  } catch (error) {
    if (error instanceof DamagedFileError)
      throw new CliError(`不是有效的草稿文件（${error.message}）：${input}`)
    throw error
  }
}

/** caogao export <draft.json | report.docx | report.txt> [-o out.docx|out.pdf] [--pdf] [--font-set gb2312|windows] */
export async function exportCommand(
  input: string,
  options: { output?: string; fontSet?: string; pdf?: boolean },
): Promise<string> {
  const fontSet = fontSetSchema.safeParse(options.fontSet ?? 'gb2312')
  if (!fontSet.success || fontSet.data === 'custom') {
    throw new CliError(
      `字体方案只能是 gb2312（公文字体）或 windows（Windows 自带字体），而不是“${options.fontSet}”。`,
    )
  }
  const ext = options.pdf ? '.pdf' : '.docx'
  // Before the work: without a browser there is no PDF to make.
  const browser = options.pdf ? findBrowser() : null
  const draft = await readDraft(input)
  const target = resolve(
    options.output ?? join(dirname(input), `${basename(input, extname(input))}${ext}`),
  )
  if (extname(target).toLowerCase() !== ext)
    throw new CliError(`输出文件应以 ${ext} 结尾：${target}`)
  if (target === resolve(input))
    throw new CliError('输出文件不能与输入文件相同，请用 -o 指定另一个文件名。')
  if (browser) {
    const settings = { ...defaultSettings, exportFontSet: fontSet.data }
    const { pdf } = await renderPdf(draftPageSpec(draft, settings, isoDay(new Date())), browser)
    try {
      await writeFileAtomic(target, pdf)
    } catch (error) {
      throw writeFailure(target, error)
    }
    return target
  }
  try {
    const data = await jobs().run({
      kind: 'export',
      draft,
      settings: { ...defaultSettings, exportFontSet: fontSet.data },
    })
    // Loaded here, not at the top: docx is only needed by an export.
    const { writeExport } = await import('../services/export/export-service.ts')
    await writeExport(target, Buffer.from(data.buffer, data.byteOffset, data.byteLength))
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
  return target
}

/** caogao import <file> -o draft.json [--previous-year] [--figures]: prints what it found and the figures it offers. */
export async function importCommand(
  input: string,
  options: { output?: string; previousYear: boolean; figures?: boolean },
): Promise<{ target: string; summary: string }> {
  const { draft, report } = await importToDraft(input, options.previousYear, options.figures)
  const target = resolve(
    options.output ?? join(dirname(input), `${basename(input, extname(input))}.json`),
  )
  if (extname(target).toLowerCase() !== '.json')
    throw new CliError(`输出文件应以 .json 结尾：${target}`)
  try {
    await writeFileAtomic(target, JSON.stringify(draft))
  } catch (error) {
    throw writeFailure(target, error)
  }
  const column = options.previousYear ? '上年值' : '本年值'
  const summary = [
    `标题：${draft.meta.title}`,
    `章节：${report.sections.length} 个`,
    ...report.levels
      .filter((l) => l.style !== ['一、', '（一）', '1.', '（1）'][l.level - 1])
      .map((l) => `原文的“${l.style}”作为第 ${l.level} 级标题，已按公文格式重新编号`),
    options.figures
      ? `已采用的指标：${draft.indicators.length} 个（填入${column}）`
      : `找到的数字：${report.figures.length} 处，未采用（加 --figures 全部采用，填入${column}）`,
    ...report.figures.map(
      (f) =>
        `  ${f.phrase || '（无名称）'} ${f.text}${f.catalogKey ? ` → ${f.name}` : ''}${f.total ? '（合计）' : ''}`,
    ),
    ...report.ambiguous.map((a) => `有歧义、未自动采用：${a.name}（${a.values.join('、')}）`),
    ...report.slips.map(
      (s) => `编号不连续：“${s.title}”原为第 ${s.found} 项，已按顺序重新编号为第 ${s.expected} 项`,
    ),
    `删去的网页内容：${report.dropped.length} 处`,
    ...report.doubtful.map((d) => `可能是网页内容（已保留）：${d.text.slice(0, 40)}`),
  ].join('\n')
  return { target, summary }
}

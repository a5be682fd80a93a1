import { basename, dirname, extname, join, resolve } from 'node:path'

import type { CompareCounts } from '../../domain/compare/compare.ts'
import { defaultSettings } from '../../domain/settings.ts'
import { writeExport } from '../services/export/export-service.ts'
import { ServiceError } from '../services/service-error.ts'
import { CliError, jobs, readDraft } from './export-command.ts'

/** “共 12 处修改：改动 7 处、增加 3 处、删除 2 处，其中数字 4 处”. */
export function changeSummary(counts: CompareCounts): string {
  if (counts.total === 0) return '两个版本内容相同，没有修改'
  const parts = [
    ['改动', counts.replaced],
    ['增加', counts.inserted],
    ['删除', counts.deleted],
    ['移动', counts.moved],
  ]
    .filter(([, n]) => n)
    .map(([what, n]) => `${what} ${n} 处`)
  const figures = counts.figures ? `，其中数字 ${counts.figures} 处` : ''
  return `共 ${counts.total} 处修改：${parts.join('、')}${figures}`
}

/**
 * caogao compare <old> <new> [-o out.docx] [--marks]: a 修订稿 (Word tracked changes) or, with
 * --marks, a 花脸稿 (red marks for paper) of what changed from old to new.
 */
export async function compareCommand(
  olderPath: string,
  newerPath: string,
  options: { output?: string; marks: boolean },
): Promise<string> {
  const kind = options.marks ? '花脸稿' : '修订稿'
  const target = resolve(
    options.output ??
      join(dirname(newerPath), `${basename(newerPath, extname(newerPath))}-${kind}.docx`),
  )
  if (extname(target).toLowerCase() !== '.docx')
    throw new CliError(`输出文件应以 .docx 结尾：${target}`)
  if (target === resolve(olderPath) || target === resolve(newerPath))
    throw new CliError('输出文件不能与要对比的文件相同，请用 -o 指定另一个文件名。')
  const older = await readDraft(olderPath)
  const newer = await readDraft(newerPath)
  try {
    const { bytes, counts } = await jobs().run({
      kind: 'compare-export',
      older,
      newer,
      settings: defaultSettings,
      style: options.marks ? 'fixed' : 'tracked',
      olderName: basename(olderPath),
      newerName: basename(newerPath),
    })
    await writeExport(target, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return `已生成${kind}（${changeSummary(counts)}）：${target}`
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
}

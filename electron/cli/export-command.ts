import { readFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'

import type { DraftFile } from '../../domain/draft/draft.ts'
import { fontSetSchema } from '../../domain/export/gbt9704.ts'
import { detectHeadingMarker } from '../../domain/outline/heading-markers.ts'
import { blocksFromPlainText } from '../../domain/outline/plain-text-blocks.ts'
import { defaultSettings } from '../../domain/settings.ts'
import { decodeDraft } from '../services/drafts/draft-codec.ts'
import { DamagedFileError } from '../services/drafts/draft-errors.ts'
import { draftToDocx, writeExport } from '../services/export/export-service.ts'
import { ServiceError } from '../services/service-error.ts'

export class CliError extends Error {}

/** Text files come as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** A plain-text report as a draft: a short first line is the title, the rest is the body. */
export function draftFromText(text: string, name: string): DraftFile {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
  const first = lines.findIndex((l) => l !== '')
  const titleLine = first >= 0 ? lines[first]! : ''
  const hasTitle =
    titleLine.length > 0 &&
    titleLine.length <= 40 &&
    !detectHeadingMarker(titleLine) &&
    !/[。，]$/.test(titleLine)
  const body = blocksFromPlainText(hasTitle ? lines.slice(first + 1).join('\n') : text)
  const now = new Date().toISOString()
  return {
    schemaVersion: 1,
    id: '00000000-0000-4000-8000-000000000000',
    revision: 0,
    createdAt: now,
    updatedAt: now,
    wordCount: 0,
    meta: {
      title: hasTitle ? titleLine : name,
      unit: '',
      year: new Date().getFullYear(),
      kind: 'blank',
      topic: '',
      superior: '',
      recipient: '',
      signature: '',
      date: '',
    },
    body: { type: 'doc', content: body },
    indicators: [],
  }
}

async function readDraft(input: string): Promise<DraftFile> {
  const ext = extname(input).toLowerCase()
  if (ext === '.docx')
    throw new CliError(
      '从 Word 文件导出需要先导入（导入功能将在后续版本提供）。请先导出为 .txt 或使用草稿文件。',
    )
  if (ext === '.doc')
    throw new CliError('不支持旧版 .doc 文件，请先在 Word 或 WPS 中另存为 .docx。')
  if (ext !== '.json' && ext !== '.txt') {
    throw new CliError(
      `不认识的文件类型“${ext || '无扩展名'}”：请给出草稿（.json）或文本文件（.txt）。`,
    )
  }
  let bytes: Buffer
  try {
    bytes = await readFile(input)
  } catch {
    throw new CliError(`找不到或无法读取文件：${input}`)
  }
  if (ext === '.json') {
    try {
      return decodeDraft(bytes)
    } catch (error) {
      if (error instanceof DamagedFileError)
        throw new CliError(`不是有效的草稿文件（${error.message}）：${input}`)
      throw error
    }
  }
  if (bytes.length === 0) throw new CliError(`文件是空的：${input}`)
  return draftFromText(decodeText(bytes), basename(input, ext))
}

/** caogao export <draft.json | report.txt> [-o out.docx] [--font-set gb2312|windows] */
export async function exportCommand(
  input: string,
  options: { output?: string; fontSet?: string },
): Promise<string> {
  const fontSet = fontSetSchema.safeParse(options.fontSet ?? 'gb2312')
  if (!fontSet.success || fontSet.data === 'custom') {
    throw new CliError(
      `字体方案只能是 gb2312（公文字体）或 windows（Windows 自带字体），而不是“${options.fontSet}”。`,
    )
  }
  const draft = await readDraft(input)
  const target = resolve(
    options.output ?? join(dirname(input), `${basename(input, extname(input))}.docx`),
  )
  if (extname(target).toLowerCase() !== '.docx')
    throw new CliError(`输出文件应以 .docx 结尾：${target}`)
  const data = await draftToDocx(draft, { ...defaultSettings, exportFontSet: fontSet.data })
  try {
    await writeExport(target, data)
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message)
    throw error
  }
  return target
}

import { ZodError } from 'zod'

import { DraftMigrationError, parseDraftFile, type DraftFile } from '../../../domain/draft/draft.ts'
import { DamagedFileError } from './draft-errors.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads a draft file's bytes strictly; every kind of damage becomes a DamagedFileError in Chinese. */
export function decodeDraft(bytes: Uint8Array): DraftFile {
  if (bytes.length === 0) throw new DamagedFileError('文件是空的')
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new DamagedFileError('文件不是有效的 UTF-8 文本（可能被其他程序以别的编码改写过）')
  }
  if (/^\0+$/.test(text)) throw new DamagedFileError('文件内容全是空字节（常见于断电）')
  try {
    return parseDraftFile(text)
  } catch (error) {
    if (error instanceof SyntaxError) throw new DamagedFileError('文件内容不完整或格式错误')
    if (error instanceof DraftMigrationError) throw new DamagedFileError('文件的版本号无法识别')
    if (error instanceof ZodError) throw new DamagedFileError('文件内容不符合草稿格式')
    throw error
  }
}

export function encodeDraft(draft: DraftFile): string {
  return JSON.stringify(draft)
}

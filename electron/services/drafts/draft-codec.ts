import { ZodError } from 'zod'

import {
  DraftMigrationError,
  draftFileSchema,
  parseDraftFile,
  type DraftFile,
} from '../../../domain/draft/draft.ts'
import { DamagedFileError, InvalidDraftError } from './draft-errors.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Deeper than any report: nested lists and marks stay far below it, and the recursive
 * parse and schema check stay far from the stack's end above it.
 */
export const MAX_NESTING = 200

/** The deepest bracket nesting of a JSON text, brackets inside strings skipped; one linear pass. */
export function jsonNestingDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth)
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return deepest
}

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
  if (jsonNestingDepth(text) > MAX_NESTING) {
    throw new DamagedFileError('文件内容的层次嵌套过深，不是本程序写出的草稿')
  }
  try {
    return parseDraftFile(text)
  } catch (error) {
    if (error instanceof SyntaxError) throw new DamagedFileError('文件内容不完整或格式错误')
    if (error instanceof DraftMigrationError) throw new DamagedFileError('文件的版本号无法识别')
    if (error instanceof ZodError) throw new DamagedFileError('文件内容不符合草稿格式')
    throw error
  }
}

/** A draft that passed the draft schema, and its text. */
export interface CheckedDraft {
  readonly draft: DraftFile
  readonly text: string
}

/** Only checkedDraft adds here, so a CheckedDraft cannot be made up elsewhere. */
const checkedOnes = new WeakSet<CheckedDraft>()

/**
 * A draft about to be written and its text: whatever path produced it (a save, an import,
 * carry forward, a restore), it must pass the draft schema first, as a read would.
 */
export function checkedDraft(draft: DraftFile | CheckedDraft): CheckedDraft {
  if ('text' in draft && checkedOnes.has(draft)) return draft
  let text: string
  try {
    text = JSON.stringify(draft)
  } catch {
    throw new InvalidDraftError('草稿内容的层次嵌套过深，无法保存。')
  }
  if (jsonNestingDepth(text) > MAX_NESTING) {
    throw new InvalidDraftError('草稿内容的层次嵌套过深，无法保存。')
  }
  const checked = draftFileSchema.safeParse(draft)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const where = issue?.path.length ? `（${issue.path.join('.')}）` : ''
    throw new InvalidDraftError(`草稿内容不符合草稿格式${where}：${issue?.message ?? ''}`)
  }
  const result: CheckedDraft = Object.freeze({
    draft: checked.data,
    text: JSON.stringify(checked.data),
  })
  checkedOnes.add(result)
  return result
}

import { readdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

import type { DraftFile, DraftMeta } from '../../../domain/draft/draft.ts'
import { buildExportModel } from '../../../domain/export/export-model.ts'
import { printLayout } from '../../../domain/export/page-spec.ts'
import { MAX_FILE_NAME_BYTES, TEMP_SUFFIX_BYTES } from '../../../domain/limits.ts'
import type { Settings } from '../../../domain/settings.ts'
import { isoDay } from '../../../domain/text/dates.ts'
import { writeFileAtomic } from '../drafts/atomic-write.ts'
import { errorCode, fsFailureMessage } from '../fs-error-message.ts'
import { ServiceError } from '../service-error.ts'
import { renderDocx, type DocxLayout } from './docx-writer.ts'

/** The Word file of a draft, laid out as the settings say. */
export function draftToDocx(
  draft: DraftFile,
  settings: Settings,
  today = isoDay(new Date()),
): Promise<Buffer> {
  const model = buildExportModel(draft, {
    level3: settings.level3Numbering,
    indicatorAppendix: settings.indicatorAppendix,
    today,
  })
  return renderDocx(model, docxLayout(settings, draft.meta))
}

/** The layout the settings ask for; the document properties from the draft's metadata. */
export function docxLayout(
  settings: Settings,
  meta: Pick<DraftMeta, 'title' | 'unit'>,
): DocxLayout {
  return printLayout(settings, meta)
}

// Control characters (U+0000–U+001F, U+007F) are refused by Windows and by Node's fs (NUL).
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f
const RESERVED_IN_NAME = /[\\/:*?"<>|]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** The longest prefix of `text` whose UTF-8 form fits in `bytes`, never half a character. */
function cutToBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder()
  let used = 0
  let out = ''
  for (const ch of text) {
    const size = encoder.encode(ch).length
    if (used + size > bytes) break
    used += size
    out += ch
  }
  return out
}

/**
 * "某某县教育局2026年工作总结.docx": without the characters Windows refuses (\/:*?"<>|, NUL and
 * other control characters), not a device name, and short enough in UTF-8 for a file system's
 * 255-byte name limit with room for the temp suffix of the atomic write.
 */
export function defaultExportName(title: string, suffix = '', extension = '.docx'): string {
  return safeFileName(title, `${suffix}${extension}`, '工作总结')
}

/**
 * A file name made of `title` that every file system takes: reserved and control characters
 * dropped, cut to the byte limit, no trailing dot or space, no device name; `fallback` if empty.
 */
export function safeFileName(title: string, ext: string, fallback: string): string {
  const room = MAX_FILE_NAME_BYTES - TEMP_SUFFIX_BYTES - Buffer.byteLength(ext)
  const allowed = [...title.replace(RESERVED_IN_NAME, '')].filter((ch) => !isControl(ch))
  let name = cutToBytes(allowed.join('').trim(), room)
  // Windows drops trailing dots and spaces, and reserves device names.
  name = name.replace(/[. ]+$/, '')
  if (WINDOWS_DEVICE.test(name)) name = `${name}_`
  return `${name || fallback}${ext}`
}

/** Word and WPS keep an owner file "~$…" beside a document they have open. */
async function openInWordOrWps(target: string): Promise<boolean> {
  const name = basename(target)
  const owners = new Set([`~$${name}`, `~$${name.slice(1)}`, `~$${name.slice(2)}`, `.~${name}`])
  const names = await readdir(dirname(target)).catch(() => [] as string[])
  return names.some((n) => owners.has(n))
}

/**
 * Writes the file by temp file and rename, so the target is either the old file or the whole
 * new one. A target open in Word, a read-only folder or a full disk is explained in Chinese.
 */
export async function writeExport(target: string, data: Buffer): Promise<void> {
  if (await openInWordOrWps(target)) {
    throw new ServiceError(
      'CONFLICT',
      '这个文件正在 Word 或 WPS 中打开，无法覆盖。请先关闭它，或另存为其他文件名。',
    )
  }
  try {
    await writeFileAtomic(target, data, { retryDelaysMs: [100, 200, 400] })
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EBUSY' || code === 'EPERM') {
      throw new ServiceError(
        'CONFLICT',
        '这个文件正被其他程序占用（可能在 Word 或 WPS 中打开），无法覆盖。请先关闭它，或另存为其他文件名。',
        { cause: error },
      )
    }
    throw new ServiceError(
      'IO_ERROR',
      `${fsFailureMessage(error, '保存 Word 文件')}也可以另存到“文档”、桌面或其他磁盘。`,
      { cause: error },
    )
  }
}

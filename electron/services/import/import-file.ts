import { extname } from 'node:path'

import {
  importParagraphs,
  paragraphsOfText,
  type ImportResult,
  type SourceParagraph,
} from '../../../domain/import/import-paragraphs.ts'
import {
  LIMIT_MESSAGES,
  MAX_CHARACTERS,
  MAX_IMPORT_BYTES,
  MAX_PARAGRAPHS,
} from '../../../domain/limits.ts'
import type { HeadingLevel } from '../../../domain/outline/numbering.ts'
import { ServiceError } from '../service-error.ts'
import { DamagedZipError, checkWordXml, checkZipPackage } from './zip-limits.ts'

/** How far an import has got, from 0 to 1, for the writer's progress bar. */
export type ReportProgress = (fraction: number) => void

/** Text files come as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

const fail = (message: string) => new ServiceError('INVALID_INPUT', message)

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOleCompound = (b: Uint8Array) =>
  b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

interface MammothElement {
  type: string
  children?: MammothElement[]
  value?: string
  styleName?: string | null
  alignment?: string | null
  fontSize?: number | null
}

function headingLevelOfStyle(name: string | null | undefined): HeadingLevel | null {
  const m = /^(?:heading|标题)\s*([1-4])$/i.exec((name ?? '').trim())
  return m ? (Number(m[1]) as HeadingLevel) : null
}

const DAMAGED_DOCX =
  '这个 Word 文件已损坏，无法读取。请在 Word 或 WPS 中打开后另存为 .docx 再导入。'

/** Refuses a package past the limits before mammoth unpacks it and builds its tree. */
function checkDocxLimits(bytes: Uint8Array): void {
  let documentXml: Buffer | null
  try {
    documentXml = checkZipPackage(bytes, 'word/document.xml')
  } catch (error) {
    if (error instanceof DamagedZipError) throw fail(DAMAGED_DOCX)
    throw error
  }
  if (!documentXml) throw fail('这不是有效的 Word 文件（.docx），里面没有正文。')
  checkWordXml(documentXml.toString('utf8'))
}

/** Past the paragraph or character limit, whatever the file type. */
function checkSourceSize(paragraphs: readonly SourceParagraph[]): void {
  if (paragraphs.length > MAX_PARAGRAPHS) throw fail(LIMIT_MESSAGES.paragraphs)
  let characters = 0
  for (const p of paragraphs) characters += p.text.length
  if (characters > MAX_CHARACTERS) throw fail(LIMIT_MESSAGES.characters)
}

/** The paragraphs of a .docx with what structure Word kept: heading styles, centring, font size. */
async function docxParagraphs(bytes: Uint8Array): Promise<SourceParagraph[]> {
  // mammoth is loaded only when a Word file is imported.
  const mammoth = await import('mammoth')
  const paragraphs: SourceParagraph[] = []
  const textOf = (el: MammothElement): string =>
    el.type === 'text'
      ? (el.value ?? '')
      : el.type === 'tab'
        ? ' '
        : (el.children ?? []).map(textOf).join('')
  // A loop, not Math.max(...children): a paragraph may hold more runs than a call takes arguments.
  const maxSize = (el: MammothElement): number => {
    let size = el.type === 'run' ? (el.fontSize ?? 0) * 2 : 0
    for (const child of el.children ?? []) size = Math.max(size, maxSize(child))
    return size
  }
  const walk = (el: MammothElement) => {
    if (el.type === 'paragraph') {
      paragraphs.push({
        text: textOf(el),
        styleLevel: headingLevelOfStyle(el.styleName),
        centered: el.alignment === 'center',
        fontSize: maxSize(el) || null,
      })
      return
    }
    el.children?.forEach(walk)
  }
  // Once the document is read, the HTML mammoth would write next is not needed: stop there.
  const read = new Error('document read')
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (doc: MammothElement) => {
          walk(doc)
          throw read
        },
      },
    )
  } catch (error) {
    if (error !== read) throw fail(DAMAGED_DOCX)
  }
  return paragraphs
}

/** The text of a Word 97–2003 .doc or a WPS .wps (both OLE compound files), one paragraph a line. */
async function oleParagraphs(bytes: Uint8Array): Promise<SourceParagraph[]> {
  const { default: WordExtractor } = await import('word-extractor')
  let body: string
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes))
    // Unfiltered: the filter turns Chinese quotes “” into straight ones.
    // Word's remaining control characters (fields, anchors) carry no text.
    body = [...doc.getBody({ filterUnicode: false })]
      .filter((c) => c >= ' ' || c === '\n' || c === '\t')
      .join('')
  } catch {
    throw fail(
      '这个旧版 Word（.doc）或 WPS 文件无法读取：可能已损坏或加了密码。请在 Word 或 WPS 中打开后另存为 .docx 再导入。',
    )
  }
  // Table cells come tab-separated: a row becomes one line with its cells apart.
  return paragraphsOfText(body.replace(/\t+$/gm, '').replace(/\t/g, '　'))
}

/**
 * Reads last year's report from .docx, .doc, .wps or .txt into a sectioned draft. Bad input — a damaged or
 * encrypted file, another file renamed, an unreadable .doc, an empty or huge file — gets a Chinese
 * message and nothing is created.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  previousYear: boolean,
  progress: ReportProgress = () => {},
): Promise<ImportResult> {
  const ext = extname(fileName).toLowerCase()
  if (bytes.length === 0) throw fail('文件是空的，没有可导入的内容。')
  if (bytes.length > MAX_IMPORT_BYTES) throw fail(LIMIT_MESSAGES.fileBytes)
  let paragraphs: SourceParagraph[]
  if (ext === '.doc' || ext === '.wps') {
    if (isZip(bytes)) {
      // A .docx renamed .doc: the same limits before anything is unpacked.
      checkDocxLimits(bytes)
      paragraphs = await docxParagraphs(bytes)
    } else if (!isOleCompound(bytes))
      throw fail('这不是有效的 Word 或 WPS 文件，可能是改了扩展名的其他文件。')
    else paragraphs = await oleParagraphs(bytes)
  } else if (ext === '.docx') {
    if (isOleCompound(bytes)) {
      throw fail(
        '这个文件加了密码，或其实是旧版 .doc 文件。请在 Word 或 WPS 中去掉密码、另存为 .docx 后再导入。',
      )
    }
    if (!isZip(bytes)) throw fail('这不是有效的 Word 文件（.docx），可能是改了扩展名的其他文件。')
    checkDocxLimits(bytes)
    progress(0.2)
    paragraphs = await docxParagraphs(bytes)
  } else if (ext === '.txt') {
    if (isZip(bytes) || isOleCompound(bytes) || bytes.subarray(0, 4096).includes(0)) {
      if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw fail('这不是文本文件，可能是改了扩展名的其他文件。')
      }
    }
    const text = decodeText(bytes)
    if (text.length > MAX_CHARACTERS) throw fail(LIMIT_MESSAGES.characters)
    paragraphs = paragraphsOfText(text)
  } else {
    throw fail(
      `不能导入“${ext || '无扩展名'}”文件：请选择 Word 文件（.docx、.doc）、WPS 文件（.wps）或文本文件（.txt）。`,
    )
  }
  checkSourceSize(paragraphs)
  progress(0.6)
  const result = importParagraphs(paragraphs, { previousYear, paragraphMarks: ext !== '.txt' })
  progress(0.9)
  if (result.report.sections.length === 0 && result.body.every((b) => !b.content?.length)) {
    throw fail('文件中没有找到文字内容。')
  }
  return result
}

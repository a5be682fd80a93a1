import { inflateRawSync } from 'node:zlib'

import {
  LIMIT_MESSAGES,
  MAX_DOCUMENT_XML_BYTES,
  MAX_EXPANDED_BYTES,
  MAX_NESTING_DEPTH,
  MAX_PARAGRAPHS,
  MAX_ZIP_ENTRIES,
} from '../../../domain/limits.ts'
import { ServiceError } from '../service-error.ts'

const tooMuch = (message: string) => new ServiceError('INVALID_INPUT', message)

/** Thrown when the package is no readable zip; the caller words it for its file type. */
export class DamagedZipError extends Error {}

interface Entry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const ZIP64_MARK = 0xffffffff

/** The central directory, read as written: one linear pass, no inflating. */
function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record sits in the last 22 bytes plus a comment of at most 64 kB.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw new DamagedZipError('no end of central directory')
  const count = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (count > MAX_ZIP_ENTRIES) throw tooMuch(LIMIT_MESSAGES.zipEntries)
  const decoder = new TextDecoder()
  const entries: Entry[] = []
  let at = directoryOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new DamagedZipError('bad central directory entry')
    }
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    }
    // Zip64 sizes mean more than 4 GB: no report is that.
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) {
      throw tooMuch(LIMIT_MESSAGES.expandedBytes)
    }
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function compressedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new DamagedZipError('bad local header')
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new DamagedZipError('entry runs past the file')
  return bytes.subarray(start, end)
}

/** Inflates one entry, never past `limit` bytes whatever its directory entry claims. */
function inflateBounded(data: Uint8Array, method: number, limit: number, message: string): Buffer {
  if (method === 0) {
    if (data.length > limit) throw tooMuch(message)
    return Buffer.from(data)
  }
  if (method !== 8) throw new DamagedZipError(`compression method ${method}`)
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw tooMuch(message)
    throw new DamagedZipError('inflate failed', { cause: error })
  }
}

/**
 * Checks a .docx/.xlsx package against the limits before a library unpacks it: the entry count
 * and the sizes the directory declares, then the sizes that inflating really gives (each entry
 * inflated with a cap, so a directory that lies costs no more than the limit). Returns the
 * named part, inflated, for the caller's own checks.
 */
export function checkZipPackage(bytes: Uint8Array, mainPart: string): Buffer | null {
  const entries = readDirectory(bytes)
  let declared = 0
  for (const entry of entries) {
    declared += entry.size
    if (declared > MAX_EXPANDED_BYTES) throw tooMuch(LIMIT_MESSAGES.expandedBytes)
    if (entry.name === mainPart && entry.size > MAX_DOCUMENT_XML_BYTES) {
      throw tooMuch(LIMIT_MESSAGES.documentXmlBytes)
    }
  }
  let inflated = 0
  let main: Buffer | null = null
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    const budget = MAX_EXPANDED_BYTES - inflated
    const isMain = entry.name === mainPart
    const limit = isMain ? Math.min(budget, MAX_DOCUMENT_XML_BYTES) : budget
    const message =
      isMain && limit === MAX_DOCUMENT_XML_BYTES
        ? LIMIT_MESSAGES.documentXmlBytes
        : LIMIT_MESSAGES.expandedBytes
    const data = inflateBounded(compressedData(bytes, entry), entry.method, limit, message)
    inflated += data.length
    if (isMain) main = data
  }
  return main
}

/**
 * Counts paragraphs (w:p) and the deepest nesting of an XML part in one pass, and refuses it
 * past the limits, before an XML library builds a tree of it.
 */
export function checkWordXml(xml: string): { paragraphs: number; depth: number } {
  let paragraphs = 0
  let depth = 0
  let deepest = 0
  let i = xml.indexOf('<')
  while (i !== -1) {
    const next = xml[i + 1]
    if (xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4)
      i = close === -1 ? -1 : xml.indexOf('<', close + 3)
      continue
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const close = xml.indexOf(']]>', i + 9)
      i = close === -1 ? -1 : xml.indexOf('<', close + 3)
      continue
    }
    // The tag's end: the first '>' outside a quoted attribute value.
    let j = i + 1
    let quote = ''
    for (; j < xml.length; j++) {
      const c = xml[j]!
      if (quote) {
        if (c === quote) quote = ''
      } else if (c === '"' || c === "'") quote = c
      else if (c === '>') break
    }
    if (next === '/') depth = Math.max(0, depth - 1)
    else if (next !== '?' && next !== '!') {
      let nameEnd = i + 1
      while (nameEnd < j && !/[\s/>]/.test(xml[nameEnd]!)) nameEnd++
      if (nameEnd - i - 1 === 3 && xml.startsWith('w:p', i + 1)) {
        paragraphs += 1
        if (paragraphs > MAX_PARAGRAPHS) throw tooMuch(LIMIT_MESSAGES.paragraphs)
      }
      if (xml[j - 1] !== '/') {
        depth += 1
        if (depth > deepest) deepest = depth
        if (depth > MAX_NESTING_DEPTH) throw tooMuch(LIMIT_MESSAGES.nesting)
      }
    }
    i = j >= xml.length ? -1 : xml.indexOf('<', j + 1)
  }
  return { paragraphs, depth: deepest }
}

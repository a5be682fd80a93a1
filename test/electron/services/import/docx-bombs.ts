import JSZip from 'jszip'

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>'

/** A minimal .docx around the given body XML (the inside of w:body). */
export async function docxOfBody(body: string, extra: Record<string, Uint8Array> = {}) {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', CONTENT_TYPES)
  zip.file('_rels/.rels', RELS)
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  )
  for (const [name, data] of Object.entries(extra)) zip.file(name, data)
  return new Uint8Array(
    await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    }),
  )
}

/** Body XML of `n` paragraphs, each a line of a report with a figure now and then. */
export function reportParagraphs(n: number): string {
  const parts: string[] = []
  for (let i = 0; i < n; i++) {
    const text =
      i % 50 === 0
        ? `一、第${i}项重点工作`
        : `全年完成第${i}项工作任务，义务教育巩固率为99.${i % 10}%，各项工作稳步推进。`
    parts.push(`<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`)
  }
  return parts.join('')
}

/**
 * Rewrites the sizes a zip's directory declares for `name` (central directory and local
 * header), leaving the compressed data as it is: a directory that lies.
 */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip)
  const view = new DataView(out.buffer)
  const encoded = new TextEncoder().encode(name)
  const nameAt = (at: number, length: number) =>
    length === encoded.length && encoded.every((b, k) => out[at + k] === b)
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)))
      view.setUint32(i + 24, size, true)
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)))
      view.setUint32(i + 22, size, true)
  }
  return out
}

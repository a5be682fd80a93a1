import { heading, paragraph, type DocNode } from '../draft/doc.ts'
import { detectHeadingMarker } from './heading-markers.ts'

/**
 * Plain text (pasted from Word, WPS or a web page) as body blocks: one paragraph a line,
 * leading indentation dropped, a line that starts with a level marker made a heading of
 * that level without the typed number, which the editor draws itself.
 */
export function blocksFromPlainText(text: string): DocNode[] {
  const blocks: DocNode[] = []
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')
    if (!line) continue
    const marker = detectHeadingMarker(line)
    blocks.push(marker ? heading(marker.level, marker.rest) : paragraph(line))
  }
  return blocks
}

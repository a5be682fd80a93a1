import type { DocNode } from '../draft/doc.ts'
import { fromChineseNumeral, toChineseNumeral } from '../outline/chinese-numerals.ts'
import { detectHeadingMarker } from '../outline/heading-markers.ts'
import type { TextFinding } from './text-finding.ts'

type BlockFinding = TextFinding & { block: number }

const LEVEL_NAMES = ['一、', '（一）', '1.', '（1）']
const label = (level: number, n: number) =>
  level === 1
    ? `${toChineseNumeral(n)}、`
    : level === 2
      ? `（${toChineseNumeral(n)}）`
      : level === 3
        ? `${n}.`
        : `（${n}）`

/**
 * Numbering that runs over paragraphs, in one pass: level markers typed at the start of
 * paragraphs (（一）…（三）) and 一是/二是 items one a paragraph. A number may restart at 1
 * under a new parent; a heading the editor numbers resets the levels below it.
 */
export function acrossParagraphs(
  blocks: readonly DocNode[],
  texts: readonly string[],
): BlockFinding[] {
  const out: BlockFinding[] = []
  const last = [0, 0, 0, 0]
  let lastItem = 0
  texts.forEach((text, block) => {
    const node = blocks[block]!
    if (node.type === 'heading') {
      const level = Number(node.attrs?.level ?? 1)
      for (let d = level - 1; d < 4; d++) last[d] = 0
      lastItem = 0
      return
    }
    if (text.trim() === '') return
    const marker = detectHeadingMarker(text)
    if (marker) {
      const i = marker.level - 1
      const before = last[i]!
      if (before > 0 && marker.number !== 1 && marker.number !== before + 1) {
        const offset = text.length - text.trimStart().length
        const written = text.slice(offset, text.length - marker.rest.length).trim()
        out.push({
          block,
          rule: 'sequence',
          severity: 'should',
          offset,
          length: written.length,
          text: written,
          message:
            marker.number === before
              ? `序号“${written}”与上一段重复，应为“${label(marker.level, before + 1)}”。`
              : `序号不连续：上一个${LEVEL_NAMES[i]}级序号是“${label(marker.level, before)}”，这里是“${written}”。`,
        })
      }
      last[i] = marker.number
      for (let d = i + 1; d < 4; d++) last[d] = 0
      lastItem = 0
    }
    // 二是 opening a paragraph continues the previous paragraph's 一是.
    const item = /^\s*([二三四五六七八九十]{1,2})是/.exec(text)
    if (item) {
      const n = fromChineseNumeral(item[1]!) ?? 0
      if (n > 1 && n !== lastItem + 1 && !(lastItem === 0 && n === 1)) {
        const offset = item[0].length - item[1]!.length - 1
        out.push({
          block,
          rule: 'sequence',
          severity: 'should',
          offset,
          length: item[1]!.length + 1,
          text: `${item[1]}是`,
          message:
            lastItem === 0
              ? `“${item[1]}是”前面没有“一是”。`
              : `序号不连续：上一项是“${toChineseNumeral(lastItem)}是”，这里是“${item[1]}是”。`,
        })
      }
    }
    // A paragraph without items between two items does not break the list.
    for (const m of text.matchAll(/([一二三四五六七八九十]{1,2})是/g))
      lastItem = fromChineseNumeral(m[1]!) ?? lastItem
  })
  return out
}

import type { DraftIndicator } from '../indicators/model.ts'
import { inlineLeafText } from '../indicators/references.ts'
import { plainText, type Doc, type DocNode, type LeafText } from './doc.ts'

/** CJK ideographs, and the full-width punctuation Word counts with them. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3001 && code <= 0x303f) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026 ||
    code === 0x2236
  )
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || (code >= 0x09 && code <= 0x0d) || code === 0xa0
}

/**
 * 字数 as Word counts it: each CJK character (and full-width mark) counts one, each run of
 * other non-space characters ("2026", "99.66%", "GDP") counts one.
 */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i) ?? code
      i++
    }
    if (isCjk(code)) {
      count++
      inWord = false
    } else if (isSpace(code)) {
      inWord = false
    } else if (!inWord) {
      count++
      inWord = true
    }
  }
  return count
}

/**
 * What 字数 counts in a draft, everywhere it is shown (status bar, outline, saved count, length
 * check): the text as exported, references as their figures (nothing while empty), open slots
 * as ［label］; drawn heading numbers not counted.
 */
export function wordLeafText(indicators: readonly DraftIndicator[]): LeafText {
  return inlineLeafText(indicators)
}

/** The 字数 of a draft's body. */
export function draftWordCount(content: {
  body: Doc | DocNode
  indicators: readonly DraftIndicator[]
}): number {
  return countWords(plainText(content.body, '\n', wordLeafText(content.indicators)))
}

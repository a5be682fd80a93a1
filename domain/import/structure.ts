import { fromChineseNumeral } from '../outline/chinese-numerals.ts'
import { detectHeadingMarker } from '../outline/heading-markers.ts'
import type { HeadingLevel } from '../outline/numbering.ts'

/** The marker styles a writer uses, whatever level they stand for in this report. */
export type MarkerStyle = '第一部分' | '一、' | '（一）' | '1.' | '（1）'

export interface StyledMarker {
  style: MarkerStyle
  number: number
  rest: string
}

const PART = /^第([一二三四五六七八九十]+)(?:部分|章)[\s\u3000、：:．.]*/
const STYLE_OF_LEVEL: Record<HeadingLevel, MarkerStyle> = {
  1: '一、',
  2: '（一）',
  3: '1.',
  4: '（1）',
}

/** The marker at the start of a line and its style; null for ordinary text. */
export function styledMarker(text: string): StyledMarker | null {
  const part = PART.exec(text)
  if (part && text.length > part[0].length) {
    return {
      style: '第一部分',
      number: fromChineseNumeral(part[1]!) ?? 0,
      rest: text.slice(part[0].length),
    }
  }
  const m = detectHeadingMarker(text)
  return m ? { style: STYLE_OF_LEVEL[m.level], number: m.number, rest: m.rest.trim() } : null
}

/** A numbered item of a list inside a paragraph ("1.看家庭收入；"): short, ending in ；. */
export const isInlineItem = (text: string) => text.length <= 40 && /[；;]$/.test(text)

export interface StructuredBlock {
  kind: 'paragraph' | 'heading'
  level?: HeadingLevel
  text: string
}

export interface LevelChoice {
  style: MarkerStyle
  level: HeadingLevel
}

export interface Slip {
  block: number
  level: HeadingLevel
  found: number
  expected: number
  title: string
}

interface Frame {
  /** Null for a level a Word heading style set without a marker. */
  style: MarkerStyle | null
  /** Distinguishes 一、 restarted under 二、 from the outer 一、 sequence. */
  nested: boolean
  /** The number the source wrote last, and how many headings the frame has had (the drawn number). */
  last: number
  count: number
}

/**
 * Headings at the levels the writer meant: the first marker style met is level 1, a style first
 * met under it is level 2, and so on (a report whose top level is 1. has those at level 1).
 * A style restarting at 1 right under its own heading (一、 under 二、) is a nested level.
 * One pass over the lines, with a stack of at most four frames.
 */
export function structure(lines: readonly { text: string; styleLevel?: HeadingLevel | null }[]): {
  blocks: StructuredBlock[]
  levels: LevelChoice[]
  slips: Slip[]
} {
  const blocks: StructuredBlock[] = []
  const levels: LevelChoice[] = []
  const slips: Slip[] = []
  const stack: Frame[] = []
  let lastHeadingFrame: Frame | null = null
  for (const line of lines) {
    if (line.styleLevel) {
      // A Word heading style states the level: the marker styles below it nest under it.
      const marker = styledMarker(line.text)
      stack.length = Math.min(stack.length, line.styleLevel - 1)
      while (stack.length < line.styleLevel - 1)
        stack.push({ style: null, nested: false, last: 0, count: 0 })
      const frame: Frame = {
        style: marker?.style ?? null,
        nested: false,
        last: marker?.number ?? 0,
        count: 1,
      }
      stack.push(frame)
      lastHeadingFrame = frame
      blocks.push({
        kind: 'heading',
        level: line.styleLevel,
        text: marker ? marker.rest : line.text,
      })
      continue
    }
    const marker = styledMarker(line.text)
    if (!marker || isInlineItem(line.text)) {
      blocks.push({ kind: 'paragraph', text: line.text })
      continue
    }
    let depth = -1
    // A nested frame of this style (一、 under 二、) takes its own continuation first.
    for (let d = stack.length - 1; d >= 0; d--) {
      const f = stack[d]!
      if (f.style !== marker.style) continue
      const restart =
        marker.number === 1 && f.last >= 1 && lastHeadingFrame === f && d === stack.length - 1
      if (restart && !f.nested) {
        depth = -2
        break
      }
      if (!f.nested || marker.number === f.last + 1 || d === 0) {
        depth = d
        break
      }
    }
    let frame: Frame
    if (depth >= 0) {
      stack.length = depth + 1
      frame = stack[depth]!
      frame.count++
      if (marker.number !== frame.last + 1) {
        slips.push({
          block: blocks.length,
          level: Math.min(depth + 1, 4) as HeadingLevel,
          found: marker.number,
          expected: frame.count,
          title: marker.rest.slice(0, 30),
        })
      }
      frame.last = marker.number
    } else {
      frame = { style: marker.style, nested: depth === -2, last: marker.number, count: 1 }
      stack.push(frame)
      if (marker.number !== 1 && depth !== -2) {
        slips.push({
          block: blocks.length,
          level: Math.min(stack.length, 4) as HeadingLevel,
          found: marker.number,
          expected: 1,
          title: marker.rest.slice(0, 30),
        })
      }
    }
    const level = Math.min(stack.length, 4) as HeadingLevel
    if (!levels.some((l) => l.style === marker.style && l.level === level))
      levels.push({ style: marker.style, level })
    lastHeadingFrame = frame
    blocks.push({ kind: 'heading', level, text: marker.rest })
  }
  return { blocks, levels, slips }
}

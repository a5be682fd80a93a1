import type { DocNode } from '../draft/doc.ts'
import { MAX_YEAR, MIN_YEAR, type DraftMeta } from '../draft/draft.ts'
import type { DraftIndicator } from '../indicators/model.ts'
import { fromChineseNumeral } from '../outline/chinese-numerals.ts'
import type { HeadingLevel } from '../outline/numbering.ts'
import { figuresOf, type FigureSuggestion } from './figures.ts'
import { furnitureOf, repeatedLines } from './furniture.ts'
import { joinHardWraps, splitFlattened } from './rewrap.ts'
import { structure, styledMarker, type LevelChoice } from './structure.ts'
import { factsOfTitle, findTitle, stripTitleSuffix } from './title.ts'

/** A paragraph as read from a .docx (style, alignment, size) or a line of a .txt. */
export interface SourceParagraph {
  text: string
  /** From a Word heading style (标题 1 …). */
  styleLevel?: HeadingLevel | null
  centered?: boolean
  /** In half-points, the largest run of the paragraph. */
  fontSize?: number | null
}

export interface ImportReport {
  /** What the import made of the structure: each heading with its level and title. */
  sections: { block: number; level: HeadingLevel; title: string }[]
  /** Figures offered as indicators; none is applied until the writer takes it. */
  figures: FigureSuggestion[]
  /** A catalogue indicator stated with different values. */
  ambiguous: { name: string; values: string[] }[]
  dropped: { text: string; reason: string }[]
  /** Kept lines that may be web content ('可能是网页内容'): one click drops them. */
  doubtful: { block: number; text: string; reason: string }[]
  slips: { block: number; level: HeadingLevel; found: number; expected: number; title: string }[]
  /** The level each marker style of the source was read at (1. as level 1 becomes 一、). */
  levels: LevelChoice[]
  /** What the import could not keep as read (an impossible date …), in Chinese. */
  notes: string[]
}

export interface ImportResult {
  meta: Partial<
    Pick<DraftMeta, 'title' | 'recipient' | 'signature' | 'date' | 'unit' | 'kind' | 'topic'>
  > & {
    year?: number
  }
  body: DocNode[]
  /** Empty: figures are suggestions in the report until the writer takes them. */
  indicators: DraftIndicator[]
  report: ImportReport
}

const DATE_LINE = /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$/
/** 二〇二六年一月十日, as official documents write the date. */
const CHINESE_DATE =
  /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/
const CHINESE_DIGIT = new Map([...'〇一二三四五六七八九'].map((c, i) => [c, i]))
CHINESE_DIGIT.set('○', 0).set('零', 0)

/** Names of units a report is signed by. */
const UNIT_END =
  /(?:局|学校|中学|小学|中心|政府|委员会|办公室|幼儿园|学院|研究室|教研室|督导室|分局|站|所|校)$/

/**
 * A line that is a date: its ISO form, or null for a date no calendar has (2026年2月30日) or a
 * year the draft cannot hold. Null for any other line.
 */
function dateLine(text: string): { date: string | null } | null {
  const m = DATE_LINE.exec(text)
  const c = m ? null : CHINESE_DATE.exec(text)
  if (!m && !c) return null
  const [y, mo, d] = m
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [
        Number([...c![1]!].map((ch) => CHINESE_DIGIT.get(ch)).join('')),
        fromChineseNumeral(c![2]!) ?? 0,
        fromChineseNumeral(c![3]!) ?? 0,
      ]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
  const day = new Date(Date.UTC(y, mo - 1, d))
  const real = day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
  return {
    date:
      real && y >= MIN_YEAR && y <= MAX_YEAR
        ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        : null,
  }
}

const isDateLine = (text: string) => dateLine(text) !== null

type Line = SourceParagraph & {
  doubt?: string
  /** A piece of a line into which a page flattened several paragraphs. */
  flattened?: boolean
}

/** Shortest and longest prefix a page's cut-off summary keeps of the paragraph it repeats. */
const STEM_MIN = 12
const STEM_MAX = 24

/**
 * Cleans the source: trims, splits flattened text, drops web furniture by kind, repeated
 * lines and truncated summaries. Linear: every line is looked at a bounded number of times.
 */
function clean(paragraphs: readonly SourceParagraph[], dropped: ImportReport['dropped']): Line[] {
  const lines: Line[] = []
  for (const p of paragraphs) {
    const text = p.text
      .replace(/[\s\u3000\u00a0\ufffd\ufeff]+$/g, '')
      .replace(/^[\s\u3000\u00a0\ufeff]+/, '')
    if (text === '') continue
    const pieces = splitFlattened(text)
    for (const piece of pieces)
      lines.push(pieces.length > 1 ? { ...p, text: piece, flattened: true } : { ...p, text: piece })
  }
  // Where each prefix of 12–24 characters last starts a line, and a different line before that.
  const lastWith = new Map<string, { at: number; text: string; other: number }>()
  lines.forEach((l, i) => {
    for (let n = STEM_MIN; n <= Math.min(STEM_MAX, l.text.length); n++) {
      const key = l.text.slice(0, n)
      const prev = lastWith.get(key)
      lastWith.set(key, {
        at: i,
        text: l.text,
        other: prev && prev.text !== l.text ? prev.at : (prev?.other ?? -1),
      })
    }
  })
  const kept: Line[] = []
  // Under a 相关文章/猜你喜欢 header come the links it lists: short lines, no sentence.
  let inLinkList = false
  lines.forEach((p, i) => {
    const verdict = furnitureOf(p.text)
    if (verdict?.action === 'drop') {
      // A bare header (猜你喜欢, 相关文章：), not a line that happens to name a column.
      inLinkList =
        verdict.reason === '网页推荐栏目' && p.text.replace(/[\s:：【】[\]]/g, '').length <= 8
    } else if (
      inLinkList &&
      p.text.length <= 40 &&
      !/[。；]/.test(p.text) &&
      !styledMarker(p.text)
    ) {
      return dropped.push({ text: p.text, reason: '网页推荐栏目' })
    } else inLinkList = false
    if (verdict?.action === 'drop') return dropped.push({ text: p.text, reason: verdict.reason })
    if (kept.at(-1)?.text === p.text) return dropped.push({ text: p.text, reason: '重复的段落' })
    // A page's summary: a cut-off copy of a paragraph that follows in full.
    const stem = p.text.replace(/(\.{3,}|…+)$/, '').slice(0, STEM_MAX)
    const later = stem.length >= STEM_MIN ? lastWith.get(stem) : undefined
    if (later && ((later.at > i && later.text !== p.text) || later.other > i)) {
      return dropped.push({ text: p.text, reason: '网页摘要（正文中有完整内容）' })
    }
    kept.push(verdict ? { ...p, doubt: verdict.reason } : p)
  })
  return kept
}

/**
 * Turns the paragraphs of last year's report (or any report) into a sectioned draft: title,
 * 主送机关, signature and date to the metadata; level markers and Word heading styles to
 * headings at the levels the writer meant; figures with a unit to suggestions; web furniture
 * dropped. Everything done is listed in the report.
 */
export function importParagraphs(
  source: readonly SourceParagraph[],
  options: {
    previousYear: boolean
    /** The source's breaks are Word paragraph marks: a sentence that ends a line ends a paragraph. */
    paragraphMarks?: boolean
  },
): ImportResult {
  const report: ImportReport = {
    sections: [],
    figures: [],
    ambiguous: [],
    dropped: [],
    doubtful: [],
    slips: [],
    levels: [],
    notes: [],
  }
  // A date the draft cannot hold is left empty, with a note, never written as it stood.
  const takeDate = (text: string) => {
    const date = dateLine(text)?.date
    if (date) meta.date = date
    else report.notes.push(`成文日期“${text}”不是有效的日期，已留空，请在基本信息中填写。`)
  }
  const meta: ImportResult['meta'] = {}
  let paragraphs = clean(source, report.dropped)

  // Title: the line that reads like a report title near the top, else the centred or largest
  // of the first lines. What stands above it is the page's masthead.
  let head = findTitle(paragraphs.map((p) => p.text))
  if (head === -1) {
    const sizes = paragraphs
      .map((p) => p.fontSize ?? 0)
      .filter((s) => s > 0)
      .sort((a, b) => a - b)
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0
    head = paragraphs
      .slice(0, 3)
      .findIndex(
        (p) =>
          p.text.length <= 40 &&
          !styledMarker(p.text) &&
          !isDateLine(p.text) &&
          (p.centered ||
            (median > 0 && (p.fontSize ?? 0) > median * 1.2) ||
            !/[。，；,.;！!？?]$/.test(p.text)),
      )
  }
  if (head !== -1) {
    const title = stripTitleSuffix(paragraphs[head]!.text)
    meta.title = title
    const above = paragraphs.slice(0, head)
    paragraphs = paragraphs.slice(head + 1)
    for (const p of above) {
      if (p.text.length <= 40 && !/[。；]/.test(p.text))
        report.dropped.push({ text: p.text, reason: '标题前的网页内容' })
      else paragraphs.unshift({ ...p, doubt: '可能是网页内容' })
    }
    // The page may repeat the title.
    paragraphs = paragraphs.filter((p) => {
      const repeat = stripTitleSuffix(p.text) === title
      if (repeat) report.dropped.push({ text: p.text, reason: '重复的标题' })
      return !repeat
    })
    Object.assign(meta, factsFor(title))
  }
  // Running headers and footers of a PDF.
  const repeated = repeatedLines(
    paragraphs.filter((p) => !styledMarker(p.text) && !p.styleLevel).map((p) => p.text),
  )
  paragraphs = paragraphs.filter((p) => {
    const drop = repeated.has(p.text) && !p.styleLevel && !styledMarker(p.text)
    if (drop) report.dropped.push({ text: p.text, reason: '页眉页脚' })
    return !drop
  })

  if (paragraphs[0] && isDateLine(paragraphs[0].text)) takeDate(paragraphs.shift()!.text)
  const first = paragraphs[0]
  if (first && first.text.length <= 25 && /[：:]$/.test(first.text) && !styledMarker(first.text)) {
    meta.recipient = first.text.replace(/[：:]$/, '')
    paragraphs.shift()
  }
  // The date line, with what a page put below it (short lines, no sentence) as furniture.
  let dateAt = -1
  for (let i = paragraphs.length - 1; i >= 0 && i >= paragraphs.length - 40; i--) {
    if (isDateLine(paragraphs[i]!.text)) {
      dateAt = i
      break
    }
  }
  if (dateAt !== -1) {
    const below = paragraphs.slice(dateAt + 1)
    if (below.every((p) => p.text.length <= 60 && !/。$/.test(p.text))) {
      takeDate(paragraphs[dateAt]!.text)
      for (const p of below) report.dropped.push({ text: p.text, reason: '正文后的网页内容' })
      paragraphs = paragraphs.slice(0, dateAt)
      const signature = paragraphs.at(-1)
      if (
        signature &&
        signature.text.length <= 24 &&
        !/[，。；：,.;:]/.test(signature.text) &&
        !styledMarker(signature.text)
      ) {
        meta.signature = signature.text
        paragraphs.pop()
      }
    }
  }
  // No date: a last line that names a unit (…局, …学校, …中心) is the signature.
  const last = paragraphs.at(-1)
  if (
    !meta.signature &&
    last &&
    last.text.length <= 24 &&
    !/[，。；：,.;:]/.test(last.text) &&
    !styledMarker(last.text) &&
    UNIT_END.test(last.text)
  ) {
    meta.signature = last.text
    paragraphs.pop()
  }
  // After the closing is taken, so a signature never runs on into the last paragraph.
  paragraphs = joinHardWraps(paragraphs, { sentenceEndsParagraph: options.paragraphMarks ?? false })
  // The signing unit names the unit more fully than the title (白沙县 → 白沙县教育局).
  if (meta.signature && (!meta.unit || meta.signature.startsWith(meta.unit)))
    meta.unit = meta.signature

  const { blocks, levels, slips } = structure(paragraphs)
  report.levels = levels
  report.slips = slips
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') report.sections.push({ block: i, level: b.level!, title: b.text })
    if (b.kind === 'heading' && paragraphs[i]?.flattened && gluedHeading(b.text)) {
      report.notes.push(
        `“${b.text.slice(0, 16)}…”像是标题和正文连在了一起（原文把几段文字并成了一行，看不出标题在哪里结束），请核对，在标题结束处按回车分开。`,
      )
    }
    const doubt = paragraphs[i]?.doubt
    if (doubt) report.doubtful.push({ block: i, text: paragraphs[i]!.text, reason: doubt })
  })

  // Figures: every figure with a unit, offered; a catalogue indicator stated twice differently is flagged.
  report.figures = blocks.flatMap((b, i) => figuresOf(b.text, i))
  const values = new Map<string, Set<string>>()
  for (const f of report.figures) {
    if (!f.catalogKey) continue
    values.set(f.name, (values.get(f.name) ?? new Set()).add(f.value))
  }
  for (const [name, set] of values)
    if (set.size > 1) report.ambiguous.push({ name, values: [...set] })

  const body: DocNode[] = blocks.map((b) => {
    const content: DocNode[] = b.text ? [{ type: 'text', text: b.text }] : []
    return b.kind === 'heading'
      ? { type: 'heading', attrs: { level: b.level }, content }
      : { type: 'paragraph', ...(content.length ? { content } : {}) }
  })
  void options
  return { meta, body: body.length ? body : [{ type: 'paragraph' }], indicators: [], report }
}

/**
 * A heading whose first sentence is longer than a heading sentence: in a flattened line, a
 * heading with nothing between it and its paragraph ("（一）质量稳步提升全县在校学生…").
 * Where the heading ends is not written anywhere, so it is left as read and named in the notes.
 */
function gluedHeading(text: string): boolean {
  const end = text.search(/[。！？]/)
  return end > GLUED_SENTENCE
}

/** Longer than any heading sentence a run-in heading has (about 15 characters in the genre). */
const GLUED_SENTENCE = 24

function factsFor(title: string): Partial<ImportResult['meta']> {
  const facts = factsOfTitle(title)
  return {
    ...(facts.year !== null ? { year: facts.year } : {}),
    kind: facts.kind,
    topic: facts.topic,
    ...(facts.unit ? { unit: facts.unit } : {}),
  }
}

/** A plain-text file as source paragraphs: one a line. */
export function paragraphsOfText(text: string): SourceParagraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ text: line }))
}

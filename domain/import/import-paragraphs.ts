import type { DocNode } from '../draft/doc.ts'
import { MAX_YEAR, MIN_YEAR, type DraftMeta } from '../draft/draft.ts'
import { CATALOGUE, type CatalogueEntry } from '../indicators/catalogue.ts'
import { figureAfterName } from '../indicators/figure-pattern.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../indicators/model.ts'
import { parseIndicatorValue } from '../indicators/parse-value.ts'
import { INDICATOR_REF } from '../indicators/references.ts'
import { detectHeadingMarker } from '../outline/heading-markers.ts'
import { HeadingCounter, type HeadingLevel } from '../outline/numbering.ts'

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
  figures: { block: number; indicatorId: string; name: string; value: string; text: string }[]
  ambiguous: { name: string; values: string[] }[]
  dropped: { text: string; reason: string }[]
  slips: { block: number; level: HeadingLevel; found: number; expected: number; title: string }[]
  /** What the import could not keep as read (an impossible date …), in Chinese. */
  notes: string[]
}

export interface ImportResult {
  meta: Partial<Pick<DraftMeta, 'title' | 'recipient' | 'signature' | 'date'>>
  body: DocNode[]
  indicators: DraftIndicator[]
  report: ImportReport
}

/** Lines a web page puts around an article: navigation, download notices, rankings, footers. */
const FURNITURE: [RegExp, string][] = [
  [/^首页([\s|｜]|$)|^当前位置|[>›»]\s*\S+\s*[>›»]|网站地图/, '网页导航'],
  [/^\[?NextPage\]?$/i, '网页分页标记'],
  [/热点排行|热门推荐|相关(阅读|文章|推荐)|猜你喜欢|推荐阅读|精彩推荐/, '网页推荐栏目'],
  [/下载(地址|本文|全文|文档)|(点击|立即|免费)下载|文档下载|word版/i, '下载提示'],
  [/^(上一篇|下一篇)/, '网页翻页'],
  [/版权所有|免责声明|copyright|ICP备|联系我们/i, '网站页脚'],
  [/^(分享到|责任编辑|来源：|本文(来源|由)|浏览(次数|量)|阅读(次数|量))/, '网页信息'],
  [/本站小编|希望大家喜欢|^，?希望(对)?大家/, '网站编者按'],
  [/报道篇[一二三四五六七八九十]+$|范文篇?[一二三四五六七八九十]+$/, '网页文章分隔'],
]

const DATE_LINE = /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$/

/**
 * A date line read as a date: `date` is the ISO day when the calendar has it and the year is
 * one a draft takes ("2026年2月30日" or a year before 1990 gives none), `text` the line as written.
 */
function dateLine(text: string): { date: string | null; text: string } | null {
  const m = DATE_LINE.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
  const day = new Date(Date.UTC(y, mo - 1, d))
  const real = day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
  const date =
    real && y >= MIN_YEAR && y <= MAX_YEAR
      ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      : null
  return { date, text }
}

const isDateLine = (text: string) => dateLine(text) !== null

const endsLikeSentence = (t: string) => /[。，；,.;！!？?]$/.test(t)

const SPACE = /[\s\u3000\u00a0]/
const TRAILING = /[\s\u3000\u00a0\ufffd]/

/** Trims without a regex that backtracks on a long run of spaces inside a line. */
function trimLine(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && SPACE.test(text[start]!)) start++
  while (end > start && TRAILING.test(text[end - 1]!)) end--
  return text.slice(start, end)
}

/** Web furniture is a short line; a paragraph of the report that names 相关文章 stays. */
const MAX_FURNITURE_LENGTH = 200

const MIN_STEM = 12
const MAX_STEM = 24

/** The line without a trailing "..." or "……", cut to the stem length; no backtracking regex. */
function stemOf(text: string): string {
  let end = text.length
  const last = text[end - 1]
  if (last === '.' || last === '…') {
    while (end > 0 && text[end - 1] === last) end--
    if (last === '.' && text.length - end < 3) end = text.length
  }
  return text.slice(0, Math.min(end, MAX_STEM))
}

/**
 * For each line, whether a later line differs from it and starts with its stem (a page's
 * summary is a cut-off copy of a paragraph that follows in full). One pass from the end with
 * the later lines' prefixes in a map, for only the stem lengths that occur: linear.
 */
function summaryLines(lines: readonly string[]): boolean[] {
  const stems = lines.map(stemOf)
  const lengths = [...new Set(stems.map((s) => s.length).filter((n) => n >= MIN_STEM))]
  // Per prefix: one later text that has it, and whether a second, different one does.
  const later = new Map<string, { text: string; several: boolean }>()
  const result = new Array<boolean>(lines.length).fill(false)
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!
    const stem = stems[i]!
    if (stem.length >= MIN_STEM) {
      const seen = later.get(stem)
      result[i] = seen !== undefined && (seen.several || seen.text !== text)
    }
    for (const n of lengths) {
      if (text.length < n) continue
      const prefix = text.slice(0, n)
      const seen = later.get(prefix)
      if (!seen) later.set(prefix, { text, several: false })
      else if (seen.text !== text) seen.several = true
    }
  }
  return result
}

/** Cleans the source: trims, drops web furniture, repeated lines and truncated summaries. */
function clean(
  paragraphs: readonly SourceParagraph[],
  dropped: ImportReport['dropped'],
): SourceParagraph[] {
  const lines = paragraphs
    .map((p) => ({ ...p, text: trimLine(p.text) }))
    .filter((p) => p.text !== '')
  const summaries = summaryLines(lines.map((p) => p.text))
  const kept: SourceParagraph[] = []
  lines.forEach((p, i) => {
    const furniture =
      p.text.length <= MAX_FURNITURE_LENGTH ? FURNITURE.find(([re]) => re.test(p.text)) : undefined
    if (furniture) return dropped.push({ text: p.text, reason: furniture[1] })
    if (kept.at(-1)?.text === p.text) return dropped.push({ text: p.text, reason: '重复的段落' })
    if (summaries[i]) {
      return dropped.push({ text: p.text, reason: '网页摘要（正文中有完整内容）' })
    }
    kept.push(p)
  })
  return kept
}

interface Match {
  entry: CatalogueEntry
  start: number
  end: number
  figure: string
  value: string
}

let patterns: { entry: CatalogueEntry; re: RegExp }[] | null = null
/** Each catalogue indicator's pattern, built once: building it per paragraph cost most of an import. */
function figurePatterns(): { entry: CatalogueEntry; re: RegExp }[] {
  patterns ??= CATALOGUE.filter((entry) => entry.kind !== 'text').map((entry) => ({
    entry,
    re: figureAfterName([entry.name, ...(entry.aliases ?? [])], entry.kind, entry.unit),
  }))
  return patterns
}

/** Figures stated right after a catalogue indicator's name: "巩固率为99.66%", "本科上线人数 905人". */
function findFigures(text: string): Match[] {
  const candidates: (Match & { aliasLength: number })[] = []
  for (const { entry, re } of figurePatterns()) {
    for (const m of text.matchAll(re)) {
      // "改造危房面积3680平方米" states work done, not the indicator.
      if (
        /(改造|消除|维修|新增|减少|增加|新建|培训了?)$/.test(
          text.slice(Math.max(0, m.index - 3), m.index),
        )
      )
        continue
      const start = m.index + m[1]!.length + m[2]!.length
      const figure = `${m[3]}${m[4]}`
      candidates.push({
        entry,
        start,
        end: start + figure.length,
        figure,
        value: m[3]!,
        aliasLength: m[1]!.length,
      })
    }
  }
  // The longest name wins where names overlap: 残疾儿童入学率 over 儿童入学率.
  candidates.sort((a, b) => b.aliasLength - a.aliasLength || a.start - b.start)
  const taken: Match[] = []
  if (candidates.length === 0) return taken
  // Which characters a taken figure covers, and where taken figures start: each check then
  // reads only the candidate's own span, so a paragraph full of figures stays linear.
  const covered = new Uint8Array(text.length + 1)
  const starts = new Uint8Array(text.length + 1)
  const any = (marks: Uint8Array, from: number, to: number) => {
    for (let i = Math.max(0, from); i < to; i++) if (marks[i]) return true
    return false
  }
  for (const c of candidates) {
    const aliasStart = c.start - c.aliasLength
    if (any(covered, c.start, c.end)) continue
    if (any(starts, aliasStart + 1, c.start)) continue
    covered.fill(1, c.start, c.end)
    starts[c.start] = 1
    taken.push(c)
  }
  return taken.sort((a, b) => a.start - b.start)
}

/**
 * Turns the paragraphs of last year's report (or any report) into a sectioned draft: title,
 * 主送机关, signature and date to the metadata; level markers and Word heading styles to
 * headings whose numbers the editor draws; catalogue figures to indicator values and
 * references; web furniture dropped. Everything done is listed in the report.
 */
export function importParagraphs(
  source: readonly SourceParagraph[],
  options: { previousYear: boolean },
): ImportResult {
  const report: ImportReport = {
    sections: [],
    figures: [],
    ambiguous: [],
    dropped: [],
    slips: [],
    notes: [],
  }
  const meta: ImportResult['meta'] = {}
  const paragraphs = clean(source, report.dropped)

  // Title: the centred or largest of the first lines, or a first short line that is no sentence.
  const sizes = paragraphs
    .map((p) => p.fontSize ?? 0)
    .filter((s) => s > 0)
    .sort((a, b) => a - b)
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0
  const head = paragraphs
    .slice(0, 3)
    .findIndex(
      (p) =>
        p.text.length <= 40 &&
        !detectHeadingMarker(p.text) &&
        !isDateLine(p.text) &&
        (p.centered ||
          (median > 0 && (p.fontSize ?? 0) > median * 1.2) ||
          !endsLikeSentence(p.text)),
    )
  if (head !== -1) {
    meta.title = paragraphs[head]!.text
    paragraphs.splice(0, head + 1)
  }
  const takeDate = (line: { date: string | null; text: string }) => {
    if (line.date) meta.date = line.date
    else report.notes.push(`成文日期“${line.text}”不是有效的日期，已留空，请在基本信息中填写。`)
  }
  const opening = paragraphs[0] && dateLine(paragraphs[0].text)
  if (opening) {
    paragraphs.shift()
    takeDate(opening)
  }
  const first = paragraphs[0]
  if (
    first &&
    first.text.length <= 25 &&
    /[：:]$/.test(first.text) &&
    !detectHeadingMarker(first.text)
  ) {
    meta.recipient = first.text.replace(/[：:]$/, '')
    paragraphs.shift()
  }
  const last = paragraphs.at(-1)
  const closing = last && dateLine(last.text)
  if (closing) {
    takeDate(closing)
    paragraphs.pop()
    const signature = paragraphs.at(-1)
    if (signature && signature.text.length <= 24 && !/[，。；：,.;:]/.test(signature.text)) {
      meta.signature = signature.text
      paragraphs.pop()
    }
  }

  // Headings, and the numbering slips of the source: each place its own count breaks.
  const counter = new HeadingCounter()
  const sourceLast = [0, 0, 0, 0]
  const blocks: { kind: 'paragraph' | 'heading'; level?: HeadingLevel; text: string }[] = []
  for (const p of paragraphs) {
    const marker = detectHeadingMarker(p.text)
    const level = p.styleLevel ?? marker?.level ?? null
    if (level === null) {
      blocks.push({ kind: 'paragraph', text: p.text })
      continue
    }
    const expected = counter.next(level)
    const text = marker ? marker.rest : p.text
    if (marker && marker.level === level) {
      if (marker.number !== sourceLast[level - 1]! + 1) {
        report.slips.push({
          block: blocks.length,
          level,
          found: marker.number,
          expected,
          title: text.slice(0, 30),
        })
      }
      sourceLast[level - 1] = marker.number
    }
    for (let deeper = level; deeper < 4; deeper++) sourceLast[deeper] = 0
    report.sections.push({ block: blocks.length, level, title: text })
    blocks.push({ kind: 'heading', level, text })
  }

  // Figures: a value per indicator; an indicator stated with different values is only listed.
  const found = blocks.map((b) => findFigures(b.text))
  const values = new Map<string, Set<string>>()
  for (const m of found.flat()) {
    const parsed = parseIndicatorValue(
      { ...indicatorFromCatalogue(m.entry, m.entry.key), current: null, previous: null },
      m.figure,
    )
    if (!parsed.ok || parsed.value === null) continue
    m.value = parsed.value
    values.set(m.entry.key, (values.get(m.entry.key) ?? new Set()).add(parsed.value))
  }
  const indicators: DraftIndicator[] = []
  for (const [key, set] of values) {
    const entry = CATALOGUE.find((e) => e.key === key)!
    if (set.size > 1) {
      report.ambiguous.push({ name: entry.name, values: [...set] })
      continue
    }
    const [value] = [...set]
    indicators.push({
      ...indicatorFromCatalogue(entry, key),
      current: options.previousYear ? null : value!,
      previous: options.previousYear ? value! : null,
    })
  }
  const recognised = new Set(indicators.map((i) => i.id))

  const body: DocNode[] = blocks.map((b, index) => {
    const content: DocNode[] = []
    let at = 0
    for (const m of found[index]!) {
      if (!recognised.has(m.entry.key) || !values.get(m.entry.key)?.has(m.value)) continue
      if (m.start > at) content.push({ type: 'text', text: b.text.slice(at, m.start) })
      content.push({
        type: INDICATOR_REF,
        attrs: { indicatorId: m.entry.key, form: 'value', origin: m.figure },
      })
      report.figures.push({
        block: index,
        indicatorId: m.entry.key,
        name: m.entry.name,
        value: m.value,
        text: m.figure,
      })
      at = m.end
    }
    if (at < b.text.length) content.push({ type: 'text', text: b.text.slice(at) })
    return b.kind === 'heading'
      ? { type: 'heading', attrs: { level: b.level }, content }
      : { type: 'paragraph', ...(content.length ? { content } : {}) }
  })

  return { meta, body: body.length ? body : [{ type: 'paragraph' }], indicators, report }
}

/** A plain-text file as source paragraphs: one a line. */
export function paragraphsOfText(text: string): SourceParagraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ text: line }))
}

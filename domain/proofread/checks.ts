import { fromChineseNumeral, toChineseNumeral } from '../outline/chinese-numerals.ts'

export type Severity = 'must' | 'should'

export type RuleId =
  | 'placeholder'
  | 'half-width'
  | 'english-quotes'
  | 'unpaired'
  | 'doubled-mark'
  | 'ellipsis'
  | 'dash'
  | 'sequence'
  | 'year'
  | 'date'
  | 'ratio'
  | 'thousands'
  | 'doubled-word'

/** One slip in one block of text. */
export interface TextFinding {
  rule: RuleId
  severity: Severity
  offset: number
  length: number
  /** What stands in the text. */
  text: string
  /** One line of Chinese saying what is wrong. */
  message: string
  /** The replacement for [offset, offset + length) when the fix is certain. */
  fix?: string
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
}

function all(
  re: RegExp,
  text: string,
  make: (m: RegExpMatchArray) => TextFinding | null,
): TextFinding[] {
  const out: TextFinding[] = []
  for (const m of text.matchAll(re)) {
    const f = make(m)
    if (f) out.push(f)
  }
  return out
}

function placeholders(t: string): TextFinding[] {
  const re =
    /20[XxＸｘ]{2}(?:年)?|[XxＸｘ]{2}(?=年|县|区|市|镇|乡|学校|同志)|20\d_|\d+[xXｘ](?=人|名|所|个|次|万|元|项|间)|_{2,}|＿{2,}|\*{1,3}(?=[省市县区镇乡])|＊+|○{2,}/g
  return all(re, t, (m) => ({
    rule: 'placeholder',
    severity: 'must',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: `“${m[0]}”是待填写的占位符，请换成实际内容。`,
  }))
}

function halfWidth(t: string): TextFinding[] {
  const marks = all(new RegExp(`(?<=[${CJK}”）])[,;:?!](?=[${CJK}“（]|$)`, 'g'), t, (m) => ({
    rule: 'half-width',
    severity: 'should',
    offset: m.index!,
    length: 1,
    text: m[0],
    message: `中文中用了半角的“${m[0]}”，应为全角“${HALF_TO_FULL[m[0]]}”。`,
    fix: HALF_TO_FULL[m[0]]!,
  }))
  const brackets = all(new RegExp(`\\(([^()]*[${CJK}][^()]*)\\)`, 'g'), t, (m) => ({
    rule: 'half-width',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: '中文中用了半角括号“()”，应为全角“（）”。',
    fix: `（${m[1]}）`,
  }))
  return [...marks, ...brackets]
}

function englishQuotes(t: string): TextFinding[] {
  return all(new RegExp(`"([^"]*[${CJK}][^"]*)"`, 'g'), t, (m) => ({
    rule: 'english-quotes',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: '中文中用了英文引号，应为中文引号“”。',
    fix: `“${m[1]}”`,
  }))
}

function unpaired(t: string): TextFinding[] {
  const out: TextFinding[] = []
  for (const [open, close] of [
    ['“', '”'],
    ['‘', '’'],
    ['（', '）'],
    ['《', '》'],
  ] as const) {
    const opens = [...t].filter((c) => c === open).length
    const closes = [...t].filter((c) => c === close).length
    if (opens !== closes) {
      const at = opens > closes ? t.lastIndexOf(open) : t.indexOf(close)
      out.push({
        rule: 'unpaired',
        severity: 'should',
        offset: at,
        length: 1,
        text: t[at]!,
        message: `“${open}”与“${close}”不成对（${opens} 个“${open}”，${closes} 个“${close}”）。`,
      })
    }
  }
  return out
}

function doubledMarks(t: string): TextFinding[] {
  return all(/([，。；：、！？])\1+/g, t, (m) => ({
    rule: 'doubled-mark',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: `标点“${m[1]}”重复了。`,
    fix: m[1]!,
  }))
}

function ellipsisAndDash(t: string): TextFinding[] {
  const ellipsis = all(/\.{3,}|。{3,}|(?<!…)…(?!…)/g, t, (m) => ({
    rule: 'ellipsis',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: '省略号应写作“……”（两个“…”）。',
    fix: '……',
  }))
  const dash = all(/(?<![\d-])-{2,}(?![\d-])/g, t, (m) => ({
    rule: 'dash',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: '破折号应写作“——”。',
    fix: '——',
  }))
  return [...ellipsis, ...dash]
}

/** 一是/二是…, 第一/第二…, （1）（2）… in one paragraph must count up by one. */
function sequences(t: string): TextFinding[] {
  const out: TextFinding[] = []
  const check = (
    re: RegExp,
    read: (m: RegExpMatchArray) => number | null,
    name: (n: number) => string,
  ) => {
    let last = 0
    for (const m of t.matchAll(re)) {
      const n = read(m)
      if (n === null) continue
      if (last === 0 && n !== 1) {
        last = n
        continue
      }
      if (n !== last + 1) {
        const problem =
          n === last
            ? `重复了“${name(n)}”`
            : n < last
              ? `“${name(n)}”排在“${name(last)}”之后`
              : `缺少“${name(last + 1)}”`
        out.push({
          rule: 'sequence',
          severity: 'should',
          offset: m.index!,
          length: m[0].length,
          text: m[0],
          message: `序号不连续：${problem}。`,
        })
      }
      last = n
    }
  }
  check(
    /([一二三四五六七八九十]{1,2})是/g,
    (m) => fromChineseNumeral(m[1]!),
    (n) => `${toChineseNumeral(n)}是`,
  )
  check(
    /第([一二三四五六七八九十]{1,2})(?=[，、,：:])/g,
    (m) => fromChineseNumeral(m[1]!),
    (n) => `第${toChineseNumeral(n)}`,
  )
  check(
    /[（(](\d{1,2})[）)]/g,
    (m) => Number(m[1]),
    (n) => `（${n}）`,
  )
  return out
}

function years(t: string, reportYear: number): TextFinding[] {
  const out: TextFinding[] = []
  for (const m of t.matchAll(
    /(今年|去年|明年)[（(](\d{4})年?[）)]|(\d{4})年[（(](今年|去年|明年)[）)]/g,
  )) {
    const word = m[1] ?? m[4]!
    const year = Number(m[2] ?? m[3])
    const expected =
      word === '今年' ? reportYear : word === '去年' ? reportYear - 1 : reportYear + 1
    if (year !== expected) {
      out.push({
        rule: 'year',
        severity: 'must',
        offset: m.index!,
        length: m[0].length,
        text: m[0],
        message: `报告年度为${reportYear}年，“${word}”应是${expected}年。`,
      })
    }
  }
  for (const m of t.matchAll(/(?<!\d)(20\d{2})年/g)) {
    const year = Number(m[1])
    if (year > reportYear + 1) {
      out.push({
        rule: 'year',
        severity: 'should',
        offset: m.index!,
        length: m[0].length,
        text: m[0],
        message: `${year}年晚于报告年度（${reportYear}年）的下一年，请核对。`,
      })
    }
  }
  return out
}

function dates(t: string): TextFinding[] {
  const iso = all(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, t, (m) => {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
    return {
      rule: 'date',
      severity: 'should',
      offset: m.index!,
      length: m[0].length,
      text: m[0],
      message: '日期应写作“2026年1月5日”的样子。',
      fix: `${y}年${mo}月${d}日`,
    }
  })
  const padded = all(/(\d{4}年)?0(\d)月(0?)(\d{1,2})日|(\d{4}年\d{1,2}月)0(\d)日/g, t, (m) => {
    const fix = m[5] ? `${m[5]}${m[6]}日` : `${m[1] ?? ''}${m[2]}月${Number(`${m[4]}`)}日`
    return {
      rule: 'date',
      severity: 'should',
      offset: m.index!,
      length: m[0].length,
      text: m[0],
      message: '日期中的月、日不补零，如“1月5日”。',
      fix,
    }
  })
  return [...iso, ...padded]
}

function ratios(t: string): TextFinding[] {
  return all(
    /(比[为是达]?|比例[为是达]?)\s*(\d+(?:\.\d+)?)[:：](\d+(?:\.\d+)?)(?!\d)/g,
    t,
    (m) => ({
      rule: 'ratio',
      severity: 'should',
      offset:
        m.index! + m[1]!.length + (m[0].length - m[1]!.length - m[2]!.length - m[3]!.length - 1),
      length: m[2]!.length + m[3]!.length + 1,
      text: `${m[2]}${m[0].includes('：') ? '：' : ':'}${m[3]}`,
      message: '比例中的冒号应为比号“∶”，如“21∶1”。',
      fix: `${m[2]}∶${m[3]}`,
    }),
  )
}

function thousands(t: string): TextFinding[] {
  return all(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/g, t, (m) => ({
    rule: 'thousands',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: '中文报告中的数字不用千位分隔符。',
    fix: m[0].replace(/,/g, ''),
  }))
}

function doubledWords(t: string): TextFinding[] {
  const single = all(/([的了是在和与及对把被从])\1/g, t, (m) => ({
    rule: 'doubled-word',
    severity: 'should',
    offset: m.index!,
    length: 2,
    text: m[0],
    message: `“${m[1]}”字重复了。`,
    fix: m[1]!,
  }))
  const words = all(new RegExp(`([${CJK}]{3,6})\\1`, 'g'), t, (m) => ({
    rule: 'doubled-word',
    severity: 'should',
    offset: m.index!,
    length: m[0].length,
    text: m[0],
    message: `“${m[1]}”重复了。`,
    fix: m[1]!,
  }))
  return [...single, ...words]
}

/** All checks of one block of text (references and slots stand as U+FFFC, so they are never flagged). */
export function checkText(text: string, reportYear: number): TextFinding[] {
  return [
    ...placeholders(text),
    ...halfWidth(text),
    ...englishQuotes(text),
    ...unpaired(text),
    ...doubledMarks(text),
    ...ellipsisAndDash(text),
    ...sequences(text),
    ...years(text, reportYear),
    ...dates(text),
    ...ratios(text),
    ...thousands(text),
    ...doubledWords(text),
  ].sort((a, b) => a.offset - b.offset)
}

/** Applies a fix: only the finding's characters change. */
export function applyFix(text: string, finding: TextFinding): string {
  if (finding.fix === undefined) return text
  return text.slice(0, finding.offset) + finding.fix + text.slice(finding.offset + finding.length)
}

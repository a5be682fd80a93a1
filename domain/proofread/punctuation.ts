import { all, at, CJK, type TextFinding } from './text-finding.ts'

const HALF_TO_FULL = new Map([
  [',', '，'],
  [';', '；'],
  [':', '：'],
  ['?', '？'],
  ['!', '！'],
  ['.', '。'],
])

function halfWidth(t: string): TextFinding[] {
  const marks = all(new RegExp(`(?<=[${CJK}”）])[,;:?!](?=[${CJK}“（]|$)`, 'g'), t, (m) => {
    const full = HALF_TO_FULL.get(m[0])!
    return at(
      'half-width',
      'should',
      m.index!,
      m[0],
      `中文中用了半角的“${m[0]}”，应为全角“${full}”。`,
      full,
    )
  })
  // A half-width full stop after Chinese: 自救. 采购.学校
  const stops = all(new RegExp(`(?<=[${CJK}])\\.(?=[${CJK}]|$)`, 'g'), t, (m) =>
    at('half-width', 'should', m.index!, '.', '中文中用了半角的“.”，应为句号“。”。', '。'),
  )
  const brackets = all(new RegExp(`\\(([^()（）]*[${CJK}][^()（）]*)\\)`, 'g'), t, (m) =>
    at(
      'half-width',
      'should',
      m.index!,
      m[0],
      '中文中用了半角括号“()”，应为全角“（）”。',
      `（${m[1]}）`,
    ),
  )
  // One half-width bracket closing a full-width one or opened by one: （含学前教育阶段)
  const mixed = all(/（[^（）()]*\)|\([^（）()]*）/g, t, (m) => {
    const closeHalf = m[0].endsWith(')')
    const offset = closeHalf ? m.index! + m[0].length - 1 : m.index!
    return at(
      'half-width',
      'should',
      offset,
      closeHalf ? ')' : '(',
      '全角括号与半角括号混用，应为全角“（）”。',
      closeHalf ? '）' : '（',
    )
  })
  return [...marks, ...stops, ...brackets, ...mixed]
}

function quotes(t: string): TextFinding[] {
  const english = all(new RegExp(`"([^"]*[${CJK}][^"]*)"`, 'g'), t, (m) =>
    at(
      'english-quotes',
      'should',
      m.index!,
      m[0],
      '中文中用了英文引号，应为中文引号“”。',
      `“${m[1]}”`,
    ),
  )
  const single = all(
    new RegExp(`(?<![A-Za-z])'([^'\\n]*[${CJK}][^'\\n]*)'(?![A-Za-z])`, 'g'),
    t,
    (m) =>
      at(
        'english-quotes',
        'should',
        m.index!,
        m[0],
        '中文中用了英文单引号，应为中文引号“”。',
        `“${m[1]}”`,
      ),
  )
  const reversed = all(/〝([^〝〞“”]*)〞/g, t, (m) =>
    at('english-quotes', 'should', m.index!, m[0], '“〝〞”不是中文引号，应为“”。', `“${m[1]}”`),
  )
  return [...english, ...single, ...reversed]
}

const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['《', '》'],
  ['〝', '〞'],
]

/**
 * Marks that do not pair up, in one pass with a stack per kind: a closing mark with nothing open,
 * an opening mark never closed, and an opening quote where a closing one was due.
 */
function unpaired(t: string): TextFinding[] {
  const out: TextFinding[] = []
  for (const [open, close] of PAIRS) {
    const stack: number[] = []
    let opens = 0
    let closes = 0
    for (const c of t) {
      if (c === open) opens++
      else if (c === close) closes++
    }
    for (let i = 0; i < t.length; i++) {
      const c = t[i]
      if (c === open) {
        // Quotes do not nest: a second “ before any ” stands where ” was meant.
        if (open === '“' && stack.length > 0) {
          out.push(
            at(
              'unpaired',
              'should',
              i,
              c,
              `这里的“${open}”应是后引号“${close}”。`,
              opens === closes + 2 ? close : undefined,
            ),
          )
          stack.pop()
          continue
        }
        stack.push(i)
      } else if (c === close) {
        if (stack.length === 0) {
          out.push(at('unpaired', 'should', i, c, `“${close}”前面没有与之成对的“${open}”。`))
        } else stack.pop()
      }
    }
    for (const i of stack)
      out.push(at('unpaired', 'should', i, open, `“${open}”后面没有与之成对的“${close}”。`))
  }
  return out
}

/** 。。 ，。 ，， 、、 ；； ，、: two marks where one belongs. */
function doubledMarks(t: string): TextFinding[] {
  return all(/[，。；：、！？]{2,}/g, t, (m) => {
    const s = m[0]
    if (/^[！？]+$/.test(s) && new Set(s).size > 1) return null // ！？ may stand together
    const same = new Set(s).size === 1
    const fix = same
      ? /[？]/.test(s)
        ? undefined
        : s[0]
      : s.includes('。') && !/[！？]/.test(s)
        ? '。'
        : s === '，、'
          ? '、'
          : undefined
    const what = same ? `标点“${s[0]}”重复了。` : `“${s}”两个标点连用，只保留一个。`
    return at('doubled-mark', 'should', m.index!, s, what, fix)
  })
}

function ellipsisAndDash(t: string): TextFinding[] {
  const ellipsis = all(/\.{3,}|。{3,}|(?<!…)…(?!…)/g, t, (m) =>
    at('ellipsis', 'should', m.index!, m[0], '省略号应写作“……”（两个“…”）。', '……'),
  )
  const dash = all(/(?<![\d-])-{2,}(?![\d-])/g, t, (m) =>
    at('dash', 'should', m.index!, m[0], '破折号应写作“——”。', '——'),
  )
  return [...ellipsis, ...dash]
}

const MARKER =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])/

/** Spaces inside Chinese text: 进一步 加强, 演练 ，, 2025 年. Indentation and a space after a heading number are the writer's. */
function spacing(t: string): TextFinding[] {
  const skip = MARKER.exec(t)?.[0].length ?? 0
  const side = `[${CJK}，。、；：！？（）“”《》]`
  return all(
    new RegExp(`(?<=${side}|\\d(?=[ \\u3000]+[年月日]))[ \\u3000]+(?=${side})`, 'g'),
    t,
    (m) => {
      if (m.index! <= skip) return null
      const before = t[m.index! - 1]!
      if (/\d/.test(before) && !/[年月日]/.test(t[m.index! + m[0].length]!)) return null
      return at(
        'spacing',
        'should',
        m.index!,
        m[0],
        `“${t.slice(Math.max(0, m.index! - 3), m.index!)}${m[0]}${t.slice(m.index! + m[0].length, m.index! + m[0].length + 3)}”中间多了空格，应删去。`,
        '',
      )
    },
  )
}

/** A paragraph that ends in ， or 、 stops mid-sentence. */
function openEnd(t: string): TextFinding[] {
  const m = /[，、]$/.exec(t.trimEnd())
  if (!m || t.trim().length < 8) return []
  return [
    at(
      'punctuation',
      'should',
      m.index,
      m[0],
      `段落以“${m[0]}”结尾，句子没有写完或应为“。”。`,
      '。',
    ),
  ]
}

const NUM = '一二三四五六七八九'

/** 三、四次: adjacent numbers giving a rough count take no 顿号. 1、 and （一）、 in numbering. */
function numberMarks(t: string): TextFinding[] {
  const rough = all(
    new RegExp(`(?<![${NUM}十])([${NUM}])、([${NUM}])(?=[次节个天名所人项遍]|十|年(?!级))`, 'g'),
    t,
    (m) => {
      if (NUM.indexOf(m[2]!) !== NUM.indexOf(m[1]!) + 1) return null
      return at(
        'punctuation',
        'should',
        m.index!,
        m[0],
        `表示约数的“${m[1]}${m[2]}”中间不用顿号。`,
        `${m[1]}${m[2]}`,
      )
    },
  )
  const arabic = all(/^(\s*)(\d{1,2})、(?=\S)/g, t, (m) =>
    at(
      'punctuation',
      'should',
      m.index! + m[1]!.length,
      `${m[2]}、`,
      `阿拉伯数字序号后用“.”，写作“${m[2]}.”。`,
      `${m[2]}.`,
    ),
  )
  const bracketed = all(/^(\s*[（(][一二三四五六七八九十\d]+[）)])、/g, t, (m) =>
    at('punctuation', 'should', m.index!, m[0].trim(), '括号序号后不再加顿号。', m[1]!.trim()),
  )
  // No rule for 《…》、《…》 or “…”、“…”: GB/T 15834 says a 顿号 there is *usually* left out, and
  // many offices write it; a finding on every list of documents would be crying wolf.
  return [...rough, ...arabic, ...bracketed]
}

export function punctuation(t: string): TextFinding[] {
  return [
    ...halfWidth(t),
    ...quotes(t),
    ...unpaired(t),
    ...doubledMarks(t),
    ...ellipsisAndDash(t),
    ...spacing(t),
    ...openEnd(t),
    ...numberMarks(t),
  ]
}

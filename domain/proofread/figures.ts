import { all, at, CJK, type TextFinding } from './text-finding.ts'

/** A figure with its unit, as a sentence states it. */
interface Quantity {
  start: number
  end: number
  raw: string
  /** In base units: 8.62亿元 is 862000000. */
  value: number
  unit: string
  decimals: number
}

const UNITS =
  '个百分点|平方米|人次|户次|元|人|名|所|个|处|间|台|套|次|项|件|户|场|节|篇|册|亩|班|%|％'
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)(万|亿)?(${UNITS})`, 'g')

function quantities(sentence: string, base: number): Quantity[] {
  return [...sentence.matchAll(QUANTITY)].map((m) => {
    const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1
    const unit = m[3] === '％' ? '%' : m[3] === '户次' ? '人次' : m[3]!
    return {
      start: base + m.index,
      end: base + m.index + m[0].length,
      raw: m[0],
      value: Number(m[1]) * scale,
      unit,
      decimals: m[1]!.split('.')[1]?.length ?? 0,
    }
  })
}

/** Sentences of a paragraph with their offsets: every figure check stays inside one. */
function sentences(t: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = []
  let start = 0
  for (const m of t.matchAll(/[。；;！？]/g)) {
    out.push({ text: t.slice(start, m.index), start })
    start = m.index + 1
  }
  if (start < t.length) out.push({ text: t.slice(start), start })
  return out
}

/** Whether `stated`, written with `decimals` places, is a rounding of `exact`. */
const rounds = (stated: number, exact: number, decimals: number, scale = 1) =>
  Math.abs(stated - exact) <=
  (0.5 * 10 ** -decimals + 1e-9) * scale + 0.0051 * scale * (decimals > 0 ? 1 : 0)

const UP = /增加|增长|提高|上升|提升|扩大/
const DOWN = /减少|下降|降低|缩小|回落/

const RATE_BEFORE = new RegExp(`([${CJK}]{2})率(?:为|达到|达|是)?$`)

const pct = (q: Quantity) => (q.unit === '%' ? q.value : NaN)

function changes(s: string, start: number): TextFinding[] {
  const out: TextFinding[] = []
  const qs = quantities(s, start)
  const local = (q: Quantity) => q.start - start
  const before = (q: Quantity) => s.slice(Math.max(0, local(q) - 6), local(q))
  // The comparison: 比上年增加7人 / 比上年的50.3%下降1.1% / 由12人增加到19人
  const m = /(?:比|较)(?:上年|去年|上一年|上学期|上年度|上年同期|同期)(?:的|为)?/.exec(s)
  const from = /由(\d[^，,]*?)(?:增加|提高|增长|上升|下降|减少|降低)?到/.exec(s)
  let cur: Quantity | undefined
  let base: Quantity | undefined
  if (from) {
    base = qs.find((q) => local(q) === from.index + 1)
    cur = qs.find((q) => local(q) > from.index + from[0].length - 1 && q.unit === base?.unit)
  } else if (m) {
    const at0 = m.index
    const afterWord = at0 + m[0].length
    base =
      m[0].endsWith('的') || m[0].endsWith('为')
        ? qs.find((q) => local(q) === afterWord)
        : undefined
    const prior = qs.filter((q) => local(q) < at0)
    // 上年为488人 stated before the comparison
    const said = /(?:上年|去年|上学期)(?:为|是|有)(\d)/.exec(s)
    if (!base && said) base = qs.find((q) => local(q) === said.index + said[0].length - 1)
    cur = [...prior].reverse().find((q) => q !== base && (base ? q.unit === base.unit : true))
  } else return out
  if (!cur) return out
  // The stated change and rate after the comparison.
  const pivot = from ? from.index : m!.index
  const after = qs.filter((q) => local(q) > pivot && q !== cur && q !== base)
  const delta = after.find(
    (q) => (UP.test(before(q)) || DOWN.test(before(q))) && q.unit === cur.unit,
  )
  const rate = after.find(
    (q) => q.unit === '%' && q !== delta && (UP.test(before(q)) || DOWN.test(before(q))),
  )
  const down = delta ? DOWN.test(before(delta)) : rate ? DOWN.test(before(rate)) : false
  if (base && cur.unit === base.unit) {
    const diff = cur.value - base.value
    const word =
      (delta ?? rate) &&
      /(增加|增长|提高|上升|减少|下降|降低)(?:了)?$/.exec(before((delta ?? rate)!))
    if (word && diff !== 0 && diff < 0 !== down) {
      const offset = (delta ?? rate)!.start - word[0].length
      const opposite = new Map([
        ['增加', '减少'],
        ['减少', '增加'],
        ['增长', '下降'],
        ['下降', '增长'],
        ['提高', '下降'],
        ['降低', '提高'],
        ['上升', '下降'],
      ]).get(word[1]!)
      out.push(
        at(
          'arithmetic',
          'must',
          offset,
          word[1]!,
          `前后数字是${diff > 0 ? '增加' : '减少'}，这里却写“${word[1]}”。`,
          opposite,
        ),
      )
      return out
    }
    if (
      delta &&
      delta.unit !== '%' &&
      !rounds(
        delta.value,
        Math.abs(diff),
        delta.decimals,
        delta.value / Number(delta.raw.match(/[\d.]+/)![0]),
      )
    ) {
      out.push(
        at(
          'arithmetic',
          'must',
          delta.start,
          delta.raw,
          `由${base.raw}到${cur.raw}，相差${+Math.abs(diff).toFixed(4)}，与所写“${delta.raw}”不符。`,
        ),
      )
    }
    if (cur.unit === '%') {
      // 由91.8%提高到93.6%，提高了1.8%: a change between rates is in 个百分点.
      for (const q of [delta, rate]) {
        if (q && q.unit === '%' && rounds(q.value, Math.abs(diff), q.decimals)) {
          const num = q.raw.replace(/[%％]$/, '')
          out.push(
            at(
              'arithmetic',
              'must',
              q.start,
              q.raw,
              `两个百分率之差应写“${num}个百分点”，不写“${q.raw}”。`,
              `${num}个百分点`,
            ),
          )
          return out
        }
      }
      return out
    }
  }
  if (cur.unit === '%') return out
  // The rate of change from the figures: 增加7人，增长36.8% when 12 became 19.
  if (!rate) return out
  let change: number
  let origin: number
  if (base && base.unit === cur.unit) {
    change = Math.abs(cur.value - base.value)
    origin = base.value
  } else if (delta) {
    change = delta.value
    origin = down ? cur.value + delta.value : cur.value - delta.value
  } else return out
  if (origin <= 0) return out
  const exact = (100 * change) / origin
  if (!rounds(pct(rate), exact, rate.decimals)) {
    out.push(
      at(
        'arithmetic',
        'must',
        rate.start,
        rate.raw,
        `按所写数字计算，变化幅度约为${exact.toFixed(Math.max(1, rate.decimals))}%，与“${rate.raw}”不符。`,
      ),
    )
  }
  return out
}

/** Quantities of `unit` in consecutive list segments (split at 、，), one a segment, from `from` on (or back from it). */
function listRun(
  s: string,
  qs: Quantity[],
  start: number,
  from: number,
  unit: string,
  backwards: boolean,
): Quantity[] {
  const run: Quantity[] = []
  const bounds = [...s.matchAll(/[、，,]/g)].map((m) => m.index)
  // Binary search: a segment's number is how many separators stand before it.
  const segmentOf = (i: number) => {
    let lo = 0
    let hi = bounds.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (bounds[mid]! < i) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const bySegment = new Map<number, Quantity[]>()
  for (const q of qs) {
    const local = q.start - start
    if (q.unit !== unit || (backwards ? local >= from : local < from)) continue
    const k = segmentOf(local)
    const list = bySegment.get(k)
    if (list) list.push(q)
    else bySegment.set(k, [q])
  }
  let k = segmentOf(from) + (backwards ? -1 : 0)
  for (;;) {
    const here = bySegment.get(k)
    if (!here || here.length !== 1) break
    run.push(here[0]!)
    k += backwards ? -1 : 1
  }
  return run
}

/** What stands inside brackets is a breakdown of a part, not a part: （九年一贯制学校72所…）. */
function outsideBrackets(s: string, qs: Quantity[], start: number): Quantity[] {
  let depth = 0
  const inside = new Set<number>()
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '（' || s[i] === '(') depth++
    else if ((s[i] === '）' || s[i] === ')') && depth > 0) depth--
    else if (depth > 0) inside.add(i)
  }
  return qs.filter((q) => !inside.has(q.start - start))
}

const scaleOf = (q: Quantity) => q.value / Number(/[\d.]+/.exec(q.raw)![0])
/** Whole numbers add up exactly; decimals may be off by one in the last place they are written to. */
const slack = (decimals: number, q: Quantity) =>
  decimals === 0 ? 1e-9 : 10 ** -decimals * scaleOf(q) + 1e-9

/** 其中 parts that add up to more than the total; 合计 that is not the sum; 其余 that is not the rest. */
function sums(s: string, start: number): TextFinding[] {
  const out: TextFinding[] = []
  const qs = outsideBrackets(s, quantities(s, start), start).filter(
    (q) => q.unit !== '%' && q.unit !== '个百分点',
  )
  const local = (q: Quantity) => q.start - start
  const among = s.search(/[，,]其中[，,]?/)
  if (among >= 0) {
    const total = [...qs].reverse().find((q) => local(q) < among)
    // The figure right before 其中 must be the whole, not a change (比上年增加672人，其中…).
    const isChange =
      (total && UP.test(s.slice(Math.max(0, local(total) - 4), local(total)))) ||
      (total && DOWN.test(s.slice(Math.max(0, local(total) - 4), local(total))))
    const parts =
      total && !isChange && local(total) + total.raw.length === among
        ? listRun(s, qs, start, among + 1, total.unit, false)
        : []
    if (total && parts.length >= 2) {
      const sum = parts.reduce((n, q) => n + q.value, 0)
      const places = Math.max(...parts.map((q) => q.decimals))
      if (sum - total.value > slack(places, total)) {
        out.push(
          at(
            'arithmetic',
            'must',
            total.start,
            total.raw,
            `“其中”各项相加为${+(sum / scaleOf(total)).toFixed(places + 1)}，超过总数${total.raw}。`,
          ),
        )
      }
    }
  }
  for (const m of s.matchAll(/合计|共计|总计/g)) {
    const total = qs.find((q) => local(q) > m.index && local(q) - m.index < 16)
    if (!total) continue
    const parts = listRun(s, qs, start, m.index, total.unit, true)
    if (parts.length < 2) continue
    const sum = parts.reduce((n, q) => n + q.value, 0)
    const places = Math.max(...parts.map((q) => q.decimals), total.decimals)
    if (Math.abs(sum - total.value) > slack(Math.min(places, total.decimals), total)) {
      out.push(
        at(
          'arithmetic',
          'must',
          total.start,
          total.raw,
          `前面各项相加为${+(sum / scaleOf(total)).toFixed(places)}，与${m[0]}“${total.raw}”不符。`,
        ),
      )
    }
  }
  for (const m of s.matchAll(/其余|剩余|尚有|还有/g)) {
    const rest = qs.find((q) => local(q) > m.index && local(q) - m.index < 6)
    if (!rest) continue
    const prior = qs.filter((q) => local(q) < m.index && q.unit === rest.unit)
    if (prior.length !== 2 || prior[1]!.value > prior[0]!.value) continue
    const expected = prior[0]!.value - prior[1]!.value
    if (Math.abs(expected - rest.value) > 1e-9) {
      out.push(
        at(
          'arithmetic',
          'must',
          m.index + start,
          s.slice(m.index, local(rest) + rest.raw.length),
          `${prior[0]!.raw}减去${prior[1]!.raw}，其余应为${+expected.toFixed(4)}。`,
        ),
      )
    }
  }
  return out
}

/** Rates and shares that do not follow from the figures beside them. */
function rates(s: string, start: number): TextFinding[] {
  const out: TextFinding[] = []
  const qs = quantities(s, start)
  const local = (q: Quantity) => q.start - start
  // A share or a net rate cannot pass 100%; a gross rate (毛入学率) or a completion rate can.
  for (const m of s.matchAll(
    new RegExp(`([${CJK}]{1,6})率(?:为|达到|达|是|保持在?)?(\\d+(?:\\.\\d+)?)[%％]`, 'g'),
  )) {
    if (Number(m[2]) <= 100 || /毛|增|完成|超/.test(m[1]!)) continue
    const offset = start + m.index + m[0].length - m[2]!.length - 1
    out.push(at('arithmetic', 'must', offset, `${m[2]}%`, `“${m[1]!.slice(-2)}率”不会超过100%。`))
  }
  // The counts seen so far, kept as the loop goes: no scan back per rate.
  const counts: Quantity[] = []
  for (const q of qs) {
    if (q.unit !== '%') {
      if (q.unit !== '个百分点') counts.push(q)
      continue
    }
    const lead = s.slice(Math.max(0, local(q) - 8), local(q))
    const rateWord = RATE_BEFORE.exec(lead)
    const share = /(?:，|其中)?占(?:比)?(?:为)?$/.test(lead)
    if (!rateWord && !share) continue
    if (counts.length !== 2 || counts[0]!.unit !== counts[1]!.unit) continue
    const [whole, part] = counts as [Quantity, Quantity]
    if (part.value > whole.value || whole.value === 0) continue
    const between = s.slice(local(whole), local(part))
    if (between.includes('、')) continue
    if (
      rateWord &&
      !between.includes(rateWord[1]!.slice(-2)) &&
      !s.slice(local(part) - 6, local(part)).includes(rateWord[1]!)
    )
      continue
    if (
      share &&
      !(
        between.includes('其中') ||
        s.slice(local(part) + part.raw.length, local(q)).replace(/[，占比为]/g, '') === ''
      )
    )
      continue
    const exact = (100 * part.value) / whole.value
    if (!rounds(q.value, exact, q.decimals)) {
      const fixed = `${exact.toFixed(q.decimals)}%`
      out.push(
        at(
          'arithmetic',
          'must',
          q.start,
          q.raw,
          `${part.raw}占${whole.raw}约为${fixed}，与所写“${q.raw}”不符。`,
          fixed,
        ),
      )
    }
  }
  // 师生比1∶4.6 beside 86 students and 24 teachers.
  for (const m of s.matchAll(/比(?:例)?(?:为|是)?1[∶:：](\d+(?:\.\d+)?)/g)) {
    const offset = m.index + m[0].indexOf('1')
    const counts = qs.filter((c) => local(c) < m.index && /人|名/.test(c.unit))
    if (counts.length !== 2) continue
    const [a, b] = counts.map((c) => c.value) as [number, number]
    const exact = Math.max(a, b) / Math.min(a, b)
    const decimals = m[1]!.split('.')[1]?.length ?? 0
    if (!rounds(Number(m[1]), exact, decimals)) {
      const fixed = `1∶${exact.toFixed(decimals)}`
      out.push(
        at(
          'arithmetic',
          'must',
          start + offset,
          m[0].slice(m[0].indexOf('1')),
          `按所写人数计算，比例约为${fixed}。`,
        ),
      )
    }
  }
  // 人均资助1.3万元 beside 3146.8万元 and 2.37万人次.
  for (const m of s.matchAll(/(人均|生均)[^\d，。；]{0,6}(\d+(?:\.\d+)?)(万)?元/g)) {
    const stated = Number(m[2]) * (m[3] ? 1e4 : 1)
    const money = qs.filter((c) => c.unit === '元' && local(c) < m.index)
    const people = qs.filter((c) => /人/.test(c.unit) && local(c) < m.index)
    if (money.length !== 1 || people.length !== 1 || people[0]!.value === 0) continue
    const exact = money[0]!.value / people[0]!.value
    if (Math.abs(stated - exact) / exact > 0.05) {
      const offset = start + m.index + m[0].indexOf(m[2]!)
      out.push(
        at(
          'arithmetic',
          'must',
          offset,
          m[0].slice(m[0].indexOf(m[2]!)),
          `${money[0]!.raw}除以${people[0]!.raw}约为${Math.round(exact)}元，与所写不符。`,
        ),
      )
    }
  }
  return out
}

/** Shares of one whole that should make 100%: 男生52.3%、女生48.7%; 优秀…、良好…、合格… */
function shares(s: string, start: number): TextFinding[] {
  const out: TextFinding[] = []
  const sex =
    /男[^。；，%]{0,8}?(\d+(?:\.\d+)?)%[^。；]{0,12}?女[^。；，%]{0,8}?(\d+(?:\.\d+)?)%/.exec(s)
  if (sex && Math.abs(Number(sex[1]) + Number(sex[2]) - 100) > 0.11) {
    const second = sex.index + sex[0].lastIndexOf(sex[2]!)
    out.push(
      at(
        'arithmetic',
        'must',
        start + second,
        `${sex[2]}%`,
        `男女所占比例相加为${+(Number(sex[1]) + Number(sex[2])).toFixed(2)}%，不是100%。`,
      ),
    )
  }
  const list = new RegExp(
    `(?:分布|构成|结构)(?:情况)?(?:为|是)?[：:]?((?:[${CJK}]{1,5}(?:占)?\\d+(?:\\.\\d+)?%[、，]){2,}[${CJK}]{1,5}(?:占)?\\d+(?:\\.\\d+)?%)`,
  ).exec(s)
  if (list) {
    const values = [...list[1]!.matchAll(/(\d+(?:\.\d+)?)%/g)].map((v) => Number(v[1]))
    const sum = values.reduce((n, v) => n + v, 0)
    if (Math.abs(sum - 100) > 0.21) {
      const offset = list.index + list[0].length - list[1]!.length
      out.push(
        at(
          'arithmetic',
          'must',
          start + offset,
          list[1]!,
          `各项比例相加为${+sum.toFixed(2)}%，不是100%。`,
        ),
      )
    }
  }
  return out
}

function wording(t: string): TextFinding[] {
  const doubled = all(
    /由(\d+(?:\.\d+)?)(万|亿)?[^，。\d]{0,8}到(\d+(?:\.\d+)?)(万|亿)?[^。；\d]{0,6}?(翻了?一番)/g,
    t,
    (m) => {
      const a = Number(m[1]) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1)
      const b = Number(m[3]) * (m[4] === '万' ? 1e4 : m[4] === '亿' ? 1e8 : 1)
      if (Math.abs(b / a - 2) < 0.1) return null
      return at(
        'arithmetic',
        'must',
        m.index! + m[0].length - m[5]!.length,
        m[5]!,
        `由${m[1]}${m[2] ?? ''}到${m[3]}${m[4] ?? ''}不是“翻一番”（翻一番是增加到两倍）。`,
      )
    },
  )
  const fold = all(/(?:下降|减少|降低)了?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十])倍/g, t, (m) =>
    at(
      'arithmetic',
      'should',
      m.index!,
      m[0],
      '减少不能用“倍”表示，应写减少的百分比或“减少到几分之几”。',
    ),
  )
  const negative = all(/(增长|增加|提高)(?:了)?[-－](\d+(?:\.\d+)?[%％])/g, t, (m) =>
    at(
      'arithmetic',
      'should',
      m.index!,
      m[0],
      `“${m[1]}”后接负数不通，应写“下降${m[2]}”。`,
      `下降${m[2]}`,
    ),
  )
  return [...doubled, ...fold, ...negative]
}

function separators(t: string): TextFinding[] {
  const half = all(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/g, t, (m) =>
    at(
      'thousands',
      'should',
      m.index!,
      m[0],
      '中文报告中的数字不用千位分隔符。',
      m[0].replace(/,/g, ''),
    ),
  )
  const full = all(
    /(?<![\d.，])\d{1,3}(?:，\d{3})+(?:\.\d+)?(?=[万亿]?(?:人|元|名|所|个|台|套|册|户|平方米))/g,
    t,
    (m) =>
      at('thousands', 'should', m.index!, m[0], '数字中间不应有逗号。', m[0].replace(/，/g, '')),
  )
  const ratio = all(
    /(比[为是达]?|比例[为是达]?)\s*(\d+(?:\.\d+)?)[:：](\d+(?:\.\d+)?)(?!\d)/g,
    t,
    (m) => {
      const text = m[0].slice(m[0].indexOf(m[2]!))
      return at(
        'ratio',
        'should',
        m.index! + m[0].length - text.length,
        text,
        `比例中的冒号应为比号“∶”，如“21∶1”。`,
        `${m[2]}∶${m[3]}`,
      )
    },
  )
  return [...half, ...full, ...ratio]
}

export function figures(t: string): TextFinding[] {
  const out: TextFinding[] = [...wording(t), ...separators(t)]
  for (const { text, start } of sentences(t)) {
    // A reference (U+FFFC) hides a figure: the sentence's arithmetic cannot be checked.
    if (text.includes('\ufffc')) continue
    out.push(
      ...changes(text, start),
      ...sums(text, start),
      ...rates(text, start),
      ...shares(text, start),
    )
  }
  return out
}

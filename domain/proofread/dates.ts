import { all, at, CJK, type CheckContext, type TextFinding } from './text-finding.ts'

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const WEEKDAYS = '日一二三四五六'

// What may follow a four-digit number that is a count, not a year: 2025人, 2025元, 2025级.
const NOT_YEAR_AFTER = `年级届期号版学元角分万亿千百人名次个所项件台套间户家处批余多册本篇节场天周小时米亩克吨辆张份条平公至到株棵块幅首部架只头匹枚颗粒支把根盏座栋幢层段卷箱袋瓶包双对副组队班轮回趟遍位例起宗笔单类门种样道`

function years(t: string, context: CheckContext): TextFinding[] {
  const reportYear = context.year
  const out: TextFinding[] = []
  for (const m of t.matchAll(
    /(今年|去年|明年)[（(](\d{4})年?[）)]|(\d{4})年[（(](今年|去年|明年)[）)]/g,
  )) {
    const word = m[1] ?? m[4]!
    const year = Number(m[2] ?? m[3])
    const expected =
      word === '今年' ? reportYear : word === '去年' ? reportYear - 1 : reportYear + 1
    if (year !== expected) {
      const y = m[2] ?? m[3]!
      const offset = m.index! + m[0].indexOf(y)
      out.push(
        at(
          'year',
          'must',
          offset,
          `${y}年`,
          `报告年度为${reportYear}年，“${word}”应是${expected}年。`,
        ),
      )
    }
  }
  for (const m of t.matchAll(/(?<!\d)(20\d{2})年/g)) {
    const year = Number(m[1])
    if (year > reportYear + 1 && !/^[—\-~～至到]/.test(t.slice(m.index! - 1, m.index!))) {
      out.push(
        at(
          'year',
          'should',
          m.index!,
          m[0],
          `${year}年晚于报告年度（${reportYear}年）的下一年，请核对。`,
        ),
      )
    }
  }
  // A year without 年: 2024工作要点, 全县2025高考.
  for (const m of t.matchAll(
    new RegExp(`(?<![\\d.〔［[（(—\\-~])((?:19|20)\\d{2})(?=[${CJK}])`, 'g'),
  )) {
    const year = Number(m[1])
    const next = t[m.index! + 4]!
    if (NOT_YEAR_AFTER.includes(next) || Math.abs(year - reportYear) > 10) continue
    out.push(at('year', 'should', m.index!, m[1]!, `“${m[1]}”后面少了“年”字。`, `${m[1]}年`))
  }
  // 2025年年: 年 doubled (年底, 年初 and 年度 are words of their own).
  for (const m of t.matchAll(/(?<!\d)(\d{4})年年(?![底初末中度终内])/g)) {
    out.push(at('year', 'must', m.index!, m[0], '“年”字重复了。', `${m[1]}年`))
  }
  // 25年， at the start: a two-digit year.
  for (const m of t.matchAll(/^(\d{2})年(?=[，、])/g)) {
    if (Number(m[1]) === reportYear % 100) {
      out.push(
        at(
          'year',
          'must',
          0,
          m[0],
          '年份应写全四位数字。',
          `${Math.floor(reportYear / 100)}${m[1]}年`,
        ),
      )
    }
  }
  // 二〇25年: Chinese and Arabic digits mixed in one year.
  for (const m of t.matchAll(/[〇零一二三四五六七八九]+\d+年|\d+[〇零一二三四五六七八九]+年/g)) {
    const digits = m[0]
      .slice(0, -1)
      .replace(/[〇零一二三四五六七八九]/g, (c) =>
        String('〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)),
      )
    out.push(
      at(
        'year',
        'must',
        m.index!,
        m[0],
        '年份中汉字数字与阿拉伯数字混用。',
        digits.length === 4 ? `${digits}年` : undefined,
      ),
    )
  }
  // The period reported: 现将2024年工作总结如下 / 回顾2023年 in a 2025 report; 展望2025年 in it.
  if (context.kind === 'annual' || context.kind === 'half-year') {
    for (const m of t.matchAll(/(现将[^。，；]{0,12}?|回顾)(\d{4})年/g)) {
      const y = Number(m[2])
      if (y === reportYear) continue
      if (m[1] === '回顾' && /^[以来至—]/.test(t.slice(m.index! + m[0].length))) continue
      out.push(
        at(
          'year',
          'must',
          m.index! + m[1]!.length,
          `${m[2]}年`,
          `报告年度为${reportYear}年，这里应是${reportYear}年。`,
          `${reportYear}年`,
        ),
      )
    }
    for (const m of t.matchAll(/展望(\d{4})年/g)) {
      if (Number(m[1]) <= reportYear) {
        out.push(
          at(
            'year',
            'should',
            m.index! + 2,
            `${m[1]}年`,
            `“展望”的应是下一年（${reportYear + 1}年）。`,
          ),
        )
      }
    }
  }
  // 2024年，… 比2024年增长: a year compared with itself.
  const lead = /^(\d{4})年[，,]/.exec(t)
  if (lead && new RegExp(`(?:比|较|同比)${lead[1]}年`).test(t)) {
    out.push(
      at('year', 'must', 0, `${lead[1]}年`, `同一段中拿${lead[1]}年与${lead[1]}年相比，年份有误。`),
    )
  }
  return out
}

function dates(t: string, context: CheckContext): TextFinding[] {
  const out: TextFinding[] = []
  out.push(
    ...all(/(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, t, (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])]
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
      return at(
        'date',
        'should',
        m.index!,
        m[0],
        `公文日期用汉字“年月日”，应写作“${y}年${mo}月${d}日”。`,
        `${y}年${mo}月${d}日`,
      )
    }),
    ...all(/(\d{4}年)?0(\d)月(0?)(\d{1,2})日|(\d{4}年\d{1,2}月)0(\d)日/g, t, (m) => {
      const fix = m[5] ? `${m[5]}${m[6]}日` : `${m[1] ?? ''}${m[2]}月${Number(`${m[4]}`)}日`
      return at('date', 'should', m.index!, m[0], '日期中的月、日不补零，如“1月5日”。', fix)
    }),
    // 3月15在: a day without 日.
    ...all(
      new RegExp(`(?<![\\d.])(\\d{1,2})月(\\d{1,2})(?=[${CJK}])(?![日号至到前后起])`, 'g'),
      t,
      (m) => {
        const [mo, d] = [Number(m[1]), Number(m[2])]
        if (mo < 1 || mo > 12 || d < 1 || d > 31) return null
        if (/^[日号]/.test(t.slice(m.index! + m[0].length).trimStart())) return null
        return at('date', 'should', m.index!, m[0], `“${m[0]}”后面少了“日”字。`, `${m[0]}日`)
      },
    ),
    // 26号 in a date: 日 in written Chinese.
    ...all(/(?<=\d月)(\d{1,2})号/g, t, (m) =>
      at('date', 'should', m.index!, m[0], '公文中日期写“日”，不写“号”。', `${m[1]}日`),
    ),
  )
  // Dates that do not exist, weekdays that do not match.
  for (const m of t.matchAll(
    /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:[（(，]((?:星期|周)[一二三四五六日天]))?/dg,
  )) {
    const year = m[1] ? Number(m[1]) : context.year
    const month = Number(m[2])
    if (month < 1 || month > 12) {
      out.push(
        at('date', 'must', m.index!, `${m[1] ? `${m[1]}年` : ''}${m[2]}月`, `没有${month}月。`),
      )
      continue
    }
    if (!m[3]) continue
    const day = Number(m[3])
    if (day < 1 || day > daysIn(year, month)) {
      out.push(
        at(
          'date',
          'must',
          m.indices![2]![0],
          `${m[2]}月${m[3]}日`,
          `${year}年${month}月没有${day}日。`,
        ),
      )
      continue
    }
    const named = m[4]
    if (named && m[1]) {
      const real = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!
      const said = named.endsWith('天') ? '日' : named.slice(-1)
      if (said !== real) {
        const fixed = `${named.slice(0, -1)}${real}`
        out.push(
          at(
            'date',
            'should',
            m.indices![4]![0],
            named,
            `${year}年${month}月${day}日是星期${real}。`,
            fixed,
          ),
        )
      }
    }
  }
  // A range that runs backwards: 3月5日至3月3日.
  for (const m of t.matchAll(
    /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~)(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g,
  )) {
    const y1 = Number(m[1] ?? context.year)
    const y2 = Number(m[4] ?? y1)
    const a = Date.UTC(y1, Number(m[2]) - 1, Number(m[3]))
    const b = Date.UTC(y2, Number(m[5] ?? m[2]) - 1, Number(m[6]))
    if (b < a) {
      const end = m[0].slice(m[0].search(/至|到|—|－|-|~/) + 1)
      out.push(
        at(
          'date',
          'must',
          m.index! + m[0].length - end.length,
          end,
          '时间段的结束日期早于开始日期。',
        ),
      )
    }
  }
  // 上半年（1月至8月）: a half year is six months.
  for (const m of t.matchAll(/(上|下)半年[（(](\d{1,2})月(?:至|到|—|-)(\d{1,2})月[）)]/g)) {
    const [from, to] = m[1] === '上' ? [1, 6] : [7, 12]
    if (Number(m[2]) !== from || Number(m[3]) !== to) {
      const inner = m[0].slice(4, -1)
      out.push(
        at(
          'date',
          'should',
          m.index! + 4,
          inner,
          `${m[1]}半年是${from}月至${to}月。`,
          `${from}月至${to}月`,
        ),
      )
    }
  }
  return out
}

/** Earliest date on which a report of its kind can be written: after the period it reports. */
export function periodEnd(context: CheckContext): { month: number; day: number } | null {
  if (context.kind === 'annual') return { month: 11, day: 1 }
  if (context.kind === 'half-year') return { month: 6, day: 1 }
  return null
}

/** A 成文日期 stated in the text before the period the report covers has run. */
function writtenDate(t: string, context: CheckContext): TextFinding[] {
  const end = periodEnd(context)
  if (!end || !/成文|审议通过|特此报告|本报告|本总结/.test(t)) return []
  const out: TextFinding[] = []
  const statsEnd = /截至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t)
  for (const m of t.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
    if (statsEnd && m.index === statsEnd.index! + 2) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const after = statsEnd
      ? Date.UTC(Number(statsEnd[1]), Number(statsEnd[2]) - 1, Number(statsEnd[3]))
      : Date.UTC(context.year, end.month - 1, end.day)
    if (y === context.year && Date.UTC(y, mo - 1, d) < after) {
      out.push(
        at('date', 'should', m.index!, m[0], `成文日期${m[0]}早于报告所写的时段结束，请核对。`),
      )
    }
  }
  return out
}

export function yearsAndDates(t: string, context: CheckContext): TextFinding[] {
  return [...years(t, context), ...dates(t, context), ...writtenDate(t, context)]
}

import { fromChineseNumeral, toChineseNumeral } from '../outline/chinese-numerals.ts'
import { at, type TextFinding } from './text-finding.ts'

const CN = '[一二三四五六七八九十]{1,2}'

function check(
  t: string,
  re: RegExp,
  read: (m: RegExpMatchArray) => number | null,
  name: (n: number) => string,
  out: TextFinding[],
) {
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
      out.push(at('sequence', 'should', m.index!, m[0], `序号不连续：${problem}。`))
    }
    last = n
  }
}

const cn = (m: RegExpMatchArray) => fromChineseNumeral(m[1]!) || null

/** 一是/二是…, 第一/第二…, 其一/其二…, （1）（2）…, 首先/其次/再次/最后 in one paragraph count up by one. */
function inParagraph(t: string): TextFinding[] {
  const out: TextFinding[] = []
  check(t, new RegExp(`(${CN})是`, 'g'), cn, (n) => `${toChineseNumeral(n)}是`, out)
  // 第一，第二，… as items; 第一责任人, 第一线, 第一时间 are words, not items.
  check(
    t,
    new RegExp(`(?<![^，。；：、\\s（(“]|^)第(${CN})(?=[，、,：:])|^第(${CN})(?=[，、,：:])`, 'g'),
    (m) => fromChineseNumeral(m[1] ?? m[2]!) || null,
    (n) => `第${toChineseNumeral(n)}`,
    out,
  )
  check(
    t,
    new RegExp(`(?<=^|[，。；：])其(${CN})(?=[，、,：:])`, 'g'),
    cn,
    (n) => `其${toChineseNumeral(n)}`,
    out,
  )
  check(
    t,
    /[（(](\d{1,2})[）)](?![班级组])/g,
    (m) => Number(m[1]),
    (n) => `（${n}）`,
    out,
  )
  check(t, new RegExp(`[（(](${CN})[）)]`, 'g'), cn, (n) => `（${toChineseNumeral(n)}）`, out)
  // 首先…其次…再次…最后: an order word going back is a slip once 首先 has opened the list.
  const order = new Map([
    ['首先', 1],
    ['其次', 2],
    ['再次', 3],
    ['最后', 4],
  ])
  let rank = 0
  for (const m of t.matchAll(/(?<=^|[，。；：])(首先|其次|再次|最后)(?=[，,])/g)) {
    const r = order.get(m[1]!)!
    if (r === 1) rank = 1
    else if (rank > 0) {
      if (r <= rank)
        out.push(
          at(
            'sequence',
            'should',
            m.index!,
            m[1]!,
            `“${m[1]}”排在了前面的“${[...order.keys()][rank - 1]}”之后，顺序有误。`,
          ),
        )
      rank = Math.max(rank, r)
    }
  }
  return out
}

const COUNT =
  '([一二两三四五六七八九十]{1,3})(?:个|项|点|条|大)(?:方面|工作|措施|问题|任务|举措|重点|目标)?'

/**
 * A count that introduces a list in the same paragraph (以下三个方面：一是…二是…) and the items
 * listed; `next` is the following paragraph, where a list may go on.
 */
function counts(t: string, next: string): TextFinding[] {
  const out: TextFinding[] = []
  const firstItem = t.search(/一是|第一[，、：]|（1）/)
  if (firstItem > 0) {
    const intro = t.slice(0, firstItem)
    let phrase: RegExpExecArray | null = null
    for (const m of intro.matchAll(new RegExp(COUNT, 'g'))) phrase = m as RegExpExecArray
    if (phrase && /[：:]|如下|即/.test(intro.slice(phrase.index + phrase[0].length))) {
      const stated = fromChineseNumeral(phrase[1]!.replace('两', '二'))
      const kind = t.slice(firstItem).startsWith('一是')
        ? /([一二三四五六七八九十]{1,2})是/g
        : t.slice(firstItem).startsWith('第')
          ? /第([一二三四五六七八九十]{1,2})[，、：]/g
          : /（(\d{1,2})）/g
      let items = 0
      for (const m of t.slice(firstItem).matchAll(kind)) {
        const n = /\d/.test(m[1]!) ? Number(m[1]) : fromChineseNumeral(m[1]!)
        if (n === items + 1) items = n
      }
      const continues = new RegExp(
        `^\\s*(?:${toChineseNumeral(items + 1)}是|第${toChineseNumeral(items + 1)}|（${items + 1}）)`,
      ).test(next)
      if (items >= 2 && stated && stated !== items && !continues) {
        out.push(
          at(
            'count',
            'should',
            phrase.index,
            phrase[0],
            `这里说“${phrase[0]}”，后面列了${items}项，数目不一致。`,
          ),
        )
      }
    }
  }
  // “三个到位”：A到位、B到位… — a named count and the items that spell it out.
  for (const m of t.matchAll(
    /“([一二两三四五六七八九十])(?:个|项|大)([^”]{1,6})”(?:[^，。：:“”]{0,4}[：:]|，即|，就是)/g,
  )) {
    // The list runs to the end of its sentence, or of the bracket it stands in: （即：…）.
    const from = m.index + m[0].length
    LIST_END.lastIndex = from
    const end = LIST_END.exec(t)
    const list = t.slice(from, end ? end.index : t.length)
    const items = list.split(/[、，；]/).filter((s) => s.trim() !== '').length
    const stated = fromChineseNumeral(m[1]!.replace('两', '二'))
    if (items >= 2 && stated !== items) {
      const quoted = m[0].slice(0, m[0].indexOf('”') + 1)
      out.push(
        at('count', 'should', m.index, quoted, `这里说${quoted}，后面列了${items}项，数目不一致。`),
      )
    }
  }
  return out
}

const LIST_END = /[。）)]/g

export function sequences(t: string, next = ''): TextFinding[] {
  return [...inParagraph(t), ...counts(t, next)]
}

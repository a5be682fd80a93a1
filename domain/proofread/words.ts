import { IDIOMS } from './idioms.ts'
import { findLexiconSlips } from './lexicon-match.ts'
import { all, at, CJK, type TextFinding } from './text-finding.ts'

const isPair = (t: string, i: number) =>
  i >= 0 && i + 1 < t.length && t[i] === t[i + 1] && /[\u3400-\u9fff]/.test(t[i]!)

// Words that end in one of these characters (目的, 为了, 针对) or start with it (了解, 对象, 是否):
// 为了了解, 针对对象 and 目的的 are two words side by side, not one character written twice.
const ENDS_IN = new Map([
  ['的', '目有别似真是标'],
  ['了', '为除到罢末'],
  ['是', '就只还总凡但于正要若可即倒硬'],
  ['在', '实存所自现正内外潜'],
  ['对', '针面绝相反核应比校查'],
  ['和', '温缓平调总饱柔'],
  ['与', '参给赋授'],
  ['及', '以涉波普危提来'],
  ['把', '火'],
  ['被', '棉'],
  ['从', '听服顺盲随'],
])
const STARTS = new Map([
  ['的', '确'],
  ['了', '解结却然如之'],
  ['是', '否非'],
  ['在', '校编岗职场线'],
  ['对', '象策待照接口比话手应于外'],
  ['和', '谐平睦'],
  ['与', '会'],
  ['及', '时格早'],
  ['把', '握关手'],
  ['被', '子动'],
  ['从', '事而严'],
])

/**
 * A word written twice (的的, 进一步进一步). Reduplication is the writer's: in AABB forms
 * (实实在在, 的的确确, 家家户户) a doubled character stands next to another doubled one, and a
 * measure word doubles after 一 (一把把, 一对对).
 */
function doubledWords(t: string): TextFinding[] {
  const single = all(/([的了是在和与及对把被从])\1/g, t, (m) => {
    const i = m.index!
    const c = m[1]!
    if (isPair(t, i - 2) || isPair(t, i + 2) || t[i - 1] === '一') return null
    if (ENDS_IN.get(c)!.includes(t[i - 1] ?? '') || STARTS.get(c)!.includes(t[i + 2] ?? ''))
      return null
    return at('doubled-word', 'should', i, m[0], `“${c}”字重复了，删去一个。`, c)
  })
  const words = all(new RegExp(`([${CJK}]{3,6})\\1`, 'g'), t, (m) =>
    at('doubled-word', 'should', m.index!, m[0], `“${m[1]}”重复了，删去一个。`, m[1]!),
  )
  return [...single, ...words]
}

function lexicon(t: string): TextFinding[] {
  return findLexiconSlips(t).map(({ offset, length, entry }) => {
    const fix = entry.grade === 'must' ? entry.right : undefined
    const [a, b] = [t[offset], t[offset + 1]]
    // 塌塌实实 holds the entry 塌实: mending only that would leave 塌踏实实, so the whole AABB
    // form is the finding and its fix doubles both characters of the right word.
    if (length === 2 && entry.right.length === 2 && t[offset - 1] === a && t[offset + 2] === b) {
      const [c, d] = [entry.right[0]!, entry.right[1]!]
      return at(
        entry.family,
        entry.grade === 'must' ? 'must' : 'should',
        offset - 1,
        t.slice(offset - 1, offset + 3),
        `${entry.reason}应为“${c}${c}${d}${d}”。`,
        fix === undefined ? undefined : `${c}${c}${d}${d}`,
      )
    }
    return at(
      entry.family,
      entry.grade === 'must' ? 'must' : 'should',
      offset,
      t.slice(offset, offset + length),
      `${entry.reason}应为“${entry.right}”。`,
      fix,
    )
  })
}

type IdiomIndex = Map<string, string>
let idiomIndex: IdiomIndex | null = null

/** Each idiom under each of its one-character (or one doubled pair) wildcards. */
function idioms(): IdiomIndex {
  if (idiomIndex) return idiomIndex
  const index: IdiomIndex = new Map()
  const known = new Set(IDIOMS)
  const put = (key: string, idiom: string) => {
    // Two idioms one character apart (稳中有进/稳中求进) prove nothing: drop the key.
    const had = index.get(key)
    index.set(key, had !== undefined && had !== idiom ? '' : idiom)
  }
  for (const idiom of known) {
    for (let k = 0; k < 4; k++) put(`${idiom.slice(0, k)}?${idiom.slice(k + 1)}`, idiom)
    if (idiom[0] === idiom[1]) put(`??${idiom.slice(2)}`, idiom)
    if (idiom[2] === idiom[3]) put(`${idiom.slice(0, 2)}??`, idiom)
  }
  idiomIndex = index
  return index
}

/** 常抓不解, 竞竞业业: a set phrase with one character (or its doubled pair) wrong. Four look-ups a position. */
function idiomSlips(t: string): TextFinding[] {
  const index = idioms()
  const known = new Set(IDIOMS)
  const out: TextFinding[] = []
  for (let i = 0; i + 4 <= t.length; i++) {
    const w = t.slice(i, i + 4)
    if (!/^[\u3400-\u9fff]{4}$/.test(w) || known.has(w)) continue
    // AABB is a word-formation of its own (事事处处, 清清白白); known misspellings are the lexicon's.
    if (w[0] === w[1] && w[2] === w[3]) continue
    const keys = [0, 1, 2, 3].map((k) => `${w.slice(0, k)}?${w.slice(k + 1)}`)
    if (w[0] === w[1]) keys.push(`??${w.slice(2)}`)
    if (w[2] === w[3]) keys.push(`${w.slice(0, 2)}??`)
    const idiom = keys.map((k) => index.get(k)).find((x) => x)
    if (!idiom) continue
    out.push(at('typo', 'must', i, w, `“${w}”是“${idiom}”的错写，应为“${idiom}”。`, idiom))
    i += 3
  }
  return out
}

// Verbs whose complement of degree takes 得: 开展得有声有色, 落实得不够到位.
const DE_VERB = '开展|落实|推进|完成|执行|贯彻|组织|做|搞|抓|办|干|学|讲|管'
const DE_DEGREE = '不够|不太|很|非常|十分|更加|比较|较为|有声有色|扎实|红火|井井有条|不错'
// Adverbs of manner before a verb take 地: 认真地学习, 扎实地推进.
const DI_ADVERB =
  '认真|扎实|积极|稳步|有序|深入|全面|切实|不断|逐步|有效|主动|大力|广泛|持续|科学|合理|严格|坚定'
const DI_VERB =
  '学习|推进|开展|落实|做好|抓好|实施|完成|贯彻|执行|推动|加强|参与|研究|整改|排查|组织'
const DE_NOUN = '成效|成绩|效果|进展|变化|成果|作用|提高|提升'

/** 的/地/得 by the words around them, and 再/在, 象/像 by theirs. */
function particles(t: string): TextFinding[] {
  return [
    ...all(new RegExp(`(?<=(?:${DE_VERB}))的(?=(?:${DE_DEGREE}))`, 'g'), t, (m) =>
      at(
        'typo',
        'must',
        m.index! - 2 >= 0 ? m.index! : m.index!,
        '的',
        '动词后接表示程度的补语，用“得”。',
        '得',
      ),
    ),
    ...all(new RegExp(`(?<=(?:${DI_ADVERB}))的(?=(?:${DI_VERB}))`, 'g'), t, (m) =>
      at('typo', 'should', m.index!, '的', '修饰动词用“地”。', '地'),
    ),
    ...all(
      new RegExp(`(?<=(?:显著|明显|良好|丰硕|可喜|积极|突出|长足))地(?=(?:${DE_NOUN}))`, 'g'),
      t,
      (m) => at('typo', 'must', m.index!, '地', '修饰名词用“的”。', '的'),
    ),
    ...all(
      /再(?=(?:全县|全市|全区|全省|全国|全校|全镇|全乡|各地|各校|本县|本市|本校)(?:范围|内|上|中|开展|推广))/g,
      t,
      (m) => at('typo', 'must', m.index!, '再', '表示处所用“在”。', '在'),
    ),
    ...all(/在次(?=强调|召开|开展|举办|提醒|重申|获得|被评|组织|印发)/g, t, (m) =>
      at('typo', 'must', m.index!, '在次', '表示又一次用“再次”。', '再次'),
    ),
    ...all(/(?<![现形对景气印抽想图表假迹万意星物具])象(?=[^，。；]{1,12}一样)/g, t, (m) =>
      at('typo', 'must', m.index!, '象', '表示比喻、好比用“像”。', '像'),
    ),
    // 作 forms bound words (作风, 作用, 作业, 作息, 作弊): 做 there is a typo.
    ...all(/做(?=[风用业息弊])/g, t, (m) =>
      at('typo', 'must', m.index!, '做', '“作风、作用、作业”等词用“作”。', '作'),
    ),
    ...all(/当做(?=[^，。；]{0,4}(?:大事|重点|任务|工作|头等|首要|抓手|目标))/g, t, (m) =>
      at('typo', 'should', m.index!, '当做', '“当成”义的“当作”，规范写法用“作”。', '当作'),
    ),
    // 汇报, 汇总: gathering is 汇; 会报告, 会总结 are other words.
    ...all(/会(?=报(?![告名到道送销账刊表考])|总(?![结体计数务部长书台额督工监会]))/g, t, (m) =>
      at(
        'typo',
        'must',
        m.index!,
        t.slice(m.index!, m.index! + 2),
        '表示汇集、向上报告用“汇”。',
        `汇${t[m.index! + 1]}`,
      ),
    ),
    // 受教育的权利: what a person is entitled to is 权利; 权力 is an office's power.
    ...all(/(?<=(?:受教育|接受教育|学习|儿童|少年|学生|公民|平等|合法)的?)权力/g, t, (m) =>
      at('typo', 'must', m.index!, '权力', '指人依法享有的权益用“权利”。', '权利'),
    ),
    // 权利 pairs with 义务 (…的权力，也是应尽的义务); an office's 权力 is exercised or checked, and
    // 义务教育 is a school stage, not a duty.
    ...all(
      /(?<!行使|规范|监督|制约|公共|行政|公权)(?<!(?:受教育|接受教育|学习|儿童|少年|学生|公民|平等|合法)的?)权力(?=[^。；！？]{0,20}义务(?!教育))/g,
      t,
      (m) => at('typo', 'should', m.index!, '权力', '与“义务”相对的是“权利”。', '权利'),
    ),
    // 既要…又要: 即 is a slip for 既 in this pair.
    ...all(
      /即(?=(?:要|是|有|能|可|讲|抓|重)[^。；]{1,30}?[又也](?:要|是|有|能|可|讲|抓|重))/g,
      t,
      (m) => at('typo', 'must', m.index!, '即', '“既……又……”用“既”。', '既'),
    ),
    // 账 for accounts: 台账, 专账, 记账, 账目.
    ...all(/(?<=[台专记查对转算结挂])帐|帐(?=[目户号务本册款])/g, t, (m) =>
      at('typo', 'must', m.index!, '帐', '与钱物记录有关的“账”用“贝”字旁。', '账'),
    ),
    // 及其家长: 极其 (extremely) does not stand before a noun.
    ...all(/极其(?=家长|家属|子女|监护人|亲属|家庭)/g, t, (m) =>
      at('typo', 'must', m.index!, '极其', '连接名词用“及其”。', '及其'),
    ),
  ]
}

export function words(t: string): TextFinding[] {
  const listed = lexicon(t)
  // The lexicon's entry says more than a class rule on the same characters.
  const covered = (f: TextFinding) =>
    listed.some((l) => l.offset < f.offset + f.length && f.offset < l.offset + l.length)
  const classes = [...idiomSlips(t), ...particles(t)].filter((f) => !covered(f))
  return [...doubledWords(t), ...listed, ...classes]
}

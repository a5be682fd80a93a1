import { CATALOGUE, type CatalogueEntry } from '../indicators/catalogue.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../indicators/model.ts'
import { parseIndicatorValue } from '../indicators/parse-value.ts'

/** A figure of the source offered as an indicator; the writer takes it or leaves it. */
export interface FigureSuggestion {
  /** The body block it stands in. */
  block: number
  /** The words that name it: 资助家庭经济困难学生. */
  phrase: string
  /** The catalogue indicator's name where it maps to one, else the phrase. */
  name: string
  value: string
  unit: string
  /** The figure as written: 3182人. */
  text: string
  /** 共/合计/累计/全年: a total of the figures stated around it. */
  total: boolean
  /** The catalogue indicator it maps to, by meaning; null for one of the report's own. */
  catalogKey: string | null
  /** The id of the indicator taking it makes: the catalogue key, or one of the report's own. */
  indicatorId: string
  group: string
}

/** Units of the figures a work report states, longest first so 人次 wins over 人. */
const UNITS = [
  '个百分点',
  '万平方米',
  '平方米',
  '平方公里',
  '万元',
  '亿元',
  '千元',
  '元',
  '万人次',
  '人次',
  '户次',
  '台次',
  '场次',
  '班次',
  '万人',
  '人',
  '万册',
  '册',
  '所',
  '个',
  '间',
  '台',
  '套',
  '张',
  '处',
  '节',
  '次',
  '件',
  '起',
  '户',
  '名',
  '批次',
  '批',
  '场',
  '项',
  '期',
  '篇',
  '门',
  '对',
  '支',
  '辆',
  '座',
  '栋',
  '幢',
  '亩',
  '公里',
  '米',
  '吨',
  '课时',
  '学时',
  '份',
  '条',
  '家',
  '%',
  '％',
].sort((a, b) => b.length - a.length)

// Not after a letter, 第 (an ordinal) or a digit and a dash (a telephone number, a range's end).
const FIGURE = new RegExp(
  `(?<![\\d.．A-Za-z第])(?<!\\d[-－—])(\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(?:余|多)?\\s*(${UNITS.join('|')})`,
  'g',
)

const LEAD =
  /^(?:其中|另外|此外|同时|全年|今年|当年|上半年|下半年|本学期|本年度|年内|目前|现|全县|全镇|全乡|全区|全市|全校|全系统|我县|我镇|我乡|我校|我局|我区|县|镇|乡|共计|共|累计|合计|总计|现有|有|已|并|和|及|与|为|对)+/
const TAIL =
  /(?:达到了?|达|为|是|共计|共|计|约|有|保持在|提高到|提升到|增加到|下降到|降至|增至|累计|合计|总计|超过|近|逾|了|的|到)+$/
const DELIMITERS = new Set([...'，。；：、,;:（(“”"\u3000 ）)'])
const TOTAL = /共|合计|累计|总计|全年|总数|总量|总投入/

/** Phrases writers use for a catalogue indicator whose name they do not write out. */
const SYNONYMS: [RegExp, string][] = [
  [/奖助学金|助学金|资助资金|发放资助|资助金/, 'aid-amount'],
  [/资助.*学生|受助学生/, 'aided-students'],
  [/招录教师|招聘教师|招考教师|新进教师|补充教师|新教师/, 'new-teachers'],
  [/培训教师|教师培训/, 'teacher-training'],
  [/教育经费|教育投入/, 'education-funding'],
  [/毛入园率/, 'preschool-3y-gross'],
  [/巩固率/, 'retention-9y'],
  [/专任教师/, 'teachers'],
  [/营养改善计划|营养餐/, 'nutrition-beneficiaries'],
]

const ENTRY_BY_KEY = new Map(CATALOGUE.map((e) => [e.key, e]))
/** Catalogue names and aliases, longest first, for the name the phrase ends in. */
const NAMES = CATALOGUE.filter((e) => e.kind !== 'text')
  .flatMap((e) => [e.name, ...(e.aliases ?? [])].map((name) => ({ name, entry: e })))
  .sort((a, b) => b.name.length - a.name.length)

const unitFits = (entry: CatalogueEntry, unit: string) =>
  entry.kind === 'percent' ? unit === '%' || unit === '％' : entry.unit === unit

/** "改造危房面积3200平方米" states work done, not the indicator. */
const WORK_DONE = /(?:改造|消除|维修|新增|减少|增加|新建|培训了?)$/

function catalogueFor(phrase: string, unit: string): CatalogueEntry | null {
  for (const { name, entry } of NAMES) {
    const at = phrase.indexOf(name)
    if (at === -1 || !unitFits(entry, unit)) continue
    return WORK_DONE.test(phrase.slice(0, at)) ? null : entry
  }
  for (const [re, key] of SYNONYMS) {
    const entry = ENTRY_BY_KEY.get(key)
    if (entry && re.test(phrase) && unitFits(entry, unit)) return entry
  }
  return null
}

/** 公示5个工作日, 3个月: a length of time, not a count. */
const SPAN_AFTER = /^(?:工作日|自然日|月|学期|学年|小时|星期|季度)/
/**
 * 56人以上大班额: the figure defines a kind of thing (a threshold), it counts nothing. Not
 * 2000人以上并…, where a verb or a conjunction follows.
 */
const THRESHOLD_AFTER = /^(?:及|或)?(?:以上|以下)的?(?![并和及且均都已为是])[\u4e00-\u9fff]/

/**
 * Every figure with a unit in a block, with the phrase before it back to the clause's start.
 * One regular-expression pass per block; the catalogue lookup is bounded by the catalogue.
 */
export function figuresOf(text: string, block: number): FigureSuggestion[] {
  const out: FigureSuggestion[] = []
  for (const m of text.matchAll(FIGURE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8)
    if (m[2] === '个' && SPAN_AFTER.test(after)) continue
    if (THRESHOLD_AFTER.test(after)) continue
    // Back to the clause's start, at most 30 characters: bounded work per figure.
    let end = m.index
    while (end > 0 && m.index - end < 3 && /\s/.test(text[end - 1]!)) end--
    let start = end
    while (start > 0 && end - start < 30 && !DELIMITERS.has(text[start - 1]!)) start--
    const raw = text.slice(start, end)
    const phrase = raw.replace(LEAD, '').replace(TAIL, '').trim()
    const unit = m[2] === '％' ? '%' : m[2]!
    const value = m[1]!.replace(/[,，]/g, '')
    const entry = phrase ? catalogueFor(phrase, unit) : null
    out.push({
      block,
      phrase,
      name: entry?.name ?? phrase,
      value,
      unit,
      text: m[0],
      total: TOTAL.test(raw),
      catalogKey: entry?.key ?? null,
      indicatorId: entry?.key ?? ownId(phrase, unit),
      group: entry?.group ?? '自定义',
    })
  }
  return out
}

const ownId = (phrase: string, unit: string) => `import-${phrase}-${unit}`.slice(0, 64)

const KIND_OF_UNIT = (unit: string): DraftIndicator['kind'] =>
  unit === '%' ? 'percent' : /元$/.test(unit) ? 'money' : /平方|亩/.test(unit) ? 'area' : 'count'

/**
 * The indicators the writer takes from the suggestions (全部采用, or `--figures`): one per
 * catalogue indicator or phrase, the first value stated; this year's or last year's column.
 */
export function indicatorsFromSuggestions(
  suggestions: readonly FigureSuggestion[],
  options: { previousYear: boolean },
): DraftIndicator[] {
  const out = new Map<string, DraftIndicator>()
  // A catalogue indicator stated with different values is the writer's choice, not ours.
  const values = new Map<string, Set<string>>()
  for (const s of suggestions)
    if (s.catalogKey) values.set(s.catalogKey, (values.get(s.catalogKey) ?? new Set()).add(s.value))
  for (const s of suggestions) {
    if (!s.phrase || s.unit === '个百分点') continue
    if (s.catalogKey && values.get(s.catalogKey)!.size > 1) continue
    const entry = s.catalogKey ? ENTRY_BY_KEY.get(s.catalogKey) : undefined
    const id = s.indicatorId
    if (out.has(id)) continue
    const base: DraftIndicator = entry
      ? indicatorFromCatalogue(entry, entry.key)
      : {
          ...indicatorFromCatalogue(
            {
              key: id,
              name: s.phrase.slice(0, 60),
              group: '自定义',
              kind: KIND_OF_UNIT(s.unit),
              unit: s.unit,
            },
            id,
          ),
          catalogKey: null,
          integer: !s.value.includes('.'),
        }
    const parsed = parseIndicatorValue({ ...base, current: null, previous: null }, s.value)
    if (!parsed.ok || parsed.value === null) continue
    out.set(id, {
      ...base,
      current: options.previousYear ? null : parsed.value,
      previous: options.previousYear ? parsed.value : null,
    })
  }
  return [...out.values()]
}

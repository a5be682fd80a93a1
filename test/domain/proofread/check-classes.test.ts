// The classes of slip the issue names, and the correct writing each must leave alone.
import { describe, expect, it } from 'vitest'

import { heading, paragraph, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftMeta } from '../../../domain/draft/draft.ts'
import { applyFix, checkText } from '../../../domain/proofread/checks.ts'
import {
  checkDraft,
  FINDING_GROUPS,
  GROUP_ORDER,
  groupFindings,
  proofread,
  summarizeFindings,
} from '../../../domain/proofread/proofread.ts'

const context = { unit: '云溪县教育局', kind: 'annual' as const }
const check = (text: string, year = 2025) => checkText(text, year, context)
const fixed = (text: string, year = 2025) =>
  check(text, year)
    .filter((f) => f.fix !== undefined)
    .reduceRight((t, f) => applyFix(t, f), text)

describe('placeholders in every form', () => {
  it.each([
    ['全县XX所学校', 'XX'],
    ['xx 县教育局', 'xx'],
    ['ＸＸ镇中心学校', 'ＸＸ'],
    ['在××县教育局指导下', '××'],
    ['20 xx年秋季学期', '20 xx年'],
    ['专任教师X人', 'X'],
    ['***镇中心学校', '***'],
    ['巩固率达到**.**%', '**.**'],
    ['20**年，我校', '20**'],
    ['○○乡中心学校', '○○'],
    ['联合□□部门', '□□'],
    ['△△小学', '△△'],
    ['某某县教育局认真落实', '某某县'],
    ['要在____前报送', '____'],
    ['新建实验室（此处填写数量）间', '（此处填写数量）'],
    ['本部分写存在的问题，一般列三条。全县城乡仍不均衡。', '本部分写存在的问题，一般列三条。'],
  ])('%s', (text, found) => {
    expect(
      check(text)
        .filter((f) => f.rule === 'placeholder')
        .map((f) => f.text),
    ).toContain(found)
  })

  it('某某 is a placeholder only where the report names its unit', () => {
    expect(checkText('某某县教育局认真落实', 2025, {}).map((f) => f.rule)).toEqual([])
  })
})

describe('punctuation beyond half-width marks', () => {
  it.each([
    ['全县开展〝万师访万家〞活动。', '全县开展“万师访万家”活动。'],
    ['实现了辍学学生动态清零。。', '实现了辍学学生动态清零。'],
    ['发现并整改隐患213处，。', '发现并整改隐患213处。'],
    ['分管副校长是直接责任人，', '分管副校长是直接责任人。'],
    ['我们将进一步 加强教师队伍建设。', '我们将进一步加强教师队伍建设。'],
    ['召开了三、四次专题会议。', '召开了三四次专题会议。'],
    ['做到人人会逃生、人人会自救.', '做到人人会逃生、人人会自救。'],
  ])('%s → %s', (text, right) => {
    expect(fixed(text)).toBe(right)
  })

  it('finds marks that do not pair up', () => {
    expect(check('全县推行“县管校聘管理改革。').map((f) => f.rule)).toContain('unpaired')
    expect(check('学校开展了人人上好一节课”活动。').map((f) => f.rule)).toContain('unpaired')
  })
})

describe('typos and misused words', () => {
  it.each([
    ['年初对全年工作进行了全面布署。', '年初对全年工作进行了全面部署。'],
    ['校园安全工作必须常抓不解。', '校园安全工作必须常抓不懈。'],
    ['防溺水宣传教育工作开展的有声有色。', '防溺水宣传教育工作开展得有声有色。'],
    ['各学校要建立动态监测台帐。', '各学校要建立动态监测台账。'],
    ['最後，要加强督促检查。', '最后，要加强督促检查。'],
    [
      '适龄儿童接受义务教育是法律赋予的权力，也是应尽的义务。',
      '适龄儿童接受义务教育是法律赋予的权利，也是应尽的义务。',
    ],
    ['全县共有幼儿圆64所。', '全县共有幼儿园64所。'],
    ['新校区于9月1日正式起用。', '新校区于9月1日正式启用。'],
    ['县学生自助管理中心受理贷款2136人。', '县学生资助管理中心受理贷款2136人。'],
    ['全县教育系统剋服困难。', '全县教育系统克服困难。'],
    ['各学校要塌塌实实做好控辍保学工作。', '各学校要踏踏实实做好控辍保学工作。'],
  ])('%s → %s', (text, right) => {
    expect(fixed(text)).toBe(right)
  })
})

describe('years and dates', () => {
  it.each([
    ['县教育局印发《2025教育工作要点》。', '县教育局印发《2025年教育工作要点》。'],
    ['3月15在县第一中学召开推进会。', '3月15日在县第一中学召开推进会。'],
    ['县教育局于2025年12月26号召开总结会。', '县教育局于2025年12月26日召开总结会。'],
    ['县教育局于2025年01月05日印发要点。', '县教育局于2025年1月5日印发要点。'],
    ['现将我局2024年工作情况总结如下。', '现将我局2025年工作情况总结如下。'],
  ])('%s → %s', (text, right) => {
    expect(fixed(text)).toBe(right)
  })

  it.each([
    '今年（2024年）以来，全县教育系统认真落实“双减”要求。',
    '全县已于2025年2月29日完成春季开学安全大检查。',
    '全县教育工作会议于2025年3月5日至3月3日在县城召开。',
    '县教育局于2025年3月15日（星期一）召开会议。',
  ])('%s', (text) => {
    expect(check(text).some((f) => f.rule === 'year' || f.rule === 'date')).toBe(true)
  })
})

describe('figures that contradict themselves', () => {
  it.each([
    '兼职教师由12人增加到19人，增加7人，增长36.8%。',
    '今年普通高中录取512人，上年为488人，比上年减少24人。',
    '全县学前三年毛入园率由91.8%提高到93.6%，提高了1.8%。',
    '全县共有各级各类学校126所，其中幼儿园68所、小学39所、初中17所、普通高中3所。',
    '全县小学适龄儿童净入学率为100.2%。',
    '全县从十个方面推进优质均衡发展：一是规划布局，二是经费保障，三是师资配备。',
  ])('%s', (text) => {
    expect(check(text).some((f) => f.rule === 'arithmetic' || f.rule === 'count')).toBe(true)
  })
})

describe('and no false alarm where the writer is right', () => {
  it.each([
    '全体教职工扎扎实实做事、认认真真育人。',
    '我们将实实在在减轻学生过重作业负担。',
    '这些变化的的确确是全体教职工辛勤付出的结果。',
    '大课间活动天天开展，家家户户发放《致家长的一封信》，交代得清清楚楚。',
    '校长是学校安全工作第一责任人，教研员深入第一线，做到第一时间报告。',
    '下一步，我们将在以下三个方面继续努力：一是加强队伍建设；二是深化课堂改革；三是加强家校共育。',
    '县教育局印发《松岭县2025年教育工作要点》。',
    '全县高中阶段毛入学率为102.3%。',
    '全县专任教师340人，比上年增加7人，增长2.1%。',
    '全县有各级各类学校12所，其中幼儿园5所、小学4所、初中3所。',
    '小学一、二年级不布置家庭书面作业。',
    '各校组织学习《中华人民共和国教师法》、《中华人民共和国义务教育法》。',
    '开展“万师访万家”、“护苗行动”等活动。',
    '严格规范权力运行，保障义务教育经费足额拨付。',
    '一批年轻干部起用后表现突出，图书馆设有自助工作站。',
    '讲清学生的权利和义务，大胆起用年轻干部，一起用餐。',
    '毕业季，大班幼儿圆满完成幼小衔接活动，食堂实行营养配餐，图书馆实行学生自助借还。',
  ])('%s', (text) => {
    expect(check(text)).toEqual([])
  })
})

const meta = (over: Partial<DraftMeta> = {}): DraftMeta => ({
  title: '',
  unit: '云溪县教育局',
  year: 2025,
  kind: 'annual',
  topic: '',
  superior: '',
  recipient: '',
  signature: '',
  date: '',
  lengthTarget: null,
  ...over,
})
const run = (content: DocNode[], over: Partial<DraftMeta> = {}) =>
  proofread({ meta: meta(over), body: { type: 'doc', content }, indicators: [] })

describe('across paragraphs', () => {
  it('a run-in heading, or one that is a whole sentence, is not an empty section', () => {
    const findings = run([
      heading(1, '主要工作'),
      heading(2, '强化组织领导。成立了以局长为组长的工作领导小组。'),
      heading(2, '完善教师培训体系，提高培训质量。'),
      heading(1, '存在的问题'),
    ])
    expect(findings.filter((f) => f.rule === 'empty-section').map((f) => f.block)).toEqual([3])
  })

  it('numbering may restart under a new parent but not skip', () => {
    const restart = run([
      paragraph('（二）抓德育，促进学生全面发展'),
      paragraph('1.以活动为载体。围绕重要节日开展主题教育活动11项。'),
    ])
    expect(restart.filter((f) => f.rule === 'sequence')).toEqual([])
    const skip = run([
      paragraph('（一）强化组织领导。成立了工作领导小组。'),
      paragraph('（三）规范学校管理。修订完善了考勤制度。'),
    ])
    expect(skip.filter((f) => f.rule === 'sequence').map((f) => f.text)).toEqual(['（三）'])
  })

  it('a 成文日期 before the year has run is queried', () => {
    const early = run([paragraph('全年工作总结。')], { date: '2025-06-12' })
    expect(early.some((f) => f.rule === 'date')).toBe(true)
    expect(run([paragraph('全年工作总结。')], { date: '2025-12-26' })).toEqual([])
  })

  it('a 成文日期 finding names the field of 基本信息 it is mended in; a date in the text does not', () => {
    const early = run([paragraph('全年工作总结。')], { date: '2025-06-12' })
    expect(early.filter((f) => f.field === 'date').map((f) => f.rule)).toEqual(['date'])
    const inText = run([paragraph('3月15在县第一中学召开推进会。')])
    expect(inText.some((f) => f.rule === 'date')).toBe(true)
    expect(inText.some((f) => f.field !== undefined)).toBe(false)
  })
})

describe('the groups of findings the panel, the export check and caogao check share', () => {
  const findings = () =>
    checkDraft({
      meta: meta({ date: '2025-06-12' }),
      body: {
        type: 'doc',
        content: [paragraph('全县新建幼儿圆3所,在园幼儿24,341人，教师X人。。')],
      },
      indicators: [],
    })

  it('lists the groups in one fixed order, each with its findings in text order', () => {
    const groups = groupFindings(findings())
    expect(groups.map((g) => g.group)).toEqual(['待填写', '标点', '年份日期', '数字', '错别字'])
    expect(groups.map((g) => g.findings.length)).toEqual([1, 2, 1, 1, 1])
    for (const g of groups) {
      expect(g.findings.every((f) => FINDING_GROUPS[f.rule] === g.group)).toBe(true)
      expect(GROUP_ORDER).toContain(g.group)
    }
    expect(summarizeFindings(findings())).toBe(
      '1 处待填写，2 处标点，1 处年份日期，1 处数字，1 处错别字',
    )
  })

  it('leaves out what the writer ignored', () => {
    const all = findings()
    const typo = all.find((f) => f.rule === 'typo')!
    const left = checkDraft({
      meta: meta({ date: '2025-06-12' }),
      body: {
        type: 'doc',
        content: [paragraph('全县新建幼儿圆3所,在园幼儿24,341人，教师X人。。')],
      },
      indicators: [],
      ignoredFindings: [typo.key],
    })
    expect(left).toHaveLength(all.length - 1)
    expect(summarizeFindings(left)).toBe('1 处待填写，2 处标点，1 处年份日期，1 处数字')
  })
})

describe('a doubled character that is two words side by side', () => {
  it.each([
    '为了了解学生的学习情况，学校开展了问卷调查。',
    '针对对象不同，分类开展培训。',
    '这是达到目的的有效手段。',
    '他就是是否参加培训的联系人。',
    '一对对师徒结对帮扶。',
  ])('%s', (text) => {
    expect(check(text).filter((f) => f.rule === 'doubled-word')).toEqual([])
  })

  it('still finds 的的 written twice', () => {
    expect(fixed('全区的的教育工作。')).toBe('全区的教育工作。')
  })
})

describe('a four-digit number that is a count or a school year is not a year without 年', () => {
  it.each(['全县植树2021株。', '2025学年第一学期开学。', '共有2019名学生参加。'])('%s', (text) => {
    expect(check(text).filter((f) => f.rule === 'year')).toEqual([])
  })
})

describe('a named count and the items that spell it out', () => {
  it('finds a count the list does not match, and reads a list inside brackets to its end', () => {
    expect(
      check('落实“五个一”要求：每周谈心一次，每月联系家长一次，每学期家访一次。').map(
        (f) => f.rule,
      ),
    ).toContain('count')
    expect(
      check(
        '开展了“三个一”（即：召开一次班会、开展一次演练、举办一次讲座）安全教育活动，强化安全意识。',
      ),
    ).toEqual([])
  })
})

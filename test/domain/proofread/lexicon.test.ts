import { describe, expect, it } from 'vitest'

import { findLexiconSlips } from '../../../domain/proofread/lexicon-match.ts'
import { LEXICON, type LexiconEntry } from '../../../domain/proofread/lexicon.ts'

const CJK = /[\u4e00-\u9fff]/

/** Sentences for entries whose firing depends on their surroundings: [with the slip, clean]. */
const SAMPLES = new Map<string, [string, string]>([
  ['截止', ['截止2025年底，全县共有学校87所。', '报名截止日期为3月1日，截至目前已有120人报名。']],
  ['截止到', ['截止到11月底，各校均已完成自查。', '截至11月底，各校均已完成自查。']],
  ['必需', ['各校必需坚持立德树人根本任务。', '各校必须坚持立德树人，为学生配齐学习必需品。']],
  ['做出', ['县委县政府做出重要部署，全县迅速行动。', '县委县政府作出重要部署，各校做出了样子。']],
  ['做为', ['做为县教育局，我们要带好头。', '作为县教育局，我们要多做为人民服务的实事。']],
  ['作好', ['各校要作好开学准备。', '各校要做好开学准备，工作好坏由群众评价。']],
  ['的做好', ['全体教师认真的做好期末复习工作。', '全体教师认真地做好期末复习工作。']],
  ['的抓好', ['各校扎实的抓好安全工作。', '各校扎实地抓好安全工作，这是我们抓好的第一件事。']],
  ['的很好', ['今年的课后服务做的很好。', '今年的课后服务做得很好。']],
  ['显着', ['全县教育质量显着提升。', '全县教育质量显著提升，校园文化凸显着地方特色。']],
  ['″', ['他说：″要把学校办好。″', '“要把学校办好。”他说。跳绳计时30″。']],
  [
    '起用',
    ['新校区于9月1日正式起用。', '新校区于9月1日正式启用，县里大胆起用年轻干部，师生一起用餐。'],
  ],
  ['起动', ['“书香校园”活动正式起动实施。', '“书香校园”活动正式启动实施，团县委发起动员。']],
  ['配餐', ['学校负责人配餐制度落实到位。', '学校负责人陪餐制度落实到位，食堂实行营养配餐。']],
  [
    '自助',
    ['县学生自助管理中心受理贷款。', '县学生资助管理中心受理贷款，图书馆实行学生自助借还。'],
  ],
  [
    '制订',
    ['县教育局制订了《教师考核办法》。', '县教育局制定了《教师考核办法》，各校制订了工作计划。'],
  ],
  [
    '以至',
    ['管理流于形式，以至出现事故。', '管理流于形式，以致出现事故；从县城以至乡村都有变化。'],
  ],
  ['倍受', ['少年宫建设倍受关注。', '少年宫建设备受关注，受助学生成倍受益。']],
  ['过度期', ['转设学校设置两年过度期。', '转设学校设置两年过渡期，防止家长过度期望。']],
  ['署假', ['各校做好署假安全教育。', '各校做好暑假安全教育，县教育局部署假期工作。']],
  ['署期', ['今年署期组织教师研修。', '今年暑期组织教师研修，工作部署期间分工明确。']],
  ['部置', ['各校认真部置开学工作。', '各校认真布置开学工作，监控画面全部置于大屏。']],
  ['按装', ['各校按装报警装置。', '各校安装报警装置，按装修标准改造宿舍。']],
])

function sampleFor(entry: LexiconEntry): [string, string] {
  return (
    SAMPLES.get(entry.wrong) ?? [
      `今年，全县${entry.wrong}工作有序开展。`,
      `今年，全县${entry.right}工作有序开展。`,
    ]
  )
}

const CLEAN_REPORT = `
2025年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届三中全会精神，认真落实县委、县政府决策部署，坚持立德树人根本任务，推进五育并举，扎实做好各项教育工作。现将全年工作总结如下。
一、主要工作及成效
（一）坚持党建引领，把牢办学方向。制定了《关于加强中小学党的建设工作的实施意见》，修订完善议事规则和决策程序，健全党组织领导的校长负责制。局党组作出决定，在全县中小学开展“学党史、强师德”主题活动，截至2025年11月底，共开展专题党课186场次，覆盖党员教师2400余人。各校以身作则、率先垂范，党员干部事必躬亲，深入一线解决实际问题，师生满意度明显提升。
（二）落实“双减”政策，提升课后服务质量。我们一如既往地把“双减”作为重点工作，建立校外培训机构日常巡查制度，全年检查机构312家次，下发整改通知书27份。全县义务教育学校课后服务实现全覆盖，学生参与率达96.4%。各校坚持循序渐进、精益求精，在作业设计上相辅相成、提纲挈领，作业总量和时长得到有效控制，家长反映良好。课后服务的报名截止日期为每学期开学后第二周，逾期不再受理。
（三）抓好控辍保学，保障适龄儿童入学。严格执行控辍保学“七长”责任制，建立健全劝返复学动态监测机制，对疑似辍学学生逐一登记、逐人跟踪。截至目前，全县义务教育阶段无失学辍学学生，巩固率保持在99.8%以上。对于家庭经济困难学生，我们落实资助政策，发放各类资助资金1860万元，做到应助尽助。
（四）实施营养改善计划，守护学生健康。全县87所农村学校全部纳入营养改善计划，受益学生2.3万人。食堂管理实行“明厨亮灶”，每周公开食谱和账目，学校负责人陪餐制度落实到位。我们还开展了食品安全专项检查，发现问题即查即改，确保学生吃得安全、吃得营养。
（五）加强教育督导，推动依法治教。完善县、乡两级教育督导机制，聘任责任督学56名，实现挂牌督导全覆盖。全年开展综合督导和专项督导14次，形成督导报告14份，督促整改问题93个。督导结果作为学校年度考核的重要依据，既发现问题，又推广经验。
（六）建设高素质教师队伍。组织新教师岗前培训、骨干教师研修和校长任职资格培训，全年培训教师4200人次。开展“名师工作室”建设，评选县级学科带头人42名。实施乡村教师生活补助政策，改善乡村学校教师周转宿舍条件。广大教师爱岗敬业，再接再厉，教育教学质量突飞猛进，中考成绩创历史新高。
（七）改善办学条件。投入资金1.2亿元，新建、改扩建校舍3.6万平方米，新增学位2700个。完成全县中小学教室照明改造和直饮水设备安装，校园安全防范设施全面升级，视频监控系统与公安联网。学校图书、实验仪器按标准配备到位，信息化水平进一步提高。
二、存在的问题
一是城乡教育发展不平衡，农村学校生源持续减少，部分学校规模过小，办学效益不高。二是教师结构性缺编问题依然存在，音乐、体育、美术、心理健康教育等学科教师不足。三是学前教育普惠资源总体不足，部分乡镇幼儿园保教质量有待提高。四是部分学校安全管理制度执行不到位，安全隐患排查整改不够彻底，必须引起高度重视。
三、2026年工作打算
（一）坚持立德树人，深化五育并举。把思想政治教育贯穿教育教学全过程，开齐开足体育、美育和劳动教育课程，让学生在实践中明辨是非、增长才干。
（二）深化“双减”改革。坚持学校教育主阵地作用，持续提升课堂教学质量，完善课后服务经费保障机制，做好校外培训治理工作，防止问题反弹。
（三）巩固控辍保学成果。落实部门联控联保责任，做好适龄残疾儿童少年入学安置工作，确保一个都不少。
（四）加强教师队伍建设。修订教师招聘和交流轮岗办法，争取上级支持补充紧缺学科教师，提高乡村教师待遇，让教师安心从教、热心从教。
（五）健全教育督导体系。完善督学管理和考核办法，强化督导结果运用，推动督导问责落到实处。
我们将矢志不渝地推进教育改革发展，以更加务实的作风、更加有力的举措，努力办好人民满意的教育，为全县经济社会高质量发展作出新的更大贡献。
附：全县教育事业基本情况统计表（截至2025年12月）。本报告数据由各股室汇总，经局长办公会议审定后报送。联系人：教育股张同志，联系电话另附。
各学校要按部就班落实各项制度，防止工作松弛。面对部分薄弱学校一筹莫展的局面，局领导坐镇一线，针砭时弊，寒暄少了，实干多了。教师们利用假期度假休整，新学期迫不及待地投入工作。勤俭节约的好作风家喻户晓，不言而喻，这是全县教育系统谈笑风生背后的辛勤付出。迄今为止，我们没有沉湎于已有成绩，也不会蜂拥而上搞形式主义；与往年相比，今年工作思路大相径庭，辐射带动作用明显，人民群众的脉搏我们时刻把握。
其他事项按原有规定执行。学生养成良好习惯彻底告别拖拉作业，若干县市的同行前来观摩。校园文化墙凸显着书香特色，彰显着办学理念。各校开展名著阅读，用经典慰藉心灵；在乾县交流时，我们参观了乾陵。报名截止时间另行通知，文件反复盖章确认无误。这次会议做出了样子，校长办公室把工作做得很好，老师们认真地做好每一件事。
今年令人振奋的是，各校开展预防犯罪教育，营造平安祥和的校园环境；交通迅速改善，作家俱乐部走进校园，勤廉结合的作风深入人心。清明节师生深沉缅怀革命先烈，通过抽签定岗、按排名先后录用新教师。
暑期，师生走进陕西历史博物馆开展研学，并与江西余干县、新干县的学校结对交流，不再作好作歹地说教。
`

describe('the lexicon is well formed', () => {
  it('has at least 150 entries in both families', () => {
    expect(LEXICON.length).toBeGreaterThanOrEqual(150)
    expect(LEXICON.some((e) => e.family === 'typo')).toBe(true)
    expect(LEXICON.some((e) => e.family === 'fanjian')).toBe(true)
  })

  it.each(LEXICON.map((e) => [e.wrong, e] as const))('%s', (_, entry) => {
    expect(entry.wrong.length).toBeGreaterThan(0)
    expect(entry.right.length).toBeGreaterThan(0)
    expect(entry.right).not.toBe(entry.wrong)
    expect(['must', 'suspect']).toContain(entry.grade)
    expect(['typo', 'fanjian']).toContain(entry.family)
    expect(entry.reason).toMatch(CJK)
    expect(entry.reason.endsWith('。')).toBe(true)
    expect(entry.reason.length).toBeLessThanOrEqual(40)
    for (const a of entry.allow ?? []) {
      expect(a).toContain(entry.wrong)
      expect(a).not.toBe(entry.wrong)
    }
    if (entry.context !== undefined) {
      expect(() => new RegExp(entry.context!, 'y')).not.toThrow()
      expect(entry.context).toContain(entry.wrong)
    }
  })

  it('has no wrong string twice', () => {
    const seen = new Set<string>()
    const twice = LEXICON.filter((e) => seen.size === seen.add(e.wrong).size).map((e) => e.wrong)
    expect(twice).toEqual([])
  })
})

describe('every entry fires on its slip and on nothing correct', () => {
  it.each(LEXICON.map((e) => [e.wrong, e] as const))('%s', (_, entry) => {
    const [bad, good] = sampleFor(entry)
    const at = bad.indexOf(entry.wrong)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(findLexiconSlips(bad)).toContainEqual({ offset: at, length: entry.wrong.length, entry })
    expect(good).toContain(entry.right)
    expect(findLexiconSlips(good)).toEqual([])
  })

  it.each(LEXICON.filter((e) => e.allow).map((e) => [e.wrong, e] as const))(
    '%s stays quiet in its allowed words',
    (_, entry) => {
      for (const a of entry.allow!) {
        for (const text of [a, `全县${a}工作`, `${a}。`]) {
          expect(findLexiconSlips(text).filter((s) => s.entry === entry)).toEqual([])
        }
      }
    },
  )
})

describe('findLexiconSlips', () => {
  it('finds nothing in a clean report of some 2,000 characters', () => {
    expect(CLEAN_REPORT.length).toBeGreaterThan(2000)
    expect(findLexiconSlips(CLEAN_REPORT).map((s) => s.entry.wrong)).toEqual([])
  })

  it('finds every slip planted in the clean report, at its offset', () => {
    const planted = CLEAN_REPORT.replace('贯彻党的', '惯彻党的')
      .replace('再接再厉', '再接再励')
      .replace('“双减”政策', '「双减」政策')
      .replace('后第二周', '後第二周')
    const found = findLexiconSlips(planted).map((s) => [
      s.entry.wrong,
      planted.slice(s.offset, s.offset + s.length),
    ])
    expect(found).toEqual([
      ['惯彻', '惯彻'],
      ['「', '「'],
      ['」', '」'],
      ['後', '後'],
      ['再接再励', '再接再励'],
    ])
  })

  it('prefers the longest entry and does not report inside it again', () => {
    const slips = findLexiconSlips('其馀经费用于课馀活动，馀下部分上缴。')
    expect(slips.map((s) => s.entry.wrong)).toEqual(['其馀', '课馀', '馀'])
    expect(slips.map((s) => s.offset)).toEqual([0, 6, 11])
  })

  it('reads allowed words and contexts around the match, also at the text edges', () => {
    expect(findLexiconSlips('习惯彻底')).toEqual([])
    expect(findLexiconSlips('惯彻').map((s) => s.entry.right)).toEqual(['贯彻'])
    expect(findLexiconSlips('报名截止')).toEqual([])
    expect(findLexiconSlips('截止目前').map((s) => s.entry.right)).toEqual(['截至'])
    expect(findLexiconSlips('凸显着')).toEqual([])
    expect(findLexiconSlips('显着').map((s) => s.entry.right)).toEqual(['显著'])
  })

  it('takes a lexicon of its own', () => {
    const own: LexiconEntry[] = [
      { wrong: '甲', right: '乙', grade: 'must', family: 'typo', reason: '测试。' },
    ]
    expect(findLexiconSlips('甲乙甲', own).map((s) => s.offset)).toEqual([0, 2])
    expect(findLexiconSlips('後甲', own).map((s) => s.offset)).toEqual([1])
  })

  it('finds as many slips in a report repeated 50 times as 50 times the slips of one', () => {
    const one = `${CLEAN_REPORT}截止目前，各校惯彻落实，「双减」见效。`
    const n = findLexiconSlips(one).length
    expect(n).toBe(4)
    expect(findLexiconSlips(one.repeat(50)).length).toBe(50 * n)
  })
})

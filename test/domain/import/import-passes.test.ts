import { describe, expect, it } from 'vitest'

import { figuresOf } from '../../../domain/import/figures.ts'
import { furnitureOf } from '../../../domain/import/furniture.ts'
import { importParagraphs, paragraphsOfText } from '../../../domain/import/import-paragraphs.ts'
import { joinHardWraps, splitFlattened } from '../../../domain/import/rewrap.ts'
import { structure } from '../../../domain/import/structure.ts'
import { factsOfTitle, stripTitleSuffix } from '../../../domain/import/title.ts'

describe('furniture by kind', () => {
  it.each([
    ['发布时间:2025-07-12 10:06:31 编辑:王晓 来源:县教育局 阅读:910次'],
    ['【字号：大 中 小】'],
    ['扫一扫在手机打开当前页'],
    ['上一篇：关于做好寒假安全工作的通知'],
    ['_第2页'],
    ['3/6'],
    ['【篇2】'],
    ['8页　2000字　下载量：15'],
    ['下面是小编为大家整理的工作总结，供大家参考。'],
    ['网址：http://www.example.gov.cn/a.html'],
  ])('drops %s', (line) => {
    expect(furnitureOf(line)?.action).toBe('drop')
  })

  it('never drops a report sentence that happens to name a site or a download', () => {
    const sentence =
      '2、实施教育信息化行动计划。建成教育城域网，开通本站资源下载服务，为全区各类学校装备图书15万册，较高标准地完成了装备工作目标，受到上级充分肯定。'
    expect(furnitureOf(sentence)?.action).not.toBe('drop')
    const result = importParagraphs(paragraphsOfText(`某某县2025年教育工作总结\n${sentence}`), {
      previousYear: false,
    })
    expect(JSON.stringify(result.body)).toContain('开通本站资源下载服务')
    expect(result.report.doubtful.map((d) => d.text)).toEqual([sentence])
  })
})

describe('levels as the writer meant', () => {
  const levels = (text: string) =>
    structure(paragraphsOfText(text))
      .blocks.filter((b) => b.kind === 'heading')
      .map((b) => `${b.level} ${b.text}`)

  it('takes 1. as level 1 when the report starts its headings with it', () => {
    expect(levels('1.工作情况\n（1）抓常规\n2.下步打算')).toEqual([
      '1 工作情况',
      '2 抓常规',
      '1 下步打算',
    ])
  })

  it('reads 一、 restarted under 二、 as the level below', () => {
    expect(
      levels('一、上半年工作\n（一）教学\n二、下半年思路\n一、抓开学\n二、抓安全\n三、总要求'),
    ).toEqual(['1 上半年工作', '2 教学', '1 下半年思路', '2 抓开学', '2 抓安全', '2 总要求'])
  })

  it('keeps short items ending in ； as paragraph text, not sections', () => {
    const { blocks } = structure(paragraphsOfText('一、做法\n1.看家庭收入；\n2.看住房条件；'))
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph'])
  })
})

describe('rewrapping', () => {
  it('splits text flattened into one line at its markers and spaces', () => {
    const flat = `某某县2025年工作总结\u3000${'全县教育稳步发展。'.repeat(20)}\u3000一、主要工作 全年新建校舍3所。（一）抓质量。成绩提升。`
    expect(splitFlattened(flat).slice(-3)).toEqual([
      '一、主要工作',
      '全年新建校舍3所。',
      '（一）抓质量。成绩提升。',
    ])
  })

  it('joins lines a PDF cut at one width, not a heading after them', () => {
    const para =
      '全县教育工作在县委县政府的领导下稳步推进，各项指标完成良好，群众满意度明显提高。'.repeat(3)
    const lines = [...para.match(/.{1,20}/g)!, '二、下步打算', ...para.match(/.{1,20}/g)!]
    const joined = joinHardWraps(lines.map((text) => ({ text })))
    expect(joined.map((l) => l.text)).toEqual([para, '二、下步打算', para])
  })
})

describe('a heading glued to its paragraph in a flattened line', () => {
  const glued = (sep: string) =>
    [
      '一、本学期工作回顾',
      '（一）课后服务覆盖面扩大' +
        sep +
        '全校开设兴趣社团课程十八门，参加课后服务的学生比上学期明显增多，家长反映良好。各年级安排教师轮流值守，放学后的看护时间延长到下午六点。',
      '（二）食堂管理更加规范' +
        sep +
        '学校按月公示食堂收支和带量食谱，每周组织家长代表陪餐一次，意见当场回复。食材采购全部进入县级平台，索证索票资料按月归档备查。',
      '二、下学期打算',
      '（一）办好社团课程。继续开齐开足兴趣社团课程，把课后服务办成家长放心的服务。',
    ].join('')
  const reportOf = (text: string) =>
    importParagraphs(paragraphsOfText(`某某小学2025年秋季学期工作总结\n${text}`), {
      previousYear: false,
    }).report
  const notes = (text: string) => reportOf(text).notes.filter((n) => n.includes('连在了一起'))

  it('is named in the notes, where nothing shows where the heading ends', () => {
    expect(glued('').length).toBeGreaterThanOrEqual(200)
    expect(notes(glued(''))).toEqual([
      '“课后服务覆盖面扩大全校开设兴趣社…”像是标题和正文连在了一起（原文把几段文字并成了一行，看不出标题在哪里结束），请核对，在标题结束处按回车分开。',
      '“食堂管理更加规范学校按月公示食堂…”像是标题和正文连在了一起（原文把几段文字并成了一行，看不出标题在哪里结束），请核对，在标题结束处按回车分开。',
    ])
  })

  it('is split, with no note, where a space stands after the heading; a run-in heading needs none', () => {
    expect(notes(glued('\u3000'))).toEqual([])
    expect(reportOf(glued('\u3000')).sections.map((x) => `${x.level} ${x.title}`)).toEqual([
      '1 本学期工作回顾',
      '2 课后服务覆盖面扩大',
      '2 食堂管理更加规范',
      '1 下学期打算',
      '2 办好社团课程。继续开齐开足兴趣社团课程，把课后服务办成家长放心的服务。',
    ])
  })
})

describe('title and figures', () => {
  it('strips what a site adds to a title and reads its facts', () => {
    expect(stripTitleSuffix('某某镇中心学校2025年学生资助工作总结_某某文库')).toBe(
      '某某镇中心学校2025年学生资助工作总结',
    )
    expect(factsOfTitle('某某县教育局2025年上半年工作总结及下半年工作思路')).toEqual({
      year: 2025,
      kind: 'half-year',
      topic: '',
      unit: '某某县教育局',
    })
  })

  it('finds every figure with a unit and the phrase that names it', () => {
    const figures = figuresOf(
      '全年共资助家庭经济困难学生3182人次，发放奖助学金52.7万元，巩固率达到99.2%。',
      0,
    )
    expect(figures.map((f) => [f.phrase, f.value, f.unit, f.total, f.catalogKey])).toEqual([
      ['资助家庭经济困难学生', '3182', '人次', true, 'aided-students'],
      ['发放奖助学金', '52.7', '万元', false, 'aid-amount'],
      ['巩固率', '99.2', '%', false, 'retention-9y'],
    ])
  })

  it('never offers a year, a date, an ordinal, a section number or a telephone number', () => {
    const text =
      '2025年9月1日起，（3）第3名学生获奖，咨询电话0731-84451234，12345热线受理，每班30-45人。'
    expect(figuresOf(text, 0)).toEqual([])
  })

  it('reads compound units whole, and leaves time limits and thresholds alone', () => {
    const figures = figuresOf(
      '开展送教下乡活动32场次，家访1800余户次；公示5个工作日；消除56人以上大班额17个，' +
        '毛入学率达到95%以上，培训教师2000人以上并全部考核合格。',
      0,
    )
    expect(figures.map((f) => f.text)).toEqual(['32场次', '1800余户次', '17个', '95%', '2000人'])
  })
})

import type { Doc, DocNode } from './doc.ts'
import { heading, paragraph } from './doc.ts'
import type { DraftKind } from './draft.ts'

/** The topics of a 专项工作总结, each with the subsections real reports use. */
export const TOPICS = {
  安全工作: [
    '落实安全工作责任',
    '开展安全隐患排查整治',
    '加强安全教育和应急演练',
    '强化校园周边环境治理',
  ],
  学生资助: ['全面落实各项资助政策', '规范资助工作管理', '加强资助育人'],
  教师队伍建设: ['加强师德师风建设', '补充优化教师队伍', '强化教师培训培养', '落实教师待遇保障'],
  教育帮扶与乡村振兴: [
    '巩固控辍保学成果',
    '落实教育帮扶政策',
    '改善乡村学校办学条件',
    '加强乡村教师队伍建设',
  ],
  信访维稳: ['压实信访工作责任', '畅通群众诉求渠道', '排查化解矛盾纠纷', '做好重点时段维稳工作'],
  职业与成人教育: [
    '推进中等职业教育发展',
    '开展农村实用技术和劳动力转移培训',
    '加强社区教育和扫盲工作',
  ],
} as const satisfies Record<string, readonly string[]>

export type Topic = keyof typeof TOPICS
export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[]

export function isTopic(value: string): value is Topic {
  return Object.hasOwn(TOPICS, value)
}

/** Guidance is an attribute of an empty paragraph: shown greyed, never part of the text. */
function guide(text: string): DocNode {
  return paragraph('', { guidance: text })
}

const ANNUAL_SUBSECTIONS = [
  [
    '坚持党建引领，加强思想政治工作',
    '写党组织建设、意识形态、党风廉政和师生思想政治教育的做法与成效。',
  ],
  [
    '推进学前教育普及普惠',
    '写幼儿园数、在园幼儿数、毛入园率、普惠性幼儿园覆盖率的变化和主要举措。',
  ],
  ['推动义务教育优质均衡发展', '写入学率、巩固率、控辍保学、大班额化解、随迁子女就学等情况。'],
  ['促进高中阶段教育多样化发展', '写高中阶段毛入学率、高考成绩、中职招生和办学情况。'],
  ['加强教师队伍建设', '写教师补充、培训、师德师风、待遇保障和交流轮岗。'],
  ['改善办学条件', '写项目建设、校舍改造、装备配备和投资金额。'],
  ['落实学生资助和民生保障', '写资助人次、资助金额、营养改善计划等。'],
  ['维护校园安全和教育稳定', '写安全责任落实、隐患排查、信访办理和应急处置。'],
] as const

function mainWorkSection(
  title: string,
  subsections: readonly (readonly [string, string])[],
): DocNode[] {
  return [
    heading(1, title),
    ...subsections.flatMap(([sub, hint]) => [heading(2, sub), guide(hint)]),
  ]
}

const PROBLEMS: DocNode[] = [
  heading(1, '存在的问题'),
  guide('实事求是写两到四个主要问题，如城乡教育发展不均衡、教师结构性缺编、办学条件仍有短板等。'),
]

function plans(title: string): DocNode[] {
  return [
    heading(1, title),
    guide('针对上述问题写明下一步的目标和措施，可用“一是……二是……三是……”分条写。'),
  ]
}

const OPENING = guide(
  '开头段：概括本年度工作的总体情况，如“在县委、县政府的正确领导下……全面完成了年初确定的各项目标任务。现将有关情况总结如下：”',
)
const CLOSING = guide(
  '结尾段：表明决心和态度，如“我们将以更加饱满的热情……为办好人民满意的教育作出新的更大贡献。”',
)

/** The body a new draft starts from. */
export function templateBody(kind: DraftKind, topic = ''): Doc {
  switch (kind) {
    case 'annual':
      return {
        type: 'doc',
        content: [
          OPENING,
          ...mainWorkSection('主要工作及成效', ANNUAL_SUBSECTIONS),
          ...PROBLEMS,
          ...plans('下一步工作打算'),
          CLOSING,
        ],
      }
    case 'half-year':
      return {
        type: 'doc',
        content: [
          guide(
            '开头段：概括上半年工作总体情况，如“今年以来，我局坚持……各项工作取得了阶段性成效。现将上半年工作总结及下半年工作思路报告如下：”',
          ),
          ...mainWorkSection('上半年主要工作及成效', ANNUAL_SUBSECTIONS.slice(0, 5)),
          ...PROBLEMS,
          ...plans('下半年工作思路'),
          CLOSING,
        ],
      }
    case 'topical': {
      const subsections = isTopic(topic)
        ? TOPICS[topic]
        : ['主要做法一', '主要做法二', '主要做法三']
      return {
        type: 'doc',
        content: [
          guide(`开头段：概括${topic || '本项工作'}的总体情况和主要成效。`),
          ...mainWorkSection(
            '主要工作及成效',
            subsections.map((s) => [s, '写具体做法、数字和成效。'] as const),
          ),
          ...PROBLEMS,
          ...plans('下一步工作打算'),
          CLOSING,
        ],
      }
    }
    case 'blank':
      return { type: 'doc', content: [paragraph()] }
  }
}

/** The title a new draft suggests from unit, year and kind. */
export function suggestTitle(meta: {
  unit: string
  year: number
  kind: DraftKind
  topic: string
}): string {
  const unit = meta.unit.trim()
  switch (meta.kind) {
    case 'annual':
      return `${unit}${meta.year}年教育工作总结`
    case 'half-year':
      return `${unit}${meta.year}年上半年工作总结及下半年工作思路`
    case 'topical':
      return `${unit}${meta.year}年${meta.topic || '专项'}工作总结`.replace('工作工作', '工作')
    case 'blank':
      return `${unit}${meta.year}年工作总结`
  }
}

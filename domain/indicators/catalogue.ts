import { z } from 'zod'

export const indicatorKindSchema = z.enum(['percent', 'count', 'money', 'area', 'ratio', 'text'])
export type IndicatorKind = z.infer<typeof indicatorKindSchema>

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  percent: '百分比',
  count: '数量',
  money: '金额',
  area: '面积',
  ratio: '比例（如21∶1）',
  text: '文字',
}

export interface CatalogueEntry {
  key: string
  name: string
  group: string
  kind: IndicatorKind
  unit: string
  /** Gross rates may pass 100 % (105.27 % is real); above 130 % is almost surely a typo. */
  gross?: boolean
  /** Dropout rates, dilapidated area, oversized classes, accidents: a fall is the good news. */
  lowerIsBetter?: boolean
  /** Above this the value is probably a typo: warn, do not refuse. */
  warnAbove?: number
  /** Shorter names writers use in running text ("巩固率"), for the consistency check. */
  aliases?: string[]
  definition?: string
  /**
   * The counts a rate or ratio is made of, per the definitions of indicators.md: a county
   * rate is recomputed from summed parts, never averaged. Rates whose parts indicators.md
   * does not define have none, and cannot be collected from units.
   */
  parts?: RateParts
}

export interface RatePart {
  name: string
  unit: string
  /** Whole numbers (people, books); false for areas. */
  whole: boolean
}

export interface RateParts {
  numerator: RatePart
  denominator: RatePart
}

const part = (name: string, unit = '人', whole = true): RatePart => ({ name, unit, whole })
const parts = (numerator: RatePart, denominator: RatePart): RateParts => ({
  numerator,
  denominator,
})

const DEF = {
  gross: '毛入学率 = 某级教育在校生数 ÷ 该级教育规定年龄组人口数 × 100%（可超过100%）',
  net: '净入学率/适龄儿童入学率 = 规定年龄组在校生数 ÷ 该年龄组人口数 × 100%',
  retention: '九年义务教育巩固率 = 初中毕业班学生数 ÷ 该年级入小学一年级时学生数 × 100%',
  dropout: '年辍学率 = 学年内辍学学生数 ÷ 学年初在校生数 × 100%',
  ratio: '生师比 = 在校生数 ÷ 专任教师数，写作“21∶1”；部分地区写师生比“1∶21”',
  qualified: '学历合格率 = 达到规定学历的专任教师数 ÷ 专任教师总数 × 100%',
  perStudent: '生均校舍面积 = 校舍建筑面积 ÷ 在校生数；生均图书 = 图书册数 ÷ 在校生数',
  undergrad: '本科上线率 = 本科上线人数 ÷ 参考人数 × 100%',
}

const pct = (
  key: string,
  name: string,
  group: string,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry => ({
  key,
  name,
  group,
  kind: 'percent',
  unit: '%',
  ...extra,
})
const cnt = (
  key: string,
  name: string,
  group: string,
  unit: string,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry => ({
  key,
  name,
  group,
  kind: 'count',
  unit,
  ...extra,
})

/** The starting catalogue of indicators.md. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  pct('preschool-3y-gross', '学前三年毛入园率', '学前教育', {
    gross: true,
    aliases: ['学前三年毛入园率', '三年毛入园率'],
    definition: DEF.gross,
    parts: parts(part('在园幼儿数'), part('3—5周岁人口数')),
  }),
  pct('preschool-1y-gross', '学前一年毛入园率', '学前教育', {
    gross: true,
    aliases: ['学前一年毛入园率', '一年毛入园率'],
    definition: DEF.gross,
    parts: parts(part('学前一年在园幼儿数'), part('5周岁人口数')),
  }),
  cnt('kindergartens', '幼儿园数', '学前教育', '所', { aliases: ['幼儿园数'] }),
  cnt('kindergarten-children', '在园幼儿数', '学前教育', '人', { aliases: ['在园幼儿'] }),
  pct('inclusive-kindergarten-coverage', '普惠性幼儿园覆盖率', '学前教育', {
    aliases: ['普惠性幼儿园覆盖率', '普惠率'],
  }),
  pct('public-kindergarten-share', '公办园在园幼儿占比', '学前教育'),
  pct('primary-enrolment', '小学适龄儿童入学率', '义务教育', {
    aliases: ['适龄儿童入学率', '儿童入学率'],
    definition: DEF.net,
    parts: parts(part('小学适龄儿童在校生数'), part('小学适龄儿童人口数')),
  }),
  pct('junior-gross', '初中毛入学率', '义务教育', {
    gross: true,
    aliases: ['初中毛入学率'],
    definition: DEF.gross,
    parts: parts(part('初中在校生数'), part('12—14周岁人口数')),
  }),
  pct('retention-9y', '九年义务教育巩固率', '义务教育', {
    aliases: ['巩固率'],
    definition: DEF.retention,
    parts: parts(part('初中毕业班学生数'), part('该年级入小学一年级时学生数')),
  }),
  cnt('primary-students', '小学在校生数', '义务教育', '人', {
    aliases: ['小学在校学生', '小学在校生'],
  }),
  cnt('junior-students', '初中在校生数', '义务教育', '人', {
    aliases: ['初中在校学生', '初中在校生'],
  }),
  pct('junior-dropout', '初中年辍学率', '义务教育', {
    lowerIsBetter: true,
    warnAbove: 5,
    aliases: ['辍学率'],
    definition: DEF.dropout,
    parts: parts(part('学年内初中辍学学生数'), part('学年初初中在校生数')),
  }),
  pct('disabled-enrolment', '残疾儿童少年入学率', '义务教育', {
    aliases: ['残疾儿童入学率', '残疾儿童少年入学率'],
  }),
  pct('primary-to-junior', '小学升初中比率', '义务教育', {
    aliases: ['升初中的比率', '小升初比率'],
  }),
  cnt('oversized-classes', '大班额数', '义务教育', '个', {
    lowerIsBetter: true,
    aliases: ['大班额'],
  }),
  cnt('migrant-students', '随迁子女在校生数', '义务教育', '人'),
  pct('migrant-public-share', '随迁子女公办学校就读比例', '义务教育'),
  pct('senior-gross', '高中阶段毛入学率', '高中阶段', {
    gross: true,
    aliases: ['高中阶段毛入学率'],
    definition: DEF.gross,
    parts: parts(part('高中阶段在校生数'), part('15—17周岁人口数')),
  }),
  cnt('senior-students', '普通高中在校生数', '高中阶段', '人', {
    aliases: ['高中在校学生', '高中在校生'],
  }),
  cnt('senior-intake', '普通高中招生数', '高中阶段', '人'),
  cnt('undergrad-admitted', '高考本科上线人数', '高中阶段', '人', { aliases: ['本科上线人数'] }),
  pct('undergrad-rate', '本科上线率', '高中阶段', {
    aliases: ['上线率'],
    definition: DEF.undergrad,
    parts: parts(part('本科上线人数'), part('参考人数')),
  }),
  cnt('vocational-intake', '中职学校招生数', '高中阶段', '人', { aliases: ['中职招生'] }),
  cnt('rural-tech-training', '农村实用技术培训人次', '成人与职业培训', '人次', {
    aliases: ['农村实用技术培训'],
  }),
  cnt('labour-transfer-training', '劳动力转移培训人次', '成人与职业培训', '人次', {
    aliases: ['劳动力转移就业培训', '劳动力转移培训'],
  }),
  cnt('teachers', '专任教师数', '教师队伍', '人', { aliases: ['专任教师'] }),
  pct('primary-teacher-qualified', '小学专任教师学历合格率', '教师队伍', {
    aliases: ['小学专任教师学历合格率'],
    definition: DEF.qualified,
    parts: parts(part('达到规定学历的小学专任教师数'), part('小学专任教师总数')),
  }),
  pct('junior-teacher-qualified', '初中专任教师学历合格率', '教师队伍', {
    aliases: ['初中专任教师学历合格率'],
    definition: DEF.qualified,
    parts: parts(part('达到规定学历的初中专任教师数'), part('初中专任教师总数')),
  }),
  {
    key: 'primary-pupil-teacher',
    name: '小学生师比',
    group: '教师队伍',
    kind: 'ratio',
    unit: '',
    aliases: ['小学生师比'],
    definition: DEF.ratio,
    parts: parts(part('小学在校生数'), part('小学专任教师数')),
  },
  {
    key: 'junior-pupil-teacher',
    name: '初中生师比',
    group: '教师队伍',
    kind: 'ratio',
    unit: '',
    aliases: ['初中生师比'],
    definition: DEF.ratio,
    parts: parts(part('初中在校生数'), part('初中专任教师数')),
  },
  cnt('new-teachers', '新招聘教师数', '教师队伍', '人', {
    aliases: ['新招聘教师', '公开招聘教师'],
  }),
  cnt('teacher-training', '教师培训人次', '教师队伍', '人次', { aliases: ['教师培训'] }),
  {
    key: 'school-floor-area',
    name: '校舍建筑面积',
    group: '办学条件',
    kind: 'area',
    unit: '平方米',
    aliases: ['校舍建筑面积'],
  },
  {
    key: 'floor-area-per-student',
    name: '生均校舍面积',
    group: '办学条件',
    kind: 'area',
    unit: '平方米',
    aliases: ['生均校舍面积'],
    definition: DEF.perStudent,
    parts: parts(part('校舍建筑面积', '平方米', false), part('在校生数')),
  },
  {
    key: 'dilapidated-area',
    name: '危房面积',
    group: '办学条件',
    kind: 'area',
    unit: '平方米',
    lowerIsBetter: true,
    aliases: ['危房面积'],
  },
  cnt('books-per-student', '生均图书', '办学条件', '册', {
    aliases: ['生均图书'],
    definition: DEF.perStudent,
    parts: parts(part('图书册数', '册'), part('在校生数')),
  }),
  cnt('computer-rooms', '计算机教室数', '办学条件', '间', { aliases: ['计算机教室'] }),
  pct('equipment-standard', '教学仪器达标率', '办学条件', { aliases: ['仪器达标率'] }),
  {
    key: 'construction-investment',
    name: '新建改扩建项目投资',
    group: '办学条件',
    kind: 'money',
    unit: '万元',
  },
  {
    key: 'education-funding',
    name: '教育经费总投入',
    group: '经费与资助',
    kind: 'money',
    unit: '万元',
    aliases: ['教育经费总投入', '教育经费'],
  },
  cnt('aided-students', '资助学生人次', '经费与资助', '人次', { aliases: ['资助学生'] }),
  {
    key: 'aid-amount',
    name: '资助金额',
    group: '经费与资助',
    kind: 'money',
    unit: '万元',
    aliases: ['资助金额'],
  },
  cnt('fee-exempt', '免除学杂费人数', '经费与资助', '人', { aliases: ['免除学杂费'] }),
  cnt('nutrition-beneficiaries', '营养改善计划受益学生数', '经费与资助', '人', {
    aliases: ['营养改善计划'],
  }),
  cnt('safety-accidents', '安全责任事故', '安全与稳定', '起', {
    lowerIsBetter: true,
    aliases: ['安全责任事故'],
  }),
  cnt('npc-proposals', '办理人大建议政协提案', '安全与稳定', '件', {
    aliases: ['人大建议', '政协提案'],
  }),
  pct('petition-closure', '信访件办结率', '安全与稳定', { aliases: ['办结率'] }),
  pct('primary-completion-15', '15周岁人口初等教育完成率', '扫盲与普及'),
  pct('junior-completion-17', '17周岁人口初级中等教育完成率', '扫盲与普及'),
  pct('literacy-15-24', '15—24周岁人口非文盲率', '扫盲与普及', { aliases: ['非文盲率'] }),
]

export const CATALOGUE_GROUPS = [...new Set(CATALOGUE.map((e) => e.group))]

export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.key === key)
}

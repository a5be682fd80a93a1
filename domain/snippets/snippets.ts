import { z } from 'zod'

import type { DocNode } from '../draft/doc.ts'
import type { DraftMeta } from '../draft/draft.ts'
import { GENERAL } from './library-general.ts'
import { TOPICAL } from './library-topics.ts'

export const GENERAL_CATEGORIES = ['开头', '过渡', '成绩', '举措', '问题', '打算', '结尾'] as const
export const TOPIC_CATEGORIES = [
  '党建',
  '学前教育',
  '义务教育',
  '高中教育',
  '职业与成人教育',
  '教师队伍',
  '办学条件与项目建设',
  '学生资助',
  '安全稳定',
  '督导与改革',
  '教育信息化',
] as const
export const CATEGORIES: readonly string[] = [
  ...GENERAL_CATEGORIES,
  ...TOPIC_CATEGORIES,
  '我的常用语',
]
export const USER_CATEGORY = '我的常用语'

export const snippetSchema = z.object({
  id: z.string().min(1).max(80),
  text: z.string().trim().min(1).max(2000),
  category: z.string().trim().min(1).max(20),
})
export type Snippet = z.infer<typeof snippetSchema> & { builtin?: boolean }

/** The built-in library; ids are stable so usage counts survive updates. */
export const BUILTIN_SNIPPETS: readonly Snippet[] = Object.entries({
  ...GENERAL,
  ...TOPICAL,
}).flatMap(([category, texts]) =>
  texts.map((text, i) => ({ id: `b:${category}:${i + 1}`, text, category, builtin: true })),
)

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'field'; name: string } | { kind: 'slot'; label: string }

export const FIELD_NAMES = ['单位', '年度', '上级', '下一年度', '主题'] as const

/** "在{上级}的领导下，[具体做法]。" → text, field and slot parts. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  const re = /\{([^{}]{1,10})\}|\[([^[\]]{1,20})\]/g
  let last = 0
  for (const m of template.matchAll(re)) {
    if (m.index > last) parts.push({ kind: 'text', text: template.slice(last, m.index) })
    if (m[1] !== undefined && (FIELD_NAMES as readonly string[]).includes(m[1]))
      parts.push({ kind: 'field', name: m[1] })
    else if (m[1] !== undefined) parts.push({ kind: 'text', text: m[0] })
    else parts.push({ kind: 'slot', label: m[2]! })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) })
  return parts
}

export type SnippetMeta = Pick<DraftMeta, 'unit' | 'year' | 'topic' | 'superior'>

/** A field's value from the report, or null when the report has none (it becomes a slot). */
export function fieldValue(name: string, meta: SnippetMeta): string | null {
  switch (name) {
    case '单位':
      return meta.unit.trim() || null
    case '年度':
      return String(meta.year)
    case '下一年度':
      return String(meta.year + 1)
    case '上级':
      return meta.superior.trim() || null
    case '主题':
      return meta.topic.trim() ? `${meta.topic.trim()}工作`.replace('工作工作', '工作') : null
    default:
      return null
  }
}

export const SLOT = 'snippetSlot'

/** The snippet as inline content for the editor: fields filled, open slots as slot nodes. */
export function fillSnippet(template: string, meta: SnippetMeta): DocNode[] {
  const nodes: DocNode[] = []
  const pushText = (text: string) => {
    if (!text) return
    const prev = nodes.at(-1)
    if (prev?.type === 'text') prev.text += text
    else nodes.push({ type: 'text', text })
  }
  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') pushText(part.text)
    else if (part.kind === 'field') {
      const value = fieldValue(part.name, meta)
      if (value === null) nodes.push({ type: SLOT, attrs: { label: part.name } })
      else pushText(value)
    } else nodes.push({ type: SLOT, attrs: { label: part.label } })
  }
  return nodes
}

/** The preview the panel shows: fields filled, slots in ［］. */
export function previewSnippet(template: string, meta: SnippetMeta): string {
  return fillSnippet(template, meta)
    .map((n) => (n.type === 'text' ? n.text : `［${String(n.attrs?.label)}］`))
    .join('')
}

const SECTION_CATEGORIES: [RegExp, string][] = [
  [/存在|问题|不足|困难/, '问题'],
  [/打算|思路|计划|下一步|下半年|明年/, '打算'],
  [/党建|党的建设|思想政治|党风/, '党建'],
  [/学前|幼儿/, '学前教育'],
  [/义务教育|控辍|均衡/, '义务教育'],
  [/高中|高考/, '高中教育'],
  [/职业|成人|职教|培训/, '职业与成人教育'],
  [/教师|队伍|师德/, '教师队伍'],
  [/办学条件|项目|建设|校舍/, '办学条件与项目建设'],
  [/资助|民生/, '学生资助'],
  [/安全|稳定|信访|维稳/, '安全稳定'],
  [/督导|改革|评价/, '督导与改革'],
  [/信息化|智慧|数字/, '教育信息化'],
  [/主要工作|成效|成绩|做法/, '成绩'],
]

/**
 * The categories that fit where the cursor is: under 存在的问题 the 问题 phrases, in a section
 * on 学前教育 the 学前教育 ones, before any heading the openings. Most specific first.
 */
export function categoriesForSection(
  path: readonly string[],
  beforeFirstHeading: boolean,
  atEnd: boolean,
): string[] {
  if (beforeFirstHeading) return ['开头']
  const found: string[] = atEnd ? ['结尾'] : []
  for (const title of [...path].reverse()) {
    for (const [re, category] of SECTION_CATEGORIES)
      if (re.test(title) && !found.includes(category)) found.push(category)
  }
  if (found.includes('成绩')) found.push('举措')
  return found
}

/** A snippet pack, as offices share them on a USB stick. */
export const snippetPackSchema = z.object({
  format: z.literal('caogao-snippets'),
  version: z.literal(1),
  snippets: z
    .array(z.object({ text: snippetSchema.shape.text, category: snippetSchema.shape.category }))
    .max(5000),
})
export type SnippetPack = z.infer<typeof snippetPackSchema>

import { plainText, type DocNode } from '../draft/doc.ts'
import type { DraftContent } from '../draft/draft.ts'
import { draftWordCount } from '../draft/word-count.ts'
import { findInconsistencies } from '../indicators/consistency.ts'
import { INDICATOR_REF, SNIPPET_SLOT } from '../indicators/references.ts'
import { runInSplit } from '../outline/heading-markers.ts'
import { buildOutline, outlineBlocksOf } from '../outline/outline.ts'
import { acrossParagraphs } from './across-paragraphs.ts'
import { checkText, type RuleId, type Severity } from './checks.ts'
import { periodEnd } from './dates.ts'

export type FindingRule = RuleId | 'slot' | 'guidance' | 'figure' | 'empty-section' | 'length'

export interface Finding {
  rule: FindingRule
  severity: Severity
  /** Top-level block and offset in its text (leaves count one character). */
  block: number
  offset: number
  length: number
  text: string
  message: string
  fix?: string
  /** The headings around it, for the panel. */
  section: string
  /** Stays the same while the text around it does: what 忽略 remembers. */
  key: string
  /** The field of 基本信息 the finding is about, where the writer mends it instead of the text. */
  field?: 'date'
}

export const FINDING_GROUPS: Record<FindingRule, string> = {
  placeholder: '待填写',
  slot: '待填写',
  guidance: '待填写',
  'half-width': '标点',
  'english-quotes': '标点',
  unpaired: '标点',
  'doubled-mark': '标点',
  ellipsis: '标点',
  dash: '标点',
  spacing: '标点',
  punctuation: '标点',
  sequence: '序号',
  count: '序号',
  year: '年份日期',
  date: '年份日期',
  ratio: '数字',
  thousands: '数字',
  figure: '数字',
  arithmetic: '数字',
  typo: '错别字',
  fanjian: '错别字',
  'doubled-word': '重复',
  'empty-section': '结构',
  length: '结构',
}

/** The groups in the one order the panel, the export check and `caogao check` list them in. */
export const GROUP_ORDER: readonly string[] = [...new Set(Object.values(FINDING_GROUPS))]

export interface FindingGroup {
  group: string
  findings: Finding[]
}

/** Findings by group, groups in GROUP_ORDER, each group's findings in the order given. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const by = new Map<string, Finding[]>(GROUP_ORDER.map((g) => [g, []]))
  for (const f of findings) by.get(FINDING_GROUPS[f.rule])!.push(f)
  return [...by]
    .filter(([, list]) => list.length > 0)
    .map(([group, list]) => ({ group, findings: list }))
}

/** What the 校对 panel, the export check and `caogao check` all run over a draft. */
export function checkDraft(
  content: Pick<DraftContent, 'meta' | 'body' | 'indicators'> & {
    ignoredFindings?: readonly string[]
  },
): Finding[] {
  return proofread({ ...content, ignored: content.ignoredFindings ?? [] })
}

/** Each block's text with references and slots as U+FFFC: what the checks read. */
export function checkedTexts(blocks: readonly DocNode[]): string[] {
  const leaf = () => '\ufffc'
  return blocks.map((b) => plainText(b, '', leaf))
}

/**
 * Everything a writer should see before the county office does. Runs over the whole report in
 * a few milliseconds; the editor calls it when typing pauses, never per keystroke.
 */
export function proofread(
  content: Pick<DraftContent, 'meta' | 'body' | 'indicators'> & { ignored?: readonly string[] },
): Finding[] {
  const blocks = content.body.content as DocNode[]
  const texts = checkedTexts(blocks)
  const outline = buildOutline(outlineBlocksOf(blocks))
  const sectionOf = (block: number) =>
    outline
      .filter((s) => s.index <= block && block < s.end)
      .map((s) => `${s.label}${s.title}`)
      .join(' › ') || '开头部分'
  const findings: Finding[] = []
  const add = (f: Omit<Finding, 'section' | 'key'>) => {
    const t = texts[f.block] ?? ''
    const key = `${f.rule}|${f.text}|${t.slice(Math.max(0, f.offset - 8), f.offset)}|${t.slice(f.offset + f.length, f.offset + f.length + 8)}`
    findings.push({ ...f, section: sectionOf(f.block), key })
  }

  const context = { unit: content.meta.unit, kind: content.meta.kind }
  texts.forEach((text, block) => {
    for (const f of checkText(text, content.meta.year, context, texts[block + 1] ?? ''))
      add({ ...f, block })
    const node = blocks[block]!
    const guidance = node.attrs?.guidance
    if (
      node.type === 'paragraph' &&
      typeof guidance === 'string' &&
      guidance &&
      text.trim() === ''
    ) {
      add({
        rule: 'guidance',
        severity: 'must',
        block,
        offset: 0,
        length: 0,
        text: '',
        message: `这里还没有填写：${guidance.slice(0, 30)}`,
      })
    }
    let offset = 0
    for (const child of node.content ?? []) {
      if (child.type === SNIPPET_SLOT) {
        add({
          rule: 'slot',
          severity: 'must',
          block,
          offset,
          length: 1,
          text: `［${String(child.attrs?.label)}］`,
          message: `常用语中的空“${String(child.attrs?.label)}”还没有填写。`,
        })
      }
      offset +=
        child.text?.length ?? (child.type === INDICATOR_REF || child.type === SNIPPET_SLOT ? 1 : 0)
    }
  })

  for (const i of findInconsistencies(texts, content.indicators)) {
    const name = content.indicators.find((x) => x.id === i.indicatorId)?.name ?? ''
    add({
      rule: 'figure',
      severity: 'must',
      block: i.block,
      offset: i.offset,
      length: i.length,
      text: i.found,
      message: `正文写“${i.found}”，但“${name}”指标为 ${i.expected}。`,
    })
  }

  for (const f of acrossParagraphs(blocks, texts)) add(f)

  outline.forEach((s) => {
    // A run-in heading carries its body on its own line, and a heading that is a whole
    // sentence (（一）完善培训体系，提高培训质量。) is its own content: neither is empty.
    const own = (texts[s.index] ?? '').trim()
    if (runInSplit(own) !== null || /[。！？；]$/.test(own)) return
    const hasText = texts.slice(s.index + 1, s.end).some((t) => t.trim() !== '')
    if (!hasText) {
      add({
        rule: 'empty-section',
        severity: 'should',
        block: s.index,
        offset: 0,
        length: 0,
        text: '',
        message: `“${s.label}${s.title}”下面还没有内容。`,
      })
    }
  })

  // 成文日期 before the period the report covers has run (an annual report dated in June).
  const written = /^(\d{4})-(\d{2})-(\d{2})$/.exec(content.meta.date)
  const end = periodEnd({ year: content.meta.year, kind: content.meta.kind })
  if (written && end && Number(written[1]) === content.meta.year && blocks.length > 0) {
    const [month, day] = [Number(written[2]), Number(written[3])]
    if (month < end.month || (month === end.month && day < end.day)) {
      add({
        rule: 'date',
        severity: 'should',
        block: blocks.length - 1,
        offset: 0,
        length: 0,
        text: '',
        message: `成文日期${written[1]}年${month}月${day}日早于报告所写时段结束，请核对成文日期。`,
        field: 'date',
      })
    }
  }

  const target = content.meta.lengthTarget
  if (target) {
    const words = draftWordCount({
      body: { type: 'doc', content: blocks },
      indicators: content.indicators,
    })
    if (words < target * 0.9 || words > target * 1.1) {
      add({
        rule: 'length',
        severity: 'should',
        block: 0,
        offset: 0,
        length: 0,
        text: '',
        message: `全文 ${words} 字，${words < target ? '少于' : '多于'}目标字数 ${target} 字。`,
      })
    }
  }

  const ignored = new Set(content.ignored ?? [])
  return findings.filter((f) => !ignored.has(f.key))
}

/** "3 处待填写，5 处标点": the summary before export, in GROUP_ORDER. */
export function summarizeFindings(findings: readonly Finding[]): string {
  return groupFindings(findings)
    .map((g) => `${g.findings.length} 处${g.group}`)
    .join('，')
}

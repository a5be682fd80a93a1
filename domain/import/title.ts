import type { DraftKind } from '../draft/draft.ts'

/** Words a report's title ends in, before any suffix a site adds. */
const TITLE_END =
  /(?:总结|报告|汇报|工作思路|工作计划|工作要点|打算|情况|述职|小结|自查|自评)(?:和|及|与)?(?:\S{0,24}(?:计划|思路|打算|要点))?$/

/** Suffixes a site or a file name adds to a title: _某某文库, 【通用版】, （精选）, .docx, _第1页, N页, N字, 第N篇. */
const SUFFIX =
  /(?:\s*(?:[_|｜\-—]\s*[^_|｜\-—]{1,20}|[【[（(][^】\]）)]{1,8}[】\]）)]|\.(?:docx?|wps|pdf|txt)|_?第\s*\d+\s*[页篇]|\d+\s*[页字]|第[一二三四五六七八九十]+篇))+$/i

/** The title without what a site or a file name added to it. */
export function stripTitleSuffix(text: string): string {
  let t = text.trim()
  // A title with a suffix is short: a paragraph is left as it is.
  if (t.length > 120) return t
  // Strip one suffix at a time, keeping the stripped part only while what is left still reads as a title.
  for (let i = 0; i < 4; i++) {
    const m = SUFFIX.exec(t)
    if (!m || m.index === 0) break
    const rest = t.slice(0, m.index).trim()
    if (!TITLE_END.test(rest)) break
    t = rest
  }
  return t
}

/** Whether a line reads like a report title: short, no sentence, ending in 总结/报告/工作思路 … */
export function readsLikeTitle(text: string): boolean {
  if (text.length > 100) return false
  const t = stripTitleSuffix(text)
  if (t.length < 6 || t.length > 60) return false
  // A numbered line is a heading, never the title.
  if (/^(?:[一二三四五六七八九十]+[、.．]|[（(]|\d+[.、．]|第[一二三四五六七八九十]+部分)/.test(t))
    return false
  if (/[。；！？]|[，,].*[，,]/.test(t)) return false
  if (
    /^(?:关于印发|关于做好|关于开展|关于公布|关于举办)|(?:通知|意见|办法|方案|公告|通报)$/.test(t)
  )
    return false
  return TITLE_END.test(t)
}

/**
 * The index of the title among the first lines, or -1: the first line that reads like a
 * report title. Only the top of the document is looked at (a page may list other titles below).
 */
export function findTitle(texts: readonly string[], within = 15): number {
  const n = Math.min(texts.length, within)
  for (let i = 0; i < n; i++) if (readsLikeTitle(texts[i]!)) return i
  return -1
}

export interface TitleFacts {
  year: number | null
  kind: DraftKind
  topic: string
  unit: string
}

/** Year, kind, topic and unit as the title states them. */
export function factsOfTitle(title: string): TitleFacts {
  // 2025年, or 09年 as titles of the 2000s write it.
  const yearMatch = /(?<!\d)((?:19|20)\d{2}|\d{2})\s*年(?!\d)/.exec(title)
  const year = yearMatch ? (yearMatch[1]!.length === 2 ? 2000 : 0) + Number(yearMatch[1]) : null
  const yearAt = yearMatch?.index ?? /20XX年|20xx年|XX年/.exec(title)?.index ?? -1
  const unit = yearAt > 0 ? title.slice(0, yearAt).replace(/关于$/, '').trim() : ''
  const half = /上半年|下半年|半年/.test(title)
  const afterYear =
    yearAt >= 0 ? title.slice(yearAt).replace(/^(?:\d{2,4}|20XX|20xx|XX)\s*年度?/, '') : title
  const topicMatch = /^(.*?)(?:工作)?(?:的)?(?:总结|报告|汇报)/.exec(afterYear)
  let topic = (topicMatch?.[1] ?? '').replace(/^(?:上半年|下半年|半年)/, '').trim()
  if (/^(?:教育|教育教学|教育体育|各项|全年|工作)?$/.test(topic)) topic = ''
  const kind: DraftKind = half ? 'half-year' : topic ? 'topical' : 'annual'
  return { year, kind, topic: kind === 'topical' ? topic : '', unit }
}

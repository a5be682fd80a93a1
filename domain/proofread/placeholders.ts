import { all, at, CJK, type CheckContext, type TextFinding } from './text-finding.ts'

const say = (s: string) => `“${s}”是待填写的占位符，请换成实际内容。`

// Counters a figure stands before: a lone X before one of them is a number left blank.
const COUNTER = '人名所个次万元项间台套件场节篇户家处批月日年号%％'
const X = 'XxＸｘ'

const PATTERNS: RegExp[] = [
  // 20XX, 20 xx, 20**, XXXX年, ×× …: runs of X or × not part of a Latin word.
  new RegExp(`(?:20\\s*[${X}×]{2}年?|(?<![A-Za-z])[${X}×]{2,}(?:[.．][${X}]+)?)(?![A-Za-z])`, 'g'),
  // A lone X, N or Ｘ where a figure belongs: 教师X人, Ｘ月底, 7x人.
  new RegExp(`(?<![A-Za-z])\\d*[${X}N](?![A-Za-z])(?=[${COUNTER}])`, 'g'),
  // 202_, ____, ＿＿
  /20\d_|_{2,}|＿{2,}/g,
  // *, **, ***, **.**, 20**, ＊＊
  /(?:20)?[*＊]+(?:[.．][*＊]+)?/g,
  // ○○ □□ △△ (not 〇, the zero of 二〇二五)
  /[○□△◯☆]{2,}/g,
  // ？？ where a figure belongs
  new RegExp(`[？?]{2,}(?=[${COUNTER}])`, 'g'),
  // （  ） and (  ): brackets holding only spaces
  /[（(][ \u3000]+[）)]/g,
  // Spaces where a figure belongs: 增长   %
  new RegExp(`(?<=[${CJK}])[ \\u3000]{2,}(?=[%％${COUNTER}])`, 'g'),
  // （此处填写…）（请结合…）（待核实）（填写…名称）
  /[（(【[](?:此处|此部分|本部分|这里|请|待|填写|在此|注：|说明：)[^（）()【】[\]\n]{0,40}[）)】\]]/g,
  // [单位名称] 【学校名称】: a bracket naming what to write
  /[【[][^【】[\]\n]{0,8}(?:名称|名字|姓名|单位|日期|时间|数量|数字|金额)[】\]]/g,
  // Template guidance left in: 本部分写…。 示例：
  /(?:本|此|这)部分(?:主要|重点)?(?:写|填写|简要|概括|列|介绍|说明|要求)[^。\n]*[。]?|^示例[：:]/g,
]

/** Placeholders in every form a template or a hurried writer leaves. */
export function placeholders(t: string, context: CheckContext): TextFinding[] {
  const out: TextFinding[] = []
  for (const re of PATTERNS) {
    out.push(
      ...all(re, t, (m) => at('placeholder', 'must', m.index!, m[0], say(m[0].trim() || m[0]))),
    )
  }
  // 某某县 in a report that names its own unit: the writer forgot to put the name in.
  if (context.unit) {
    out.push(
      ...all(new RegExp(`某某[${CJK}]?`, 'g'), t, (m) =>
        at('placeholder', 'must', m.index!, m[0], say(m[0])),
      ),
    )
  }
  return dropNested(out)
}

/** Keeps the outermost of findings that overlap, so one placeholder is one finding. */
export function dropNested(findings: TextFinding[]): TextFinding[] {
  const sorted = [...findings].sort((a, b) => a.offset - b.offset || b.length - a.length)
  const out: TextFinding[] = []
  let end = -1
  for (const f of sorted) {
    if (f.offset < end) continue
    out.push(f)
    end = f.offset + Math.max(f.length, 1)
  }
  return out
}

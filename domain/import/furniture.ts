/**
 * Web and download-site furniture, told by the kind of line it is (menu words, counters,
 * timestamps, URLs, page markers, site names, editors' lead-ins), never by a report's wording.
 * Each test is one regular expression over one line: linear in the document.
 */

export interface FurnitureVerdict {
  /** 'drop': surely not report text. 'maybe': kept, listed with one click to drop. */
  action: 'drop' | 'maybe'
  reason: string
}

/** Kinds of line a page adds: one hit drops a line of heading or notice length. */
const STRONG: [RegExp, string][] = [
  [
    /https?:\/\/|www\.[a-z0-9-]+\.|[a-z0-9-]+\.(?:gov\.cn|com\.cn|com|cn|net|org)(?:[/:]|\s|$)/i,
    '网址',
  ],
  [
    /^[\s【[(（]*(?:发布时间|发布日期|发布人|发布者|更新时间|时间|日期|来源|信息来源|文章来源|作者|编辑|责任编辑|审核|审稿|点击数?|点击量|浏览次数|浏览量?|阅读量?|阅读次数|访问量|访问次数|下载量|下载次数)\s*[:：]/,
    '网页信息（时间、来源、点击数）',
  ],
  [
    /(?:点击数|点击量|浏览次数|浏览量|阅读量|阅读次数|访问量|下载量|阅读)\s*[:：]\s*\d+/,
    '网页信息（时间、来源、点击数）',
  ],
  [/(?:字号|字体)\s*[:：]?\s*[[【(（]?\s*大\s*中\s*小/, '网页按钮'],
  [
    /打印本页|关闭窗口|返回顶部|【打印】|【关闭】|\[打印\]|\[关闭\]|收藏本页|加入收藏|分享到|扫一扫|在手机(?:上)?(?:打开|浏览|阅读)/,
    '网页按钮',
  ],
  [/^[\s【[]*(?:上一篇|下一篇|上一条|下一条|上一页|下一页)/, '网页翻页'],
  [
    /^[\s【[]*(?:相关(?:文章|阅读|推荐|附件|链接|新闻|信息)|猜你喜欢|推荐阅读|热门推荐|热门文章|热点排行|精彩推荐|延伸阅读|最新文章|更多(?:精品)?(?:范文|文章|内容))/,
    '网页推荐栏目',
  ],
  [/^[·•▪◆●■►]\s*\S/, '网页链接列表'],
  [
    /^(?:您的位置|您当前的位置|您现在的位置|当前位置|所在位置|位置)\s*[:：]|^(?:网站)?首页\s*[>›»\-—|｜]|\S\s*[>›»]\s*\S+\s*[>›»]/,
    '网页导航',
  ],
  [
    /版权所有|版权说明|版权声明|免责声明|copyright|©|ICP|备案号|公网安备|主办单位|承办单位|技术支持|联系我们|网站地图|网站客服|侵权投诉|侵权请联系/i,
    '网站页脚',
  ],
  [
    /温馨提示|VIP|继续阅读|展开阅读|阅读全文|已阅读\s*\d+\s*页|剩余\s*\d+\s*页|免费下载|立即下载|点击下载|下载地址|下载本文|下载全文|文档下载|下载后可编辑|用户上传|本站|小编/i,
    '下载站提示',
  ],
  [
    /为(?:大家|你|您)(?:精心)?(?:整理|收集|搜集|分享|带来)|精心整理|一起来看看|欢迎阅读|供大家参考|供你参考|希望对(?:你|您|大家)有(?:所)?帮助|希望大家喜欢/,
    '编者按',
  ],
  [/^\[?NextPage\]?$/i, '网页分页标记'],
  [/(?:报道|范文|材料|总结)篇[一二三四五六七八九十\d]+$/, '网页文章分隔'],
]

/** Page and article markers, sizes and counts: the whole line is the marker. */
const WHOLE_LINE: [RegExp, string][] = [
  [
    /^[\s_\-—–－]*(?:第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3}|[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3})[\s_\-—–－]*$/,
    '页码',
  ],
  [
    /^[\s【[]*(?:第\s*[一二三四五六七八九十\d]{1,3}\s*篇|(?:范文|篇)\s*[一二三四五六七八九十\d]{1,3}|[一二三四五六七八九十\d]{1,3}\s*篇)[\s】\]]*[:：]?$/,
    '文章分隔',
  ],
  [
    /^(?:[\s\u3000]*(?:共?\s*\d+\s*页|\d+(?:\.\d+)?\s*(?:字|KB|MB|[KM]|千字|万字)|文件大小\s*[:：]\s*\S+|下载量?\s*[:：]?\s*\d+|(?:txt|docx?|pdf|wps)))+[\s\u3000]*$/i,
    '页数、字数、文件大小',
  ],
]

/** Words of site furniture that a report may also use: three of them, two in a short line, one in a very short one. */
const WEAK = /下载|文档|范文|付费|退款|仅供|网站|收藏|客服|会员|登录|注册|预览|浏览/g

const SITE_NAME =
  /^(?:中国\s*[·•]\s*\S{2,12}|\S{2,16}(?:网|网站|门户网站|门户|平台|文库|在线|之家|频道))(?:\s*[-—|｜_]\s*\S{2,20})?$/

/**
 * Whether a line is furniture, and of which kind. `null` is report text. Long lines that carry
 * one weak sign are 'maybe': a line of report text must never be dropped.
 */
export function furnitureOf(text: string): FurnitureVerdict | null {
  const t = text.trim()
  if (t === '') return null
  // Markers, sizes and counts are short lines: long ones are not tried (bounded work per line).
  if (t.length <= 80)
    for (const [re, reason] of WHOLE_LINE) if (re.test(t)) return { action: 'drop', reason }
  // A long sentence, or a numbered one past a heading's length, may be report text that
  // names a site: kept and listed.
  const sentence =
    t.length > 80 || (t.length > 40 && /^(?:[一二三四五六七八九十]+、|[（(]|\d+[、.．])/.test(t))
  for (const [re, reason] of STRONG) {
    if (!re.test(t)) continue
    return { action: sentence ? 'maybe' : 'drop', reason }
  }
  if (t.length <= 24 && SITE_NAME.test(t)) return { action: 'drop', reason: '网站名称' }
  const weak = new Set(t.match(WEAK) ?? []).size
  if (weak >= 3 || (weak === 2 && t.length <= 40) || (weak === 1 && t.length <= 20)) {
    return { action: 'drop', reason: '下载站提示' }
  }
  if (weak === 2) return { action: 'maybe', reason: '可能是网页内容' }
  if (weak === 1 && t.length <= 60 && !/[。；]$/.test(t))
    return { action: 'maybe', reason: '可能是网页内容' }
  return null
}

/** A line printed on every page of a PDF (running header or footer): short, seen on several pages. */
export function repeatedLines(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>()
  for (const t of texts) {
    if (t.length < 4 || t.length > 40 || /[。；，]/.test(t)) continue
    counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  const out = new Set<string>()
  for (const [t, n] of counts) if (n >= 2) out.add(t)
  return out
}

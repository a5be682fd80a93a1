const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '?': '？',
  '!': '！',
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff5e“”‘’…—]/

/**
 * What a half-width mark typed after `before` should become: full-width after a Chinese
 * character or mark; ")" full-width when it closes a "（". Null to keep it as typed.
 */
export function fullWidthFor(mark: string, before: string): string | null {
  const full = FULL_WIDTH[mark]
  if (!full) return null
  if (mark === ')') {
    const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('))
    const close = Math.max(before.lastIndexOf('）'), before.lastIndexOf(')'))
    return open > close && before[open] === '（' ? full : null
  }
  const last = before.at(-1)
  return last !== undefined && CJK.test(last) ? full : null
}

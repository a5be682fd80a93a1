const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: as headings are numbered. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a heading number: ${n}`)
  if (n < 10) return DIGITS[n]!
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  const rest = n % 100
  const head = `${DIGITS[Math.floor(n / 100) % 10]}百`
  if (rest === 0) return head
  return rest < 10
    ? `${head}零${DIGITS[rest]}`
    : `${head}${rest < 20 ? '一' : ''}${toChineseNumeral(rest)}`
}

/** 一 → 1, 十二 → 12, 二十 → 20; null when it is not a plain Chinese numeral. */
export function fromChineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十百零〇]+$/.test(text)) return null
  let total = 0
  let current = 0
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100
      current = 0
    } else if (ch === '十') {
      total += (current || 1) * 10
      current = 0
    } else {
      const d = ch === '〇' ? 0 : DIGITS.indexOf(ch)
      current = d
    }
  }
  return total + current || null
}

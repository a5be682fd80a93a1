import { fromChineseNumeral, toChineseNumeral } from '../outline/chinese-numerals.ts'

const ITEM = /([一二三四五六七八九十]{1,2})是/g

/**
 * The next item of a 一是……二是…… enumeration to offer at the cursor: when the paragraph
 * before the cursor has reached item N and the clause just ended (，；。), "N+1是".
 */
export function nextEnumeration(before: string): string | null {
  if (!/[，；。]$/.test(before)) return null
  let last = 0
  for (const m of before.matchAll(ITEM)) {
    const n = fromChineseNumeral(m[1]!)
    if (n === last + 1) last = n
  }
  return last >= 1 && last < 99 ? `${toChineseNumeral(last + 1)}是` : null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A local calendar date as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "2026-01-05" → "2026年1月5日": the year in full, no zero padding, as GB/T 9704 writes dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** "2026年11月23日 08:05", local time. */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso)
  return `${chineseDate(isoDay(d))} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A searchable text with its pinyin, full ("zaixianwei") and initials ("zxw"). */
export interface SearchKey {
  text: string
  full: string
  initials: string
}

/**
 * Whether a query finds a text: Chinese by substring, Latin letters by pinyin — initials
 * ("zqld") or full ("lingdao") — and a mixed query ("zq领导") by both parts. Returns a
 * score, higher is better, or 0 for no match.
 */
export function searchScore(query: string, key: SearchKey): number {
  const q = query.trim().toLowerCase().replace(/\s+/g, '')
  if (!q) return 1
  if (key.text.includes(q)) return key.text.startsWith(q) ? 100 : 80
  const latin = q.replace(/[^a-z]/g, '')
  const other = q.replace(/[a-z]/g, '')
  if (other && !key.text.includes(other)) return 0
  if (!latin) return 0
  if (key.initials.startsWith(latin)) return 70
  if (key.initials.includes(latin)) return 60
  if (key.full.startsWith(latin)) return 50
  if (key.full.includes(latin)) return 40
  return 0
}

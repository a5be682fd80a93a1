import type { SearchKey } from '../../../../domain/text/search.ts'
import { api } from '../../api/client.ts'

const cache = new Map<string, SearchKey>()

/** Asks main for the pinyin of texts not seen yet; search works in Chinese meanwhile. */
export async function ensureSearchKeys(texts: readonly string[]): Promise<void> {
  const missing = [...new Set(texts)].filter((t) => !cache.has(t))
  if (missing.length === 0) return
  const { keys } = await api.searchKeys({ texts: missing })
  for (const key of keys) cache.set(key.text, key)
}

export function searchKeyOf(text: string): SearchKey {
  return cache.get(text) ?? { text, full: '', initials: '' }
}

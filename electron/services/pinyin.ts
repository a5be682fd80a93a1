import { pinyin } from 'pinyin-pro'

import type { SearchKey } from '../../domain/text/search.ts'

/**
 * Pinyin for search, computed in main so the renderer does not carry the dictionary.
 * pinyin-pro reads polyphonic characters from their words (银行 hang, 重庆 chong).
 */
export function searchKeys(texts: readonly string[]): SearchKey[] {
  return texts.map((text) => {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' })
    return {
      text,
      full: syllables.join('').toLowerCase(),
      initials: syllables
        .map((s) => s[0] ?? '')
        .join('')
        .toLowerCase(),
    }
  })
}

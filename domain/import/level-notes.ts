import type { HeadingLevel } from '../outline/numbering.ts'
import type { LevelChoice } from './structure.ts'

const LEVEL_NAMES = ['第一级', '第二级', '第三级', '第四级'] as const

/**
 * The import report's levels in plain Chinese: one note for each marker style the source used
 * at a level whose official marker is another (原文以“1.”为第一级，已改为“一、”). A style already
 * at its own level needs no note. `level3` is the writer's setting for the third level.
 */
export function levelNotes(levels: readonly LevelChoice[], level3: '1.' | '1、' = '1.'): string[] {
  const official: Record<HeadingLevel, string> = { 1: '一、', 2: '（一）', 3: level3, 4: '（1）' }
  const notes: string[] = []
  for (const { style, level } of levels) {
    // 1. and 1、 are the same third level; the setting only chooses how it is written.
    if (style === official[level] || (level === 3 && style === '1.')) continue
    notes.push(`原文以“${style}”为${LEVEL_NAMES[level - 1]}标题，已改为“${official[level]}”。`)
  }
  return notes
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { plainText, type DocNode } from '../../../domain/draft/doc.ts'
import {
  buildOutline as buildFromBlocks,
  outlineBlocksOf,
} from '../../../domain/outline/outline.ts'
import { blocksFromPlainText } from '../../../domain/outline/plain-text-blocks.ts'
import { REAL_REPORTS, TEAM_REPORTS, describeWith } from '../../support/external-corpus.ts'

const team = (name: string) => readFileSync(join(TEAM_REPORTS, name), 'utf8')
const fixture = (name: string) => readFileSync(join(REAL_REPORTS!, name), 'utf8')

const buildOutline = (blocks: DocNode[], level3?: '1.' | '1、') =>
  buildFromBlocks(outlineBlocksOf(blocks), level3)

describe('paste recognition on the team’s fixture reports', () => {
  it('county-annual: the section tree, run-in headings and （1） items', () => {
    const blocks = blocksFromPlainText(team('county-annual.txt'))
    const outline = buildOutline(blocks, '1、')
    const levels = outline.map((s) => s.level)
    expect(levels.filter((l) => l === 1)).toHaveLength(3)
    expect(levels.filter((l) => l === 2)).toHaveLength(10)
    expect(levels.filter((l) => l === 3)).toHaveLength(13)
    expect(levels.filter((l) => l === 4)).toHaveLength(3)
    expect(outline.slice(0, 3).map((s) => `${s.label}${s.title}`)).toEqual([
      '一、2025年工作开展情况',
      '（一）坚持党建统领，把稳教育发展方向',
      '1、强化组织领导。',
    ])
    const runIn = outline.find((s) => s.title.startsWith('守牢安全底线'))!
    expect(`${runIn.label}${runIn.title}`).toBe('（五）守牢安全底线。')
    // No number typed by the source survives in a heading's text.
    for (const b of blocks.filter((x) => x.type === 'heading'))
      expect(plainText(b)).not.toMatch(/^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]/)
  })

  it('township-half-year: a heading with a half-width comma, renumbered where the source skipped', () => {
    const outline = buildOutline(blocksFromPlainText(team('township-half-year.txt')))
    expect(outline.find((s) => s.level === 3)!.title).toBe('抓常规,教学管理更加规范。')
    // The source jumps from 一、 to 三、: drawn numbers close the gap.
    expect(outline.filter((s) => s.level === 1).map((s) => `${s.label}${s.title}`)).toEqual([
      '一、上半年工作回顾',
      '二、存在的不足',
      '三、下半年工作思路',
    ])
  })

  it('student-aid and school-safety: every block holds text', () => {
    for (const name of ['student-aid.txt', 'school-safety.txt']) {
      const blocks = blocksFromPlainText(team(name))
      expect(blocks.every((b) => plainText(b).trim() !== '')).toBe(true)
    }
    const aid = buildOutline(blocksFromPlainText(team('student-aid.txt')))
    expect(aid.filter((s) => s.level === 4).map((s) => s.title.slice(0, 4))).toEqual([
      '不漏一户',
      '不错一人',
      '有据可查',
      '及时更新',
    ])
  })

  it('keeps every non-space character of the source, minus the typed numbers', () => {
    const source = team('county-annual.txt')
    const blocks = blocksFromPlainText(source)
    const kept = blocks
      .map((b) => plainText(b))
      .join('')
      .replace(/\s/g, '').length
    const all = source.replace(/\s/g, '').length
    expect(all - kept).toBeGreaterThan(0)
    expect(all - kept).toBeLessThan(29 * 4)
  })
})

describeWith(
  REAL_REPORTS,
  'external reports',
  'paste recognition on the three real reports',
)('paste recognition on the real reports', () => {
  it('district-annual-a: the section tree, renumbered where the source skipped', () => {
    const blocks = blocksFromPlainText(fixture('district-annual-a.txt'))
    const outline = buildOutline(blocks, '1、')
    const levels = outline.map((s) => s.level)
    expect(levels.filter((l) => l === 1)).toHaveLength(2)
    expect(levels.filter((l) => l === 2)).toHaveLength(5)
    expect(levels.filter((l) => l === 3)).toHaveLength(22)
    expect(outline.slice(0, 3).map((s) => `${s.label}${s.title}`)).toEqual([
      '一、20XX年主要工作',
      '（一）以教育质量为中心，整体提升办学水平',
      '1、“普九”成果进一步巩固。',
    ])
    // The source jumps from 5、 to 7、 under (五): drawn numbers close the gap.
    const underFive = outline.filter(
      (s) =>
        s.index > outline[outline.findIndex((x) => x.title.startsWith('以和谐发展'))]!.index &&
        s.level === 3,
    )
    expect(underFive.map((s) => s.label).slice(4, 7)).toEqual(['5、', '6、', '7、'])
    expect(underFive[5]!.title).toBe('建整扶贫工作进一步加强。')
    // No number typed by the source survives in a heading's text.
    for (const b of blocks.filter((x) => x.type === 'heading'))
      expect(plainText(b)).not.toMatch(/^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]/)
  })

  it('district-annual-b: level-1 headings with half-width commas are found', () => {
    const outline = buildOutline(blocksFromPlainText(fixture('district-annual-b.txt')))
    const top = outline.filter((s) => s.level === 1).map((s) => s.title)
    expect(top[0]).toBe('抢抓机遇,固本强基,教育事业快速、协调发展。')
    expect(top).toContain('全面实施素质教育,教育质量稳步提高。')
  })

  it('collection-topical: run-in level-1 headings and (1) items', () => {
    const blocks = blocksFromPlainText(fixture('collection-topical.txt'))
    const outline = buildOutline(blocks)
    const first = outline.find((s) => s.title.startsWith('认真组织学习'))!
    expect(first.level).toBe(1)
    expect(outline.filter((s) => s.level === 4).length).toBeGreaterThanOrEqual(10)
    expect(blocks.every((b) => plainText(b).trim() !== '')).toBe(true)
  })

  it('keeps every non-space character of the source, minus the typed numbers', () => {
    const source = fixture('district-annual-a.txt')
    const blocks = blocksFromPlainText(source)
    const kept = blocks
      .map((b) => plainText(b))
      .join('')
      .replace(/\s/g, '').length
    const all = source.replace(/\s/g, '').length
    expect(all - kept).toBeGreaterThan(0)
    expect(all - kept).toBeLessThan(29 * 4)
  })
})

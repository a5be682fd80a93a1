import { describe, expect, it } from 'vitest'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import { catalogueEntry } from '../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../domain/indicators/model.ts'
import { previewBlocks } from '../../../renderer/src/revisions/revision-preview.ts'

const heading = (level: number, t: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text: t }],
})
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (t: string) => ({ type: 'text', text: t })

const draft = {
  indicators: [
    { ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'retention'), current: '99.66' },
  ],
  body: {
    type: 'doc',
    content: [
      paragraph(text('开头一段。')),
      heading(1, '主要工作'),
      heading(2, '办学条件'),
      heading(3, '校舍'),
      heading(4, '新建'),
      heading(4, '改建'),
      paragraph(
        text('巩固率'),
        { type: 'indicatorRef', attrs: { indicatorId: 'retention', form: 'value' } },
        text('。'),
      ),
      heading(3, '设备'),
      heading(2, '队伍建设'),
      heading(1, '存在问题'),
      heading(2, '经费'),
    ],
  },
} as unknown as DraftFile

describe('the revision preview', () => {
  it('numbers headings as the editor does, each level restarting under a new parent', () => {
    const blocks = previewBlocks(draft, '1.')
    expect(blocks.map((b) => b.label + b.text)).toEqual([
      '开头一段。',
      '一、主要工作',
      '（一）办学条件',
      '1.校舍',
      '（1）新建',
      '（2）改建',
      '巩固率99.66%。',
      '2.设备',
      '（二）队伍建设',
      '二、存在问题',
      '（一）经费',
    ])
    expect(blocks.filter((b) => b.heading)).toHaveLength(9)
  })

  it('follows the level-3 setting', () => {
    const labels = previewBlocks(draft, '1、').map((b) => b.label)
    expect(labels[3]).toBe('1、')
    expect(labels[7]).toBe('2、')
  })
})

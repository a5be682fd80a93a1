import { describe, expect, it } from 'vitest'

import {
  LIMIT_MESSAGES,
  MAX_EXPANDED_BYTES,
  MAX_NESTING_DEPTH,
  MAX_PARAGRAPHS,
} from '../../../../domain/limits.ts'
import { contentFromImport } from '../../../../electron/services/import/content-from-import.ts'
import { importFile } from '../../../../electron/services/import/import-file.ts'
import { declareSize, docxOfBody, reportParagraphs } from './docx-bombs.ts'

const emptyParagraphs = (n: number) => '<w:p/>'.repeat(n)

describe('import limits, checked before the file is unpacked', () => {
  it('refuses the issue’s bomb: a small .docx of 3 million paragraphs, by the paragraph count', async () => {
    const bomb = await docxOfBody(emptyParagraphs(3_000_000))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await expect(importFile('炸弹.docx', bomb, false)).rejects.toThrow(LIMIT_MESSAGES.paragraphs)
  })

  it('refuses a .docx one paragraph past the limit', async () => {
    const past = await docxOfBody(emptyParagraphs(MAX_PARAGRAPHS + 1))
    await expect(importFile('多.docx', past, false)).rejects.toThrow(/超过了 200,000 个段落/)
  })

  it('refuses by the sizes the directory declares, before inflating anything', async () => {
    const docx = await docxOfBody(reportParagraphs(10), { 'word/media/a.bin': new Uint8Array(10) })
    const lying = declareSize(docx, 'word/media/a.bin', MAX_EXPANDED_BYTES + 1)
    await expect(importFile('大.docx', lying, false)).rejects.toThrow(LIMIT_MESSAGES.expandedBytes)
  })

  it('stops inflating at the limit when the directory understates a part', async () => {
    // 61 MB of spaces inside the body compress to a few kB; the directory claims 1 kB.
    const docx = await docxOfBody(
      `<w:p><w:r><w:t>${' '.repeat(61 * 1024 * 1024)}</w:t></w:r></w:p>`,
    )
    const lying = declareSize(docx, 'word/document.xml', 1024)
    await expect(importFile('假.docx', lying, false)).rejects.toThrow(
      LIMIT_MESSAGES.documentXmlBytes,
    )
  })

  it('refuses nesting deeper than the limit', async () => {
    const depth = MAX_NESTING_DEPTH + 10
    const body =
      '<w:tbl><w:tr><w:tc>'.repeat(depth / 3) +
      '<w:p/>' +
      '</w:tc></w:tr></w:tbl>'.repeat(depth / 3)
    await expect(importFile('深.docx', await docxOfBody(body), false)).rejects.toThrow(
      LIMIT_MESSAGES.nesting,
    )
  })

  it('refuses a text file past the paragraph limit', async () => {
    const text = '一行\n'.repeat(MAX_PARAGRAPHS + 5)
    await expect(importFile('长.txt', Buffer.from(text), false)).rejects.toThrow(
      LIMIT_MESSAGES.paragraphs,
    )
  })

  it('reads a real .docx of ordinary size through the same checks', async () => {
    const result = await importFile('报告.docx', await docxOfBody(reportParagraphs(300)), false)
    expect(result.report.sections).toHaveLength(6)
    expect(result.report.notes).toEqual([])
  })
})

describe('import writes only what the draft schema takes', () => {
  const text = (lines: string[]) => Buffer.from(lines.join('\n'))

  it.each(['2026年2月30日', '2026年4月31日', '1985年12月1日'])(
    'leaves an impossible closing date %s empty, with a note',
    async (date) => {
      const result = await importFile(
        '报告.txt',
        text([
          '某某县教育局2026年工作总结',
          '一、主要工作',
          '全年工作稳步推进。',
          '某某县教育局',
          date,
        ]),
        false,
      )
      const content = contentFromImport(result, { fileName: '报告.txt', previousYear: false })
      expect(content.meta.date).toBe('')
      expect(content.meta.signature).toBe('某某县教育局')
      expect(result.report.notes.join('')).toContain(date)
    },
  )

  it('keeps a real closing date', async () => {
    const result = await importFile(
      '报告.txt',
      text(['某某县教育局2024年工作总结', '一、主要工作', '全年工作稳步推进。', '2024年2月29日']),
      false,
    )
    expect(contentFromImport(result, { fileName: '报告.txt', previousYear: false }).meta.date).toBe(
      '2024-02-29',
    )
  })

  it('gives a title year before 1990 this year, with a note', async () => {
    const result = await importFile(
      '报告.txt',
      text(['某某县教育局1985年工作总结', '一、主要工作', '全年工作稳步推进。']),
      true,
    )
    const now = new Date('2026-11-23T00:00:00Z')
    const content = contentFromImport(result, { fileName: '报告.txt', previousYear: true, now })
    expect(content.meta.year).toBe(2026)
    expect(content.meta.title).toBe('某某县教育局1985年工作总结')
    expect(result.report.notes.join('')).toMatch(/1985年.*1990/)
  })

  it('cuts a title taken from a long file name to the schema’s 200 characters', async () => {
    const fileName = `${'很长的文件名'.repeat(40)}.txt`
    const result = await importFile(fileName, text(['全年工作稳步推进，成绩显著。']), false)
    const content = contentFromImport(result, { fileName, previousYear: false })
    expect(content.meta.title.length).toBe(200)
    expect(content.meta.title.startsWith('很长的文件名')).toBe(true)
  })
})

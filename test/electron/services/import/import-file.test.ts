import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'

import { indicatorsFromSuggestions } from '../../../../domain/import/figures.ts'
import { detectHeadingMarker } from '../../../../domain/outline/heading-markers.ts'
import { numberHeadings } from '../../../../domain/outline/numbering.ts'
import { contentFromImport } from '../../../../electron/services/import/content-from-import.ts'
import { importFile } from '../../../../electron/services/import/import-file.ts'
import { REAL_REPORTS, TEAM_REPORTS, describeWith } from '../../../support/external-corpus.ts'

const EXPECTED = join(import.meta.dirname, '../../../fixtures/import')
const TEAM = ['county-annual', 'township-half-year', 'student-aid', 'school-safety'] as const
const REAL = ['district-annual-a', 'district-annual-b', 'collection-topical'] as const

const team = (name: string) => readFileSync(join(TEAM_REPORTS, `${name}.txt`), 'utf8')
const real = (name: string) => readFileSync(join(REAL_REPORTS!, `${name}.txt`), 'utf8')
const CORPUS = join(import.meta.dirname, '../../../fixtures/import/corpus')
/** The indicators 全部采用 (or `caogao import --figures`) makes of the suggestions. */
const taken = (result: Awaited<ReturnType<typeof importFile>>, previousYear = false) =>
  indicatorsFromSuggestions(result.report.figures, { previousYear })

const expected = (name: string) =>
  JSON.parse(readFileSync(join(EXPECTED, `${name}.sections.json`), 'utf8')) as {
    title: string | null
    sections: [number, string, string][]
  }

function tree(result: Awaited<ReturnType<typeof importFile>>) {
  const labels = numberHeadings(
    result.report.sections.map((s) => s.level),
    '1.',
  )
  return result.report.sections.map((s, i) => [
    s.level,
    labels[i],
    s.title.length > 40 ? s.title.slice(0, 40) : s.title,
  ])
}

/**
 * A report as a Word file: a centred title in 二号, headings with Word's styles at the levels the
 * writer meant (`levels`, in order of the marked lines), or none at all.
 */
async function asDocx(
  source: string,
  title: string | null,
  withStyles: boolean,
  levels: readonly number[] = [],
): Promise<Uint8Array> {
  let k = 0
  const children = source.split(/\r?\n/).map((line) => {
    const text = line.trim()
    if (title && text === title) {
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, size: 44 })],
      })
    }
    const marker = withStyles ? detectHeadingMarker(text) : null
    const heading = marker
      ? [
          HeadingLevel.HEADING_1,
          HeadingLevel.HEADING_2,
          HeadingLevel.HEADING_3,
          HeadingLevel.HEADING_4,
        ][(levels[k++] ?? marker.level) - 1]
      : undefined
    return new Paragraph({ heading, children: [new TextRun({ text: line, size: 32 })] })
  })
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** The section-tree checks, for a set of reports read by `read`. */
function sectionTrees(names: readonly string[], read: (name: string) => string) {
  it.each(names)('%s as .txt gives the checked-in section tree', async (name) => {
    const result = await importFile(`${name}.txt`, Buffer.from(read(name)), false)
    expect(tree(result)).toEqual(expected(name).sections)
    expect(result.meta.title ?? null).toBe(expected(name).title)
  })

  it.each(names.flatMap((n) => [[n, true] as const, [n, false] as const]))(
    '%s as .docx (Word heading styles: %s) gives the same tree',
    async (name, withStyles) => {
      const levels = expected(name).sections.map((section) => section[0])
      const docx = await asDocx(read(name), expected(name).title, withStyles, levels)
      const result = await importFile(`${name}.docx`, docx, false)
      expect(tree(result)).toEqual(expected(name).sections)
    },
    30_000,
  )
}

describe('importing the team’s fixture reports', () => {
  sectionTrees(TEAM, team)

  it('recognises the catalogue figures of county-annual with their values', async () => {
    const result = await importFile('a.txt', Buffer.from(team('county-annual')), false)
    // Suggested, not applied: the draft holds no indicator until the writer takes them.
    expect(result.indicators).toEqual([])
    const values = Object.fromEntries(taken(result).map((i) => [i.name, i.current]))
    expect(values).toMatchObject({
      小学在校生数: '28630',
      初中在校生数: '12537',
      小学适龄儿童入学率: '100',
      九年义务教育巩固率: '99.2',
      残疾儿童少年入学率: '97.5',
      普通高中在校生数: '9150',
      高考本科上线人数: '2136',
      专任教师数: '5248',
      资助金额: '5216.4',
    })
    // 上线率 appears as 58.3% and (特殊类型招生控制线) 6.4%: listed, not guessed.
    expect(result.report.ambiguous).toContainEqual({ name: '本科上线率', values: ['58.3', '6.4'] })
    // "改造危房面积3200平方米" is work done, not the dilapidated area left.
    expect(values['危房面积']).toBeUndefined()
    // Each suggestion names its figure as written and the catalogue indicator it maps to.
    expect(result.report.figures).toContainEqual(
      expect.objectContaining({
        value: '5248',
        unit: '人',
        text: '5248人',
        catalogKey: 'teachers',
      }),
    )
    // Nothing in the text is replaced silently.
    expect(JSON.stringify(result.body)).not.toContain('"indicatorRef"')
    expect(result.meta).toMatchObject({ signature: '某某县教育局', date: '2025-12-26' })
  })

  it('puts the figures of last year’s report in last year’s column', async () => {
    const result = await importFile('a.txt', Buffer.from(team('county-annual')), true)
    const retention = taken(result, true).find((i) => i.name === '九年义务教育巩固率')!
    expect([retention.current, retention.previous]).toEqual([null, '99.2'])
  })

  it('drops the web furniture of township-half-year, lists it, and lists the skipped 二、', async () => {
    const result = await importFile('b.txt', Buffer.from(team('township-half-year')), false)
    expect(result.report.dropped.map((d) => d.reason)).toEqual([
      '网页导航',
      '网页信息（时间、来源、点击数）',
      '网页按钮',
      '网页推荐栏目',
    ])
    expect(JSON.stringify(result.body)).not.toContain('相关文章')
    expect(result.report.slips.map((s) => [s.found, s.expected])).toEqual([[3, 2]])
  })

  it('drops the 发布时间/来源/浏览次数 line and 【打印本页】【关闭窗口】 of township-half-year', async () => {
    const result = await importFile('b.txt', Buffer.from(team('township-half-year')), false)
    const body = JSON.stringify(result.body)
    expect(body).not.toContain('发布时间')
    expect(body).not.toContain('关闭窗口')
  })

  it('reads the 主送机关, signature and date of student-aid', async () => {
    const result = await importFile('c.txt', Buffer.from(team('student-aid')), false)
    expect(result.meta).toEqual({
      title: '某某县2025年学生资助工作总结',
      recipient: '县人民政府',
      signature: '某某县学生资助管理中心',
      date: '2025-12-26',
      // Read from the title; the signing unit names the unit more fully.
      year: 2025,
      kind: 'topical',
      topic: '学生资助',
      unit: '某某县学生资助管理中心',
    })
  })

  it('reads a 主送机关 line, a signature and a date', async () => {
    const text =
      '关于2025年教育工作的总结\n县人民政府：\n一、主要工作\n全县教育稳步发展。\n某某县教育局\n2026年1月5日\n'
    const result = await importFile('x.txt', Buffer.from(text), false)
    expect(result.meta).toEqual({
      title: '关于2025年教育工作的总结',
      recipient: '县人民政府',
      signature: '某某县教育局',
      date: '2026-01-05',
      year: 2025,
      kind: 'annual',
      topic: '',
      unit: '某某县教育局',
    })
  })
})

describeWith(
  REAL_REPORTS,
  'external reports',
  'import of the three real reports',
)('importing the real reports', () => {
  sectionTrees(REAL, real)

  it('recognises the catalogue figures of district-annual-a with their values', async () => {
    const result = await importFile('a.txt', Buffer.from(real('district-annual-a')), false)
    expect(result.indicators).toEqual([])
    const values = Object.fromEntries(taken(result).map((i) => [i.name, i.current]))
    expect(values).toMatchObject({
      小学在校生数: '24341',
      初中在校生数: '12458',
      小学适龄儿童入学率: '100',
      九年义务教育巩固率: '100',
      残疾儿童少年入学率: '100',
      初中年辍学率: '0.04',
      普通高中在校生数: '9069',
      高考本科上线人数: '905',
    })
    // 上线率 appears as 27.09% and (600分以上) 1.1%: listed, not guessed.
    expect(result.report.ambiguous).toContainEqual({ name: '本科上线率', values: ['27.09', '1.1'] })
    // "改造危房面积3680平方米" is work done, not the dilapidated area left.
    expect(values['危房面积']).toBeUndefined()
    // Suggestions only: the text stays as written until the writer takes a figure.
    expect(JSON.stringify(result.body)).not.toContain('"indicatorRef"')
  })

  it('puts the figures of last year’s report in last year’s column', async () => {
    const result = await importFile('a.txt', Buffer.from(real('district-annual-a')), true)
    const retention = taken(result, true).find((i) => i.name === '九年义务教育巩固率')!
    expect([retention.current, retention.previous]).toEqual([null, '100'])
  })

  it('drops the web furniture of district-annual-b and lists it', async () => {
    const result = await importFile('b.txt', Buffer.from(real('district-annual-b')), false)
    expect(result.report.dropped.map((d) => d.reason)).toEqual([
      '网站页脚',
      '网页导航',
      '网页推荐栏目',
    ])
    expect(JSON.stringify(result.body)).not.toContain('热点排行')
    expect(result.meta.date).toBe('2010-01-17')
    // 二、 and 七、 are missing in the source: the skips are listed and the numbers drawn anew.
    expect(result.report.slips.map((s) => [s.found, s.expected])).toEqual([
      [3, 2],
      [8, 6],
    ])
  })
})

describe('text encodings', () => {
  const text = '一、主要工作\n全县教育稳步发展。'
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ],
    [
      'GBK',
      Buffer.from([
        0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7, 0xd2, 0xaa, 0xb9, 0xa4, 0xd7, 0xf7, 0x0a, 0xc8, 0xab,
        0xcf, 0xd8, 0xbd, 0xcc, 0xd3, 0xfd, 0xce, 0xc8, 0xb2, 0xbd, 0xb7, 0xa2, 0xd5, 0xb9, 0xa1,
        0xa3,
      ]),
    ],
  ])('%s decodes', async (_name, bytes) => {
    const result = await importFile('x.txt', bytes, false)
    expect(result.report.sections).toEqual([{ block: 0, level: 1, title: '主要工作' }])
    expect(JSON.stringify(result.body)).toContain('全县教育稳步发展。')
  })
})

describe('bad input gets a clear message and creates nothing', () => {
  it.each([
    ['an empty file', 'a.txt', Buffer.alloc(0), /文件是空的/],
    [
      'a .doc that is no Word file',
      'a.doc',
      Buffer.from('whatever'),
      /不是有效的 Word 或 WPS 文件/,
    ],
    [
      'a damaged .doc',
      'a.doc',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
      ]),
      /无法读取/,
    ],
    [
      'an encrypted .docx',
      'a.docx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /加了密码/,
    ],
    [
      'another file renamed .docx',
      'a.docx',
      Buffer.from('%PDF-1.7 not a word file'),
      /不是有效的 Word 文件/,
    ],
    [
      'a damaged .docx',
      'a.docx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
      /已损坏/,
    ],
    ['a 50 MB file', 'a.txt', Buffer.alloc(50 * 1024 * 1024, 0x41), /太大/],
    [
      'an image renamed .txt',
      'a.txt',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64)]),
      /不是文本文件/,
    ],
    ['a PDF', 'a.pdf', Buffer.from('%PDF'), /不能导入/],
  ])('%s', async (_name, fileName, bytes, message) => {
    await expect(importFile(fileName, bytes, false)).rejects.toThrow(message)
  })
})

describe('more kinds of file', () => {
  const corpus = (file: string) => new Uint8Array(readFileSync(join(CORPUS, file)))

  it('reads a Word 97–2003 .doc with its title, headings and Chinese quotes', async () => {
    const result = await importFile(
      'a.doc',
      corpus('b14-baisha-facilities-word-table-doc.doc'),
      false,
    )
    expect(result.meta.title).toBe('白沙县2025年义务教育薄弱环节改善与能力提升工作总结')
    expect(result.report.sections[0]).toMatchObject({ level: 1, title: '项目实施情况' })
    expect(JSON.stringify(result.body)).toContain('“保基本、补短板、强弱项”')
  })

  it('reads a .wps (the OLE Word format WPS writes)', async () => {
    const result = await importFile(
      'a.wps',
      corpus('b05-baisha-dropout-word-no-styles-doc.doc'),
      false,
    )
    expect(result.meta.title).toBe('白沙县教育局关于2025年控辍保学工作的总结')
  })

  it('offers the figures of a table of figures', async () => {
    const result = await importFile(
      'a.doc',
      corpus('b14-baisha-facilities-word-table-doc.doc'),
      false,
    )
    const texts = result.report.figures.map((f) => f.text)
    expect(texts).toEqual(expect.arrayContaining(['5260万元', '8450平方米', '1460台']))
  })

  it('puts the figures in the draft only when asked (--figures, 全部采用)', async () => {
    const result = await importFile('a.txt', corpus('b03-shimen-aid-download.txt'), false)
    const fileName = 'a.txt'
    expect(contentFromImport(result, { fileName, previousYear: false }).indicators).toEqual([])
    const all = contentFromImport(result, { fileName, previousYear: false, takeFigures: true })
    expect(all.indicators.find((i) => i.catalogKey === 'aid-amount')?.current).toBe('52.74')
    expect(all.meta).toMatchObject({
      kind: 'topical',
      topic: '学生资助',
      year: 2025,
      unit: '石门镇中心学校',
    })
  })
})

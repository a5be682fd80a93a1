import { beforeAll, describe, expect, it } from 'vitest'

import { generateDraft } from '../../../../bench/report-fixture.ts'
import { heading, paragraph, plainText } from '../../../../domain/draft/doc.ts'
import type { DraftFile } from '../../../../domain/draft/draft.ts'
import { buildExportModel, modelText } from '../../../../domain/export/export-model.ts'
import { referenceLeafText } from '../../../../domain/indicators/references.ts'
import { defaultSettings, type Settings } from '../../../../domain/settings.ts'
import { draftToDocx } from '../../../../electron/services/export/export-service.ts'
import { OOXML_SCHEMAS, describeWith } from '../../../support/external-corpus.ts'
import {
  docxParts,
  missingRelationshipTargets,
  pageLines,
  pdfText,
  renderWithLibreOffice,
  validateWordParts,
  withStylesInlined,
  type Rendered,
} from './docx-inspect.ts'

/** A report with run-in headings, every level, a reference, a recipient, signature and date. */
function sampleDraft(): DraftFile {
  const report = generateDraft(30_000, 30, 20)
  report.meta = {
    ...report.meta,
    title: '某某县教育局2026年教育工作总结',
    recipient: '县人民政府',
    signature: '某某县教育局',
    date: '2026-01-05',
  }
  report.body.content.splice(
    1,
    0,
    heading(2, '以教育质量为中心'),
    heading(3, '“普九”成果进一步巩固。全区小学在校学生24341人。'),
    heading(4, '强化师德师风建设'),
    paragraph('含控制字符\u0001和孤立代理\ud800的文字。'),
  )
  return report
}

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...defaultSettings,
  indicatorAppendix: true,
  ...patch,
})

/** The paragraph of document.xml that holds `text`. */
function paragraphWith(xml: string, text: string): string {
  const paragraphs = xml.split(/(?=<w:p>|<w:p )/)
  const found = paragraphs.find((p) => p.replace(/<[^>]+>/g, '').includes(text))
  if (!found) throw new Error(`no paragraph with ${text}`)
  return found.slice(0, found.indexOf('</w:p>') + 6)
}

/** The paragraph whose whole text is `text`. */
function paragraphExactly(xml: string, text: string): string {
  const paragraphs = xml.split(/(?=<w:p>|<w:p )/).map((p) => p.slice(0, p.indexOf('</w:p>') + 6))
  const found = paragraphs.find((p) => documentText(p) === text)
  if (!found) throw new Error(`no paragraph reading ${text}`)
  return found
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
}

/** The text of w:t elements in order, entities decoded. */
const documentText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!))
    .join('')

describe('Word export read back as XML', () => {
  let parts: Map<string, string>
  let document: string
  beforeAll(async () => {
    parts = await docxParts(await draftToDocx(sampleDraft(), settings(), '2026-11-23'))
    // Fonts, sizes and spacing as Word resolves them through styles.xml.
    document = withStylesInlined(parts)
  }, 60_000)

  it('writes a body paragraph bare: 正文 is the default style and carries the layout', () => {
    const raw = parts.get('word/document.xml')!
    expect(paragraphWith(raw, '含控制字符')).toBe(
      '<w:p><w:r><w:t xml:space="preserve">含控制字符和孤立代理的文字。</w:t></w:r></w:p>',
    )
    expect(paragraphWith(raw, '（一）以教育质量为中心')).toMatch(
      /<w:rStyle w:val="GongwenLevel2"\/>/,
    )
    const styles = parts.get('word/styles.xml')!
    // Word's own Normal (正文), the default: a paragraph a writer adds in Word is laid out too.
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"\/>/,
    )
    // The other styles stand alone, so the body's indent and condensing never reach them.
    for (const m of styles.matchAll(
      /<w:style [^>]*w:styleId="(Gongwen\w+|Header|Footer)"[^>]*>.*?<\/w:style>/g,
    ))
      expect(m[0], m[1]).not.toMatch(/<w:basedOn /)
  })

  it('sets A4 and the GB/T 9704 margins, line pitch and footer distance', () => {
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(document)![0]
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(sect).toMatch(/w:top="2098"/)
    expect(sect).toMatch(/w:bottom="1984"/)
    expect(sect).toMatch(/w:left="1588"/)
    expect(sect).toMatch(/w:right="1474"/)
    expect(sect).toMatch(/w:footer="1304"/)
    expect(sect).toMatch(/<w:docGrid [^>]*w:linePitch="579"/)
  })

  it('lays the body in 仿宋_GB2312 三号, exact 28.95 pt, two-character indent, condensed −0.25 pt', () => {
    const p = paragraphWith(document, '含控制字符')
    expect(p).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/)
    expect(p).toMatch(/<w:ind [^>]*w:firstLine="640"/)
    expect(p).toMatch(/w:firstLineChars="200"/)
    expect(p).toMatch(
      /<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/>/,
    )
    expect(p).toMatch(/<w:sz w:val="32"\/>/)
    expect(p).toMatch(/<w:spacing w:val="-5"\/>/)
  })

  it('sets the title in 方正小标宋简体 二号, centred, split over balanced lines', () => {
    const p = paragraphWith(document, '某某县教育局2026年')
    expect(p).toMatch(/<w:jc w:val="center"\/>/)
    expect(p).toMatch(/w:eastAsia="方正小标宋简体"/)
    expect(p).toMatch(/<w:sz w:val="44"\/>/)
    // Not condensed like the body: the title's characters keep their natural spacing.
    expect(p).not.toMatch(/<w:spacing w:val=/)
  })

  it('writes the numbers as text in each level font, the run-in sentence only in the heading font', () => {
    expect(paragraphWith(document, '一、')).toMatch(/w:eastAsia="黑体"/)
    const level2 = paragraphWith(document, '（一）以教育质量为中心')
    expect(level2).toMatch(/w:eastAsia="楷体_GB2312"/)
    const runIn = paragraphWith(document, '1.“普九”成果进一步巩固。')
    const runs = runIn.split('<w:r>').slice(1)
    expect(runs[0]).toMatch(/1\.“普九”成果进一步巩固。/)
    expect(runs[0]).toMatch(/<w:b\/>/)
    expect(runs[1]).toMatch(/全区小学在校学生24341人。/)
    expect(runs[1]).not.toMatch(/<w:b\/>/)
    expect(paragraphWith(document, '（1）强化师德师风建设')).toMatch(/w:eastAsia="仿宋_GB2312"/)
  })

  it('places 主送机关, signature and date as for an unsealed document', () => {
    expect(paragraphWith(document, '县人民政府：')).not.toMatch(/w:firstLine=/)
    const signature = paragraphExactly(document, '某某县教育局')
    expect(signature).toMatch(/<w:jc w:val="right"\/>/)
    // The date (2026年1月5日, 9 characters) is longer than the signature minus two: it keeps
    // two characters of right space and the signature moves left to 2 + 9 + 2 − 6 = 7 characters.
    expect(signature).toMatch(/<w:ind w:right="2240"\/>/)
    const date = paragraphWith(document, '2026年1月5日')
    expect(date).toMatch(/<w:ind w:right="640"\/>/)
  })

  it('puts page numbers — N — in 宋体 四号 in odd (right) and even (left) footers', () => {
    expect(parts.get('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/)
    const refs = [
      ...document.matchAll(/<w:footerReference w:type="(default|even)" r:id="(rId\d+)"\/>/g),
    ]
    expect(refs.map((r) => r[1]).sort()).toEqual(['default', 'even'])
    const footers = [...parts.entries()]
      .filter(([n]) => /word\/footer\d\.xml/.test(n))
      .map(([, x]) => x)
    const aligns = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()
    expect(aligns).toEqual(['left', 'right'])
    for (const f of footers) {
      expect(f).toMatch(/PAGE/)
      expect(f).toMatch(/— /)
      expect(f).toMatch(/w:eastAsia="宋体"/)
      expect(f).toMatch(/<w:sz w:val="28"\/>/)
    }
  })

  it('adds the indicator appendix on a new page when chosen', () => {
    expect(document).toMatch(/附件：主要指标统计表/)
    expect(paragraphExactly(document, '附件')).toMatch(/<w:pageBreakBefore\/>/)
    expect(document).toMatch(/<w:tbl>/)
    expect(document).toMatch(/九年义务教育巩固率/)
  })

  it(
    'adds the per-unit table of a roll-up as 附件2, numbered in the 附件说明, and LibreOffice prints it',
    { timeout: 120_000 },
    async () => {
      const draft = sampleDraft()
      draft.meta.unitTable = {
        title: '2026年各乡镇（学校）主要指标统计表',
        header: ['单位', '小学在校生数（人）', '初中年辍学率（%）'],
        rows: [
          ['城关镇', '1200', '0.5'],
          ['河西乡', '有误', '有误'],
          ['合计', '2045', '0.4'],
        ],
      }
      const data = await draftToDocx(draft, settings())
      const xml = withStylesInlined(await docxParts(data))
      expect(paragraphExactly(xml, '附件：1.主要指标统计表')).toBeTruthy()
      expect(
        paragraphExactly(xml, '\u3000\u3000\u30002.2026年各乡镇（学校）主要指标统计表'),
      ).toBeTruthy()
      expect(paragraphExactly(xml, '附件1')).toMatch(/<w:pageBreakBefore\/>/)
      expect(paragraphExactly(xml, '附件2')).toMatch(/<w:pageBreakBefore\/>/)
      const tables = xml.split('<w:tbl>').slice(1)
      expect(tables).toHaveLength(2)
      const cells = [...tables[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
        documentText(m[1]!),
      )
      expect(cells).toEqual([
        '单位',
        '小学在校生数（人）',
        '初中年辍学率（%）',
        '城关镇',
        '1200',
        '0.5',
        '河西乡',
        '有误',
        '有误',
        '合计',
        '2045',
        '0.4',
      ])
      // The last page, as LibreOffice prints it: label, title and the table's rows.
      const rendered = await renderWithLibreOffice(data, 'unit-table')
      const last = (await pageLines(rendered.pdf, rendered.pages)).map((l) => l.text)
      expect(last.slice(0, 14)).toEqual([
        '附件2',
        '2026年各乡镇（学校）主要指标统计表',
        ...['单位', '小学在校生数（人）', '初中年辍学率（%）'],
        ...['城关镇', '1200', '0.5'],
        ...['河西乡', '有误', '有误'],
        ...['合计', '2045', '0.4'],
      ])
    },
  )

  it('names the stock Windows fonts when that set is chosen', { timeout: 60_000 }, async () => {
    const windows = withStylesInlined(
      await docxParts(await draftToDocx(sampleDraft(), settings({ exportFontSet: 'windows' }))),
    )
    expect(windows).toMatch(/w:eastAsia="仿宋"/)
    expect(windows).toMatch(/w:eastAsia="楷体"/)
    expect(windows).not.toMatch(/GB2312/)
  })

  it('has every relationship target inside the package', () => {
    expect(missingRelationshipTargets(parts)).toEqual([])
  })

  describeWith(
    OOXML_SCHEMAS,
    'OOXML schemas',
    'schema validation of exported .docx',
  )('against the transitional schemas', () => {
    it('validates', async () => {
      expect(await validateWordParts(parts)).toEqual([])
    }, 120_000)

    it('rejects an element the schemas do not know, so a pass means something', async () => {
      const broken = document.replace('<w:body>', '<w:body><w:bogus/>')
      const errors = await validateWordParts(new Map([['word/document.xml', broken]]))
      expect(errors.some((e) => e.includes('bogus'))).toBe(true)
    }, 120_000)
  })

  it('keeps every character of the draft, in order, minus only what XML cannot hold', () => {
    const draft = sampleDraft()
    const model = buildExportModel(draft, {
      level3: '1.',
      indicatorAppendix: true,
      today: '2026-11-23',
    })
    const text = documentText(document)
    const expected = modelText(model)
    expect(text.slice(0, expected.length)).toBe(expected)
    // The draft's own text, references written out, in order (numbers are added, nothing lost).
    const leaf = referenceLeafText(draft.indicators)
    const source = draft.body.content
      .map((n) => plainText(n, '', leaf))
      .join('')
      .replaceAll('\u0001', '')
      .replaceAll('\ud800', '')
    let at = 0
    for (const ch of source) {
      at = text.indexOf(ch, at)
      expect(at).toBeGreaterThanOrEqual(0)
      at += ch.length
    }
    expect(text.includes('\u0001') || text.includes('\ud800')).toBe(false)
  })
})

describe('Word export rendered by LibreOffice', () => {
  let rendered: Rendered
  beforeAll(async () => {
    const report = generateDraft(20_000, 10, 0)
    // A paragraph of plain CJK text over two pages: its full lines show the characters a line
    // holds, and page 2 is full whatever the report's text (no widow/orphan moves).
    report.body.content.splice(1, 0, paragraph('教育'.repeat(700)))
    const started = performance.now()
    const data = await draftToDocx(report, settings({ indicatorAppendix: false }))
    console.log(
      `export of a 20,000-character report: ${(performance.now() - started).toFixed(0)} ms`,
    )
    rendered = await renderWithLibreOffice(data)
  }, 180_000)

  it('renders A4 pages', () => {
    expect(rendered.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/)
    expect(rendered.pages).toBeGreaterThan(10)
  })

  it('puts 22 lines on a full body page and 28 characters on a full line', async () => {
    const lines = (await pageLines(rendered.pdf, 2)).filter((l) => !/^—\d+—$/.test(l.text))
    expect(lines).toHaveLength(22)
    const full = (await pageLines(rendered.pdf, 1)).filter(
      (l) => /^(教育)+教?$|^育?(教育)+$/.test(l.text) && l.text.length > 20,
    )
    expect(full.length).toBeGreaterThan(5)
    for (const line of full.slice(1, -1)) expect([...line.text].length).toBe(28)
  })

  it('alternates page numbers: odd pages right, even pages left', async () => {
    const numberOf = async (page: number) =>
      (await pageLines(rendered.pdf, page)).find((l) => /^—\d+—$/.test(l.text))!
    const odd = await numberOf(3)
    const even = await numberOf(4)
    expect(odd.text).toBe('—3—')
    expect(even.text).toBe('—4—')
    expect(odd.xMin).toBeGreaterThan(595 / 2)
    expect(even.xMax).toBeLessThan(595 / 2)
  })

  it('holds the text that was exported', async () => {
    expect((await pdfText(rendered.pdf)).replace(/\s/g, '')).toContain('基准测试报告')
  })
})

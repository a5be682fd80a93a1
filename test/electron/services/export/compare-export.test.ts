import { beforeAll, describe, expect, it } from 'vitest'

import { compareExportModel, type CompareSource } from '../../../../domain/compare/blocks.ts'
import type { DraftContent } from '../../../../domain/draft/draft.ts'
import { defaultSettings } from '../../../../domain/settings.ts'
import { comparisonToDocx } from '../../../../electron/services/export/compare-export.ts'
import { renderDocx } from '../../../../electron/services/export/docx-writer.ts'
import { docxLayout } from '../../../../electron/services/export/export-service.ts'
import { OOXML_SCHEMAS, describeWith } from '../../../support/external-corpus.ts'
import {
  convertWithLibreOffice,
  docxParts,
  resolvedParagraphs,
  validateWordParts,
} from './docx-inspect.ts'
import { EDITS, fixtureReport } from './report-edits.ts'

const AT = new Date('2026-11-23T08:30:00Z')
const settings = { ...defaultSettings, pageNumberStyle: 'sides' as const }
const REPORTS = [
  'county-annual.txt',
  'school-safety.txt',
  'student-aid.txt',
  'township-half-year.txt',
]

/** The paragraphs of the plain export of a version, laid out as the comparison lays it out. */
async function plainParagraphs(source: CompareSource): Promise<string[]> {
  const model = compareExportModel(source, {
    level3: settings.level3Numbering,
    today: '2026-11-23',
  })
  const data = await renderDocx(model, docxLayout(settings, source.meta))
  return resolvedParagraphs((await docxParts(data)).get('word/document.xml')!, 'accept')
}

async function tracked(older: DraftContent, newer: DraftContent) {
  const { data, comparison } = await comparisonToDocx(older, newer, settings, {
    style: 'tracked',
    olderName: '第1版',
    newerName: '当前稿',
    at: AT,
  })
  return { data, comparison, xml: (await docxParts(data)).get('word/document.xml')! }
}

const reports = new Map<string, DraftContent>()
beforeAll(async () => {
  for (const name of REPORTS) reports.set(name, await fixtureReport(name))
})

describe('修订稿: every change tracked', () => {
  const cases = REPORTS.flatMap((report) => Object.keys(EDITS).map((edit) => ({ report, edit })))
  it.each(cases)(
    '$report, $edit: accepting gives the newer text, rejecting the older',
    async ({ report, edit }) => {
      const older = reports.get(report)!
      const newer = EDITS[edit]!(older)
      const { xml, comparison } = await tracked(older, newer)
      expect(comparison.counts.total).toBeGreaterThan(0)
      expect(resolvedParagraphs(xml, 'accept')).toEqual(await plainParagraphs(newer))
      expect(resolvedParagraphs(xml, 'reject')).toEqual(await plainParagraphs(older))
    },
  )

  it('names the author and date on every change, with unique ids, none nested in another', async () => {
    const older = reports.get('county-annual.txt')!
    const { xml } = await tracked(older, EDITS['everything at once']!(older))
    const marks = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)]
    expect(marks.length).toBeGreaterThan(20)
    const ids = marks.map((m) => /w:id="(\d+)"/.exec(m[2]!)![1])
    expect(new Set(ids).size).toBe(ids.length)
    for (const m of marks) {
      expect(m[2]).toContain(`w:author="${older.meta.unit}"`)
      expect(m[2]).toContain('w:date="2026-11-23T08:30:00Z"')
    }
    expect(xml).not.toMatch(/<w:ins [^>]*[^/]>(?:(?!<\/w:ins>).)*<w:(ins|del) /s)
    expect(xml).not.toMatch(/<w:del [^>]*[^/]>(?:(?!<\/w:del>).)*<w:(ins|del) /s)
    // Inserted and deleted paragraphs carry their paragraph marks' change.
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins /s)
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del /s)
  })

  it('names the author set in 设置 when there is one', async () => {
    const older = reports.get('student-aid.txt')!
    const { data } = await comparisonToDocx(
      older,
      EDITS.figures!(older),
      { ...settings, revisionAuthor: '张科长' },
      {
        style: 'tracked',
        olderName: '第1版',
        newerName: '当前稿',
        at: AT,
      },
    )
    const xml = (await docxParts(data)).get('word/document.xml')!
    expect(xml).toContain('w:author="张科长"')
    expect(xml).not.toContain(`w:author="${older.meta.unit}"`)
  })

  it('identical versions: no tracked change at all', async () => {
    const older = reports.get('school-safety.txt')!
    const { xml, comparison } = await tracked(older, structuredClone(older))
    expect(comparison.counts.total).toBe(0)
    expect(xml).not.toMatch(/<w:(ins|del) /)
  })
})

describe('花脸稿: fixed marks', () => {
  it('strikes deletions, underlines insertions, boxes changed figures, in red, under a header line', async () => {
    const older = reports.get('county-annual.txt')!
    const { data, comparison } = await comparisonToDocx(
      older,
      EDITS['everything at once']!(older),
      settings,
      {
        style: 'fixed',
        olderName: '第12版（2026年11月20日）',
        newerName: '当前稿',
        at: AT,
      },
    )
    expect(comparison.counts.figures).toBeGreaterThan(0)
    const parts = await docxParts(data)
    const xml = parts.get('word/document.xml')!
    expect(xml).not.toMatch(/<w:(ins|del) /)
    const runs = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0])
    const struck = runs.filter((r) => r.includes('<w:strike/>'))
    const underlined = runs.filter((r) => /<w:u w:val="single" w:color="FF0000"\/>/.test(r))
    const boxed = runs.filter((r) => /<w:bdr [^>]*w:color="FF0000"/.test(r))
    expect(struck.length).toBeGreaterThan(5)
    expect(underlined.length).toBeGreaterThan(5)
    expect(boxed.length).toBeGreaterThan(0)
    for (const r of [...struck, ...underlined]) expect(r).toContain('<w:color w:val="FF0000"/>')
    for (const r of boxed) expect(r).toMatch(/<w:t[^>]*>[^<]*\d/)
    const headers = [...parts].filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    expect(headers.length).toBeGreaterThan(0)
    for (const [, h] of headers) expect(h).toContain('对比：第12版（2026年11月20日） → 当前稿')
  })
})

describeWith(
  OOXML_SCHEMAS,
  'OOXML schemas',
  'schema validation of 修订稿 and 花脸稿',
)('修订稿 and 花脸稿 against the OOXML schemas', () => {
  it.each(['tracked', 'fixed'] as const)('%s validates', async (style) => {
    const older = reports.get('township-half-year.txt')!
    const { data } = await comparisonToDocx(older, EDITS['everything at once']!(older), settings, {
      style,
      olderName: '第1版',
      newerName: '当前稿',
      at: AT,
    })
    expect(await validateWordParts(await docxParts(data))).toEqual([])
  })
})

describe('LibreOffice reads the 修订稿', () => {
  it('lists the changes with their author, and its text with them accepted is the newer text', async () => {
    const older = reports.get('county-annual.txt')!
    const newer = EDITS['everything at once']!(older)
    const { data } = await tracked(older, newer)
    const fodt = await convertWithLibreOffice(data, 'fodt')
    const changes =
      /<text:tracked-changes[^>]*>(.*?)<\/text:tracked-changes>/s.exec(fodt)?.[1] ?? ''
    const regions = [...changes.matchAll(/<text:changed-region /g)]
    expect(regions.length).toBeGreaterThan(20)
    expect(changes).toMatch(/<text:insertion>/)
    expect(changes).toMatch(/<text:deletion>/)
    const creators = new Set(
      [...changes.matchAll(/<dc:creator>(.*?)<\/dc:creator>/g)].map((m) => m[1]),
    )
    expect(creators).toEqual(new Set([older.meta.unit]))
    // Deleted text stays in the body between the change marks of a deletion region.
    const deletions = [
      ...changes.matchAll(/<text:changed-region [^>]*text:id="([^"]+)">\s*<text:deletion>/g),
    ].map((m) => m[1]!)
    let body = fodt.replace(/<text:tracked-changes.*?<\/text:tracked-changes>/s, '')
    body = body.slice(body.indexOf('<office:text'))
    for (const id of deletions) {
      const start = body.indexOf(`<text:change-start text:change-id="${id}"/>`)
      const end = body.indexOf(`<text:change-end text:change-id="${id}"/>`)
      expect(start).toBeGreaterThan(0)
      body = body.slice(0, start) + body.slice(end)
    }
    const accepted = body
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s/g, '')
    expect(accepted).toBe((await plainParagraphs(newer)).join('').replace(/\s/g, ''))
  }, 180_000)
})

// One export in a fresh process: `node bench/export-once.ts <chars> <caogao|bare>` prints milliseconds.
import { Document, Packer, Paragraph, TextRun } from 'docx'

import { plainText } from '../domain/draft/doc.ts'
import type { DraftFile } from '../domain/draft/draft.ts'
import { defaultSettings } from '../domain/settings.ts'
import { draftToDocx } from '../electron/services/export/export-service.ts'
import { generateReport } from './report-fixture.ts'

const [chars, mode] = [Number(process.argv[2]), process.argv[3]]
const report = generateReport(chars)
const draft: DraftFile = {
  ...report,
  schemaVersion: 1,
  id: '11111111-1111-4111-8111-111111111111',
  revision: 1,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  wordCount: 0,
}
const started = performance.now()
if (mode === 'bare') {
  // The baseline: the same paragraphs as a plain docx document, no layout.
  const children = draft.body.content.map(
    (node) => new Paragraph({ children: [new TextRun(plainText(node))] }),
  )
  await Packer.toBuffer(new Document({ sections: [{ children }] }))
} else {
  await draftToDocx(draft, defaultSettings)
}
process.stdout.write(String(performance.now() - started))

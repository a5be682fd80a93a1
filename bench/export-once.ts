// One export in a fresh process: `node bench/export-once.ts <chars> <caogao|bare>` prints milliseconds.
import { Document, Packer, Paragraph, TextRun } from 'docx'

import { buildExportModel } from '../domain/export/export-model.ts'
import { defaultSettings } from '../domain/settings.ts'
import { draftToDocx } from '../electron/services/export/export-service.ts'
import { generateDraft } from './report-fixture.ts'

const [chars, mode] = [Number(process.argv[2]), process.argv[3]]
const draft = generateDraft(chars)
// The baseline's text: every line the export writes (title, numbered headings, references written
// out, signature, date), found before the clock starts and only for the baseline, so that the
// app's own run gets no warmed-up model code.
function bareLines(): string[] {
  const model = buildExportModel(draft, {
    level3: defaultSettings.level3Numbering,
    indicatorAppendix: defaultSettings.indicatorAppendix,
    today: '2026-11-23',
  })
  return [
    ...model.titleLines,
    ...model.blocks.map((b) =>
      b.kind === 'paragraph' ? b.text : b.runs.map((r) => r.text).join(''),
    ),
    model.signature?.text ?? '',
    model.date.text,
  ]
}
const lines = mode === 'bare' ? bareLines() : []
const started = performance.now()
if (mode === 'bare') {
  // The same text as a plain docx document: one paragraph a line, no layout.
  const children = lines.map((line) => new Paragraph({ children: [new TextRun(line)] }))
  await Packer.toBuffer(new Document({ sections: [{ children }] }))
} else {
  await draftToDocx(draft, defaultSettings)
}
process.stdout.write(String(performance.now() - started))

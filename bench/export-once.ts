// One export in a fresh process: `node bench/export-once.ts <chars> <caogao|bare>` prints milliseconds.
import { Document, Packer, Paragraph, TextRun } from 'docx'

import { plainText } from '../domain/draft/doc.ts'
import { defaultSettings } from '../domain/settings.ts'
import { draftToDocx } from '../electron/services/export/export-service.ts'
import { generateDraft } from './report-fixture.ts'

const [chars, mode] = [Number(process.argv[2]), process.argv[3]]
const draft = generateDraft(chars)
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

// Saves checksummed drafts in a loop until killed; prints "saved N" after each completed save.
import { createHash } from 'node:crypto'

import { paragraph } from '../../../../domain/draft/doc.ts'
import { DraftStore } from '../../../../electron/services/drafts/draft-store.ts'
import { sampleContent } from './helpers.ts'

const [dataDir, id] = process.argv.slice(2) as [string, string]
const store = new DraftStore({ dataDir })
let { revision } = (await store.open(id)).draft
process.stdout.write('ready\n')
for (;;) {
  const payload = `第${revision + 1}轮。${'全区教育系统坚持立德树人。'.repeat(200 + Math.floor(Math.random() * 3000))}`
  const content = sampleContent(payload)
  content.body.content.push(paragraph(createHash('sha256').update(payload).digest('hex')))
  revision = (await store.save(id, revision, content)).revision
  process.stdout.write(`saved ${revision}\n`)
}

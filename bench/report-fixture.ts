// A realistic long report for benchmarks: the team's fixture reports' sentences, cycled to the
// length asked, 60 sections, 300 indicator references. After the first pass over the sentences each
// pass takes them in another (seeded) order: a real report never repeats a run of paragraphs, and a
// verbatim repeat about 24 kB back would let a .docx's compression copy whole pages whenever the
// markup between them stays under deflate's 32 kB window, which favours the barest markup.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { heading, paragraph, type DocNode } from '../domain/draft/doc.ts'
import type { DraftContent, DraftFile } from '../domain/draft/draft.ts'
import { catalogueEntry } from '../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../domain/indicators/model.ts'
import { seededRandom } from './stats.ts'

const FIXTURES = join(import.meta.dirname, '../test/fixtures/reports')

function fixtureSentences(): string[] {
  const text = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
    .join('\n')
  return text
    .split(/(?<=[。！？])/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s.length > 8 && s.length < 200)
}

/** The sentences of pass `pass`: the first in the fixtures' order, later ones shuffled. */
function passOrder(sentences: string[], pass: number): string[] {
  if (pass === 0) return sentences
  const out = [...sentences]
  const random = seededRandom(pass * 0x9e3779b1)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** A report of about `chars` characters with `sections` headings and `refs` indicator references. */
export function generateReport(chars: number, sections = 60, refs = 300): DraftContent {
  const pool = fixtureSentences()
  const passes: string[][] = []
  const sentence = (i: number) => {
    const pass = Math.floor(i / pool.length)
    passes[pass] ??= passOrder(pool, pass)
    return passes[pass][i % pool.length]!
  }
  const indicator = {
    ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'retention-9y'),
    current: '99.66',
    previous: '99.14',
  }
  const blocks: DocNode[] = []
  let total = 0
  let s = 0
  for (let sec = 0; sec < sections; sec++) {
    blocks.push(heading(sec % 6 === 0 ? 1 : 2, sentence(s++).slice(0, 18)))
    while (total < (chars * (sec + 1)) / sections) {
      const text = [0, 1].map(() => sentence(s++)).join('')
      blocks.push(paragraph(text))
      total += text.length
    }
  }
  // Spread the references over the paragraphs.
  const paragraphs = blocks.filter((b) => b.type === 'paragraph')
  for (let r = 0; r < refs; r++) {
    const target = paragraphs[Math.floor((r * paragraphs.length) / refs)]!
    target.content = [
      ...(target.content ?? []),
      { type: 'text', text: '巩固率达' },
      {
        type: 'indicatorRef',
        attrs: { indicatorId: indicator.id, form: r % 2 ? 'value' : 'value-compare' },
      },
      { type: 'text', text: '。' },
    ]
  }
  return {
    meta: {
      title: '基准测试报告',
      unit: '某某县教育局',
      year: 2026,
      kind: 'annual',
      topic: '',
      superior: '县委、县政府',
      recipient: '',
      signature: '某某县教育局',
      date: '',
      lengthTarget: null,
    },
    body: { type: 'doc', content: blocks },
    indicators: [indicator],
    ignoredFindings: [],
  }
}

/** The same report as a draft file, as the store would hold it. */
export function generateDraft(chars: number, sections = 60, refs = 300): DraftFile {
  return {
    ...generateReport(chars, sections, refs),
    schemaVersion: 1,
    id: '11111111-1111-4111-8111-111111111111',
    revision: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    updatedAt: '2026-11-23T00:00:00.000Z',
    wordCount: 0,
  }
}

// Scripted edits of a report, the kinds a section chief makes in Word: figures, moves, splits,
// merges, deletions, renamed headings, punctuation, metadata. Each returns a new draft content.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { paragraph, plainText, type DocNode } from '../../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../../domain/draft/draft.ts'
import { contentFromImport } from '../../../../electron/services/import/content-from-import.ts'
import { importFile } from '../../../../electron/services/import/import-file.ts'
import { TEAM_REPORTS } from '../../../support/external-corpus.ts'

export async function fixtureReport(name: string): Promise<DraftContent> {
  const bytes = readFileSync(join(TEAM_REPORTS, name))
  const result = await importFile(name, bytes, false)
  return contentFromImport(result, {
    fileName: name,
    previousYear: false,
    now: new Date('2026-11-23'),
  })
}

const clone = (c: DraftContent): DraftContent => structuredClone(c)
const body = (c: DraftContent) => c.body.content as DocNode[]
/** A paragraph, or a run-in heading (“1.强化组织领导。成立了…”) carrying a paragraph's text. */
const isText = (n: DocNode) =>
  n.type === 'paragraph'
    ? plainText(n).trim().length > 0
    : n.type === 'heading' && plainText(n).length > 30
const textIndexes = (c: DraftContent) => body(c).flatMap((n, i) => (isText(n) ? [i] : []))
const setText = (n: DocNode, text: string) => {
  n.content = text ? [{ type: 'text', text }] : []
}

export type Edit = (c: DraftContent) => DraftContent

export const EDITS: Record<string, Edit> = {
  figures: (c) => {
    const out = clone(c)
    let k = 0
    for (const n of body(out)) {
      if (!isText(n)) continue
      setText(
        n,
        plainText(n).replace(/\d+(?:\.\d+)?/g, (m) =>
          k++ % 3 === 0 ? String(Number(m) + 1.5) : m,
        ),
      )
    }
    return out
  },
  move: (c) => {
    const out = clone(c)
    const idx = textIndexes(out)
    const [moved] = body(out).splice(idx[1]!, 1)
    body(out).splice(idx[idx.length - 2]!, 0, moved!)
    return out
  },
  split: (c) => {
    const out = clone(c)
    for (const i of textIndexes(out)
      .reverse()
      .filter((_, k) => k % 4 === 0)) {
      const text = plainText(body(out)[i]!)
      const cut = text.indexOf('。') + 1
      if (cut <= 0 || cut >= text.length) continue
      const first = { ...body(out)[i]!, content: [{ type: 'text', text: text.slice(0, cut) }] }
      body(out).splice(i, 1, first, paragraph(text.slice(cut)))
    }
    return out
  },
  merge: (c) => {
    const out = clone(c)
    const idx = textIndexes(out)
    for (let k = idx.length - 2; k >= 0; k--) {
      const [a, b] = [idx[k]!, idx[k + 1]!]
      if (b !== a + 1) continue
      const merged = plainText(body(out)[a]!) + plainText(body(out)[b]!)
      body(out).splice(a, 2, { ...body(out)[a]!, content: [{ type: 'text', text: merged }] })
      k -= 4
    }
    return out
  },
  'delete section': (c) => {
    const out = clone(c)
    const nodes = body(out)
    const start = nodes.findIndex((n, i) => i > 0 && n.type === 'heading')
    if (start < 0) return out
    const level = nodes[start]!.attrs?.level as number
    let end = start + 1
    while (
      end < nodes.length &&
      !(nodes[end]!.type === 'heading' && (nodes[end]!.attrs?.level as number) <= level)
    )
      end++
    nodes.splice(start, end - start)
    return out
  },
  'rename headings': (c) => {
    const out = clone(c)
    body(out)
      .filter((n) => n.type === 'heading')
      .forEach((n, k) => {
        if (k % 2 === 0) setText(n, `${plainText(n).replace(/工作|情况/g, '')}方面`)
      })
    return out
  },
  'insert and delete paragraphs': (c) => {
    const out = clone(c)
    const idx = textIndexes(out)
    body(out).splice(idx[2]!, 1)
    body(out).splice(
      idx[0]!,
      0,
      paragraph('新增的段落：全年共开展专项督导检查12次，覆盖全部学校。'),
    )
    body(out).push(paragraph('末尾新增一段，说明下一步工作的重点。'))
    return out
  },
  punctuation: (c) => {
    const out = clone(c)
    for (const n of body(out)) {
      if (isText(n))
        setText(
          n,
          plainText(n)
            .replace(/，/g, (m, at: number) => (at % 7 === 0 ? '；' : m))
            .replace(/“/g, '"'),
        )
    }
    return out
  },
  metadata: (c) => {
    const out = clone(c)
    out.meta = {
      ...out.meta,
      title: `${out.meta.title}（修改稿）`,
      recipient: out.meta.recipient ? '' : '县人民政府',
      signature: out.meta.signature ? '' : '某某县教育局',
      date: '2026-12-01',
    }
    return out
  },
  'everything at once': (c) => {
    let out = c
    for (const name of [
      'figures',
      'move',
      'split',
      'merge',
      'delete section',
      'rename headings',
      'punctuation',
      'metadata',
    ]) {
      out = EDITS[name]!(out)
    }
    return out
  },
}

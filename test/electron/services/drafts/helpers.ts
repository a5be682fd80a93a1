import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { heading, paragraph } from '../../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../../domain/draft/draft.ts'
import { catalogueEntry } from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../../../domain/indicators/model.ts'

/** A data folder with Chinese characters and spaces in its path, as on many office PCs. */
export async function tempDataDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), '草稿 数据 '))
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) }
}

export function sampleContent(text = '全区小学在校学生24341人。'): DraftContent {
  return {
    meta: {
      title: '某某县教育局2026年教育工作总结',
      unit: '某某县教育局',
      year: 2026,
      kind: 'annual',
      topic: '',
      superior: '县委、县政府',
      recipient: '',
      signature: '某某县教育局',
      date: '2026-12-20',
      lengthTarget: null,
    },
    ignoredFindings: [],
    body: { type: 'doc', content: [heading(1, '主要工作及成效'), paragraph(text)] },
    indicators: [
      {
        ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'gonggulv'),
        current: '99.66',
        previous: '99.14',
      },
    ],
  }
}

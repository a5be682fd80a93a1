import type { CompareSource } from '../../../domain/compare/blocks.ts'
import type { CompareCounts, Comparison } from '../../../domain/compare/compare.ts'
import type { ErrorCode } from '../../../domain/contract.ts'
import type { DraftContent, DraftFile } from '../../../domain/draft/draft.ts'
import type { ImportReport } from '../../../domain/import/import-paragraphs.ts'
import type { DraftIndicator } from '../../../domain/indicators/model.ts'
import type { Finding } from '../../../domain/proofread/proofread.ts'
import type { ReturnField } from '../../../domain/returns/plan.ts'
import type { RollupTable } from '../../../domain/returns/rollup-table.ts'
import type { ReturnProblem } from '../../../domain/returns/rollup.ts'
import type { Settings } from '../../../domain/settings.ts'
import type { FilledSheet } from '../returns/return-sheet.ts'

/** The heavy or untrusted work a worker thread does, one job per thread. */
export type JobRequest =
  | {
      kind: 'import'
      fileName: string
      bytes: Uint8Array
      previousYear: boolean
      /** Take every figure suggestion as an indicator (全部采用, `caogao import --figures`). */
      takeFigures?: boolean
    }
  | { kind: 'export'; draft: DraftFile; settings: Settings; today?: string }
  | { kind: 'check'; draft: DraftFile }
  /** Several drafts in one thread (`caogao check` of many files): one findings list each. */
  | { kind: 'check-many'; drafts: DraftFile[] }
  | { kind: 'compare'; older: CompareSource; newer: CompareSource; settings: Settings }
  | {
      kind: 'compare-export'
      older: CompareSource
      newer: CompareSource
      settings: Settings
      /** 'tracked': 修订稿; 'fixed': 花脸稿. */
      style: 'tracked' | 'fixed'
      olderName: string
      newerName: string
      /** ISO date-time of the revisions; now when absent. */
      at?: string
    }
  | {
      kind: 'returns-make'
      round: { draftId: string; period: string; office: string; fields: ReturnField[] }
      units: string[]
    }
  | { kind: 'returns-read'; files: { name: string; bytes: Uint8Array }[] }
  | { kind: 'rollup-table'; table: RollupTable }
  | {
      kind: 'returns-fill'
      file: { name: string; bytes: Uint8Array }
      indicators: DraftIndicator[]
    }

/** A returned file as read, in plain arrays so it crosses threads and the contract alike. */
export interface ReadReturn {
  file: string
  unit: string
  draftId: string
  period: string
  values: [key: string, value: { text: string | null; cell: string }][]
  problems: ReturnProblem[]
}

export interface JobOutputs {
  import: { content: DraftContent; report: ImportReport }
  export: Uint8Array
  check: Finding[]
  'check-many': Finding[][]
  compare: Comparison
  'compare-export': { bytes: Uint8Array; counts: CompareCounts }
  'returns-make': { fileName: string; bytes: Uint8Array }[]
  'returns-read': ReadReturn[]
  'rollup-table': Uint8Array
  'returns-fill': Omit<FilledSheet, 'bytes'> & { bytes: Uint8Array }
}

/** What a worker posts back. */
export type JobMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: ErrorCode; message: string }

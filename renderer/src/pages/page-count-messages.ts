import type { DraftFile } from '../../../domain/draft/draft.ts'
import type { PageSpec } from '../../../domain/export/page-spec.ts'
import type { Settings } from '../../../domain/settings.ts'
import type { BlockSplice } from '../editor/block-splice.ts'

export interface PageCountRequest {
  id: number
  /** The blocks changed since the last request; the worker keeps the rest. */
  splice: BlockSplice
  draft: Pick<DraftFile, 'meta' | 'indicators'>
  settings: Settings
  today: string
}

export type PageCountReply =
  { id: number; spec: PageSpec; keys: string[] } | { id: number; error: string }

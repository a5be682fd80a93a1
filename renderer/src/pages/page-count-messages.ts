import type { DraftFile } from '../../../domain/draft/draft.ts'
import type { PageSpec } from '../../../domain/export/page-spec.ts'
import type { Settings } from '../../../domain/settings.ts'

export interface PageCountRequest {
  id: number
  draft: Pick<DraftFile, 'meta' | 'body' | 'indicators'>
  settings: Settings
  today: string
}

export type PageCountReply =
  { id: number; spec: PageSpec; keys: string[] } | { id: number; error: string }

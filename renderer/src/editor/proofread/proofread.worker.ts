import type { DocNode } from '../../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../../domain/draft/draft.ts'
import { checkDraft, type Finding } from '../../../../domain/proofread/proofread.ts'
import { applySplice, type BlockSplice } from '../block-splice.ts'

export interface ProofreadRequest {
  id: number
  /** The blocks changed since the last request; the worker keeps the rest. */
  splice: BlockSplice
  meta: DraftContent['meta']
  indicators: DraftContent['indicators']
  ignoredFindings: readonly string[]
}

export type ProofreadReply = { id: number; findings: Finding[] } | { id: number; error: string }

const blocks: DocNode[] = []

// The checks pass over the whole report: here they never hold up a key.
self.onmessage = (event: MessageEvent<ProofreadRequest>) => {
  const { id, splice, meta, indicators, ignoredFindings } = event.data
  applySplice(blocks, splice)
  let reply: ProofreadReply
  try {
    const body = { type: 'doc' as const, content: blocks }
    reply = { id, findings: checkDraft({ meta, body, indicators, ignoredFindings }) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
}

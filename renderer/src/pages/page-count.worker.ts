import type { DocNode } from '../../../domain/draft/doc.ts'
import { draftPageSpec, pageFlowKeys } from '../../../domain/export/page-spec.ts'
import { applySplice } from '../editor/block-splice.ts'
import type { PageCountRequest, PageCountReply } from './page-count-messages.ts'

const blocks: DocNode[] = []

// Builds the export model and the page spec off the main thread: a whole-document pass.
self.onmessage = (event: MessageEvent<PageCountRequest>) => {
  const { id, splice, draft, settings, today } = event.data
  applySplice(blocks, splice)
  let reply: PageCountReply
  try {
    const body = { type: 'doc' as const, content: blocks }
    const spec = draftPageSpec({ ...draft, body }, settings, today)
    reply = { id, spec, keys: pageFlowKeys(spec) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
}

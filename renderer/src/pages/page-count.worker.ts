import { draftPageSpec, pageFlowKeys } from '../../../domain/export/page-spec.ts'
import type { PageCountRequest, PageCountReply } from './page-count-messages.ts'

// Builds the export model and the page spec off the main thread: a whole-document pass.
self.onmessage = (event: MessageEvent<PageCountRequest>) => {
  const { id, draft, settings, today } = event.data
  let reply: PageCountReply
  try {
    const spec = draftPageSpec(draft, settings, today)
    reply = { id, spec, keys: pageFlowKeys(spec) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
}

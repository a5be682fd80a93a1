import { checkDraft, type Finding } from '../../../../domain/proofread/proofread.ts'

export interface ProofreadRequest {
  id: number
  content: Parameters<typeof checkDraft>[0]
}

export type ProofreadReply = { id: number; findings: Finding[] } | { id: number; error: string }

// The checks pass over the whole report: here they never hold up a key.
self.onmessage = (event: MessageEvent<ProofreadRequest>) => {
  const { id, content } = event.data
  let reply: ProofreadReply
  try {
    reply = { id, findings: checkDraft(content) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
}

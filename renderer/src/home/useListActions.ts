import { useCallback, useState } from 'react'

import { failureMessage } from './draft-list.ts'

/**
 * What a list view does with an action: run it, say how it went (status line or error), and
 * read the list again; `listVersion` changes whenever the list should be read.
 */
export function useListActions() {
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [listVersion, setListVersion] = useState(0)
  const reload = useCallback(() => setListVersion((n) => n + 1), [])

  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null)
    try {
      await action()
      setStatus(done)
      reload()
    } catch (e) {
      setError(failureMessage(e))
    }
  }

  return { error, setError, status, setStatus, listVersion, reload, act }
}

import { useEffect, useState } from 'react'

import { api } from '../api/client.ts'

/** An id for a long call (import, export), to watch and cancel it. */
export const newJobId = (): string => crypto.randomUUID()

/**
 * What a running import or export shows: its label at once, and after a second a progress bar
 * and 取消, which stops the job in main (its call then fails with CANCELLED).
 */
export function JobProgress({
  jobId,
  label,
  cancelButton = true,
}: {
  jobId: string
  label: string
  /** False where the dialog's own 取消 cancels the job. */
  cancelButton?: boolean
}) {
  const [fraction, setFraction] = useState<number | null>(null)
  const [slow, setSlow] = useState(false)
  const [cancelling, setCancelling] = useState(false)

  useEffect(() => {
    let stopped = false
    const showAfter = setTimeout(() => setSlow(true), 1000)
    const poll = setInterval(() => {
      api.jobProgress({ jobId }).then(
        (p) => {
          if (!stopped && p.running) setFraction(p.fraction)
        },
        () => undefined,
      )
    }, 300)
    return () => {
      stopped = true
      clearTimeout(showAfter)
      clearInterval(poll)
    }
  }, [jobId])

  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <p>{label}</p>
      {slow && (
        <p>
          <progress max={1} value={fraction ?? 0} aria-label="进度" />{' '}
          {cancelButton && (
            <button
              type="button"
              disabled={cancelling}
              onClick={() => {
                setCancelling(true)
                void api.cancelJob({ jobId }).catch(() => undefined)
              }}
            >
              {cancelling ? '正在取消…' : '取消'}
            </button>
          )}
        </p>
      )}
    </div>
  )
}

import { useEffect, useState } from 'react'

/** A message shown for five seconds; the setter is stable. */
export function useTransientMessage() {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setMessage(null), 5000)
    return () => clearTimeout(timer)
  }, [message])
  return [message, setMessage] as const
}

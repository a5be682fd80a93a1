const pad = (n: number) => String(n).padStart(2, '0')

/** "08:05:09" */
export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

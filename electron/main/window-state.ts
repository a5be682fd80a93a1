import { z } from 'zod'

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_SIZE = { width: 1280, height: 860 }

/**
 * The saved window placement if it is still on a connected screen (a projector
 * or second monitor may be gone), otherwise null so the window opens centred.
 */
export function restorableState(saved: unknown, workAreas: readonly Rect[]): WindowState | null {
  const parsed = windowStateSchema.safeParse(saved)
  if (!parsed.success) return null
  const s = parsed.data
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(s.x + s.width, area.x + area.width) - Math.max(s.x, area.x)
    const overlapY = Math.min(s.y + s.height, area.y + area.height) - Math.max(s.y, area.y)
    return overlapX >= 100 && overlapY >= 50
  })
  return visible ? s : null
}

import { z } from 'zod'

const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])

/** The import report as it crosses to the renderer; mirrors ImportReport. */
export const importReportSchema = z.object({
  sections: z.array(z.object({ block: z.number().int(), level, title: z.string() })),
  figures: z.array(
    z.object({
      block: z.number().int(),
      indicatorId: z.string(),
      name: z.string(),
      value: z.string(),
      text: z.string(),
    }),
  ),
  ambiguous: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  dropped: z.array(z.object({ text: z.string(), reason: z.string() })),
  slips: z.array(
    z.object({
      block: z.number().int(),
      level,
      found: z.number().int(),
      expected: z.number().int(),
      title: z.string(),
    }),
  ),
  notes: z.array(z.string()).default([]),
})

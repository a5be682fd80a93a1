import { z } from 'zod'

const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])

/** The import report as it crosses to the renderer; mirrors ImportReport. */
export const importReportSchema = z.object({
  sections: z.array(z.object({ block: z.number().int(), level, title: z.string() })),
  /** Figure suggestions: the writer takes them all, by group, or one by one; none is applied silently. */
  figures: z.array(
    z.object({
      block: z.number().int(),
      phrase: z.string(),
      name: z.string(),
      value: z.string(),
      unit: z.string(),
      text: z.string(),
      total: z.boolean(),
      catalogKey: z.string().nullable(),
      indicatorId: z.string(),
      group: z.string(),
    }),
  ),
  ambiguous: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  dropped: z.array(z.object({ text: z.string(), reason: z.string() })),
  /** Kept lines that may be web content, each with one click to drop. */
  doubtful: z.array(z.object({ block: z.number().int(), text: z.string(), reason: z.string() })),
  slips: z.array(
    z.object({
      block: z.number().int(),
      level,
      found: z.number().int(),
      expected: z.number().int(),
      title: z.string(),
    }),
  ),
  /** The level each marker style of the source was read at. */
  levels: z.array(
    z.object({
      style: z.enum(['第一部分', '一、', '（一）', '1.', '（1）']),
      level,
    }),
  ),
  /** What the import could not keep as read (an impossible date …), in Chinese. */
  notes: z.array(z.string()).default([]),
})

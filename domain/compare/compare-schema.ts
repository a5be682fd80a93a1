import { z } from 'zod'

import type { Comparison } from './compare.ts'

/** A comparison as it crosses from the worker to the renderer: checked like every answer. */
const blockSchema = z.object({
  kind: z.enum(['title', 'meta', 'heading', 'paragraph']),
  field: z.enum(['unit', 'year', 'recipient', 'signature', 'date']).nullable(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  label: z.string(),
  text: z.string(),
  runInAt: z.number().int().nullable(),
  node: z.number().int().nullable(),
})

const segmentSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
  figure: z.boolean(),
  label: z.boolean(),
})

const index = z.number().int().min(0)

const entrySchema = z.object({
  kind: z.enum([
    'equal',
    'modified',
    'inserted',
    'deleted',
    'moved',
    'moved-away',
    'split',
    'merged',
  ]),
  old: z.array(index),
  new: z.array(index),
  blockKind: blockSchema.shape.kind,
  field: blockSchema.shape.field,
  segments: z.array(segmentSchema),
  moveId: index.nullable(),
})

const changeSchema = z.object({
  type: z.enum(['insert', 'delete', 'replace', 'move']),
  entry: index,
  blockKind: blockSchema.shape.kind,
  field: blockSchema.shape.field,
  heading: z.boolean(),
  meta: z.boolean(),
  figure: z.boolean(),
  numbering: z.boolean(),
  oldText: z.string(),
  newText: z.string(),
  segments: z.tuple([index, index]),
})

export const comparisonSchema: z.ZodType<Comparison> = z.object({
  older: z.array(blockSchema),
  newer: z.array(blockSchema),
  entries: z.array(entrySchema),
  changes: z.array(changeSchema),
  counts: z.object({
    total: index,
    inserted: index,
    deleted: index,
    replaced: index,
    moved: index,
    figures: index,
    headings: index,
    meta: index,
    numbering: index,
  }),
})

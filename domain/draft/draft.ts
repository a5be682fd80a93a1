import { z } from 'zod'

import { draftIndicatorSchema } from '../indicators/model.ts'
import { docSchema } from './doc.ts'

/** Bumped when the draft file changes shape; `migrateDraft` brings older files up. */
export const DRAFT_SCHEMA_VERSION = 1

export const draftKindSchema = z.enum(['annual', 'half-year', 'topical', 'blank'])
export type DraftKind = z.infer<typeof draftKindSchema>

export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  annual: '年度工作总结',
  'half-year': '上半年工作总结及下半年工作思路',
  topical: '专项工作总结',
  blank: '空白文档',
}

export const MIN_YEAR = 1990
export const MAX_YEAR = 2100

/** The report's metadata, filled in the 基本信息 form. */
const MAX_UNIT_TABLE_COLUMNS = 201
const MAX_UNIT_TABLE_ROWS = 1001

/** A table of figures by unit (各乡镇（学校）主要指标统计表): a header and rows of equal length. */
export const unitTableSchema = z
  .object({
    title: z.string().trim().min(1).max(100),
    header: z.array(z.string().max(80)).min(2).max(MAX_UNIT_TABLE_COLUMNS),
    rows: z
      .array(z.array(z.string().max(40)).max(MAX_UNIT_TABLE_COLUMNS))
      .min(1)
      .max(MAX_UNIT_TABLE_ROWS),
  })
  .refine((t) => t.rows.every((r) => r.length === t.header.length), {
    message: '表格每行的格数应与表头相同。',
  })
export type UnitTable = z.infer<typeof unitTableSchema>

export const draftMetaSchema = z.object({
  title: z.string().max(200),
  /** 单位, e.g. 某某县教育局 */
  unit: z.string().max(100),
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  kind: draftKindSchema,
  /** The topic of a 专项 report (安全工作, 学生资助 …); empty otherwise. */
  topic: z.string().max(50).default(''),
  /** 上级, the superior the set phrases name (县委、县政府 …). */
  superior: z.string().max(60).default(''),
  /** 主送机关, optional. */
  recipient: z.string().max(100).default(''),
  /** 发文机关署名. */
  signature: z.string().max(100).default(''),
  /** 成文日期 as YYYY-MM-DD; written 2026年11月23日 in the report. */
  date: z.union([z.literal(''), z.iso.date()]).default(''),
  /** 字数 the office asked for, if any; the checks say when the report misses it by a tenth. */
  lengthTarget: z.number().int().min(0).max(200_000).nullable().default(null),
  /** 附件 after the report: the per-unit figures of a 汇总, when the writer added them. */
  unitTable: unitTableSchema.optional(),
})
export type DraftMeta = z.infer<typeof draftMetaSchema>

/** What the editor produces and a save carries. */
export const draftContentSchema = z.object({
  meta: draftMetaSchema,
  body: docSchema,
  indicators: z.array(draftIndicatorSchema).default([]),
  /** Proofreading findings the writer chose to ignore (their keys). */
  ignoredFindings: z.array(z.string().max(400)).max(5000).default([]),
})
export type DraftContent = z.infer<typeof draftContentSchema>

export { draftIndicatorSchema, type DraftIndicator } from '../indicators/model.ts'

export const draftIdSchema = z.uuid()

/** A draft file on disk. */
export const draftFileSchema = draftContentSchema.extend({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  id: draftIdSchema,
  /** Counts saves; a save names the revision it was based on, so no one overwrites unseen work. */
  revision: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  wordCount: z.number().int().min(0),
})
export type DraftFile = z.infer<typeof draftFileSchema>

/** What the home screen lists. */
export const draftSummarySchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  unit: z.string(),
  year: z.number().int(),
  kind: draftKindSchema,
  topic: z.string(),
  updatedAt: z.iso.datetime(),
  wordCount: z.number().int(),
  revision: z.number().int(),
  /**
   * The file could not be read (and not recovered); title and figures are those of its
   * newest readable revision, if any. Opening it says why.
   */
  damaged: z.boolean().optional(),
})
export type DraftSummary = z.infer<typeof draftSummarySchema>

export function summarize(draft: DraftFile): DraftSummary {
  return {
    id: draft.id,
    title: draft.meta.title,
    unit: draft.meta.unit,
    year: draft.meta.year,
    kind: draft.meta.kind,
    topic: draft.meta.topic,
    updatedAt: draft.updatedAt,
    wordCount: draft.wordCount,
    revision: draft.revision,
  }
}

export class DraftMigrationError extends Error {}

/**
 * Brings a parsed draft file of any known schema version to the current one.
 * Each future version adds one step here; an unknown version is an error.
 */
export function migrateDraft(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) throw new DraftMigrationError('not an object')
  const version = (raw as { schemaVersion?: unknown }).schemaVersion
  if (version === DRAFT_SCHEMA_VERSION) return raw
  throw new DraftMigrationError(`unknown schema version ${String(version)}`)
}

/** Parses a draft file's text; throws on anything that is not a valid draft. */
export function parseDraftFile(text: string): DraftFile {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return draftFileSchema.parse(migrateDraft(JSON.parse(clean)))
}

import { z } from 'zod'
import { zhCN } from 'zod/locales'

import { comparisonSchema } from './compare/compare-schema.ts'
import {
  MAX_YEAR,
  MIN_YEAR,
  draftContentSchema,
  draftFileSchema,
  draftIdSchema,
  draftKindSchema,
  draftSummarySchema,
  unitTableSchema,
} from './draft/draft.ts'
import { revisionInfoSchema } from './draft/revisions.ts'
import { importReportSchema } from './import/import-report-schema.ts'
import { MAX_IMPORT_BASE64_CHARS, MAX_RETURN_FILES } from './limits.ts'
import { settingsPatchSchema, settingsSchema } from './settings.ts'
import { snippetSchema } from './snippets/snippets.ts'

// Validation messages reach the writer, so they are in Chinese.
z.config(zhCN())

const empty = z.object({}).strict()
const byId = z.object({ id: draftIdSchema }).strict()
const trashedDraftSchema = draftSummarySchema.extend({ trashedAt: z.iso.datetime() })
const draftResultSchema = z.object({ draft: draftFileSchema })
/** Chosen by the renderer for a long job (import, export), to watch and cancel it. */
const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

const exportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), name: z.string() }),
  z.object({ status: z.literal('cancelled') }),
])

const cellStatusSchema = z.enum(['ok', 'missing', 'invalid', 'conflict'])
const returnUnitsSchema = z.array(z.string().trim().min(1).max(40)).min(1).max(MAX_RETURN_FILES)

/** A roll-up of returned 报送表 as the 汇总 table shows it. */
const rollupSchema = z.object({
  period: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      indicatorId: z.string(),
      name: z.string(),
      unit: z.string(),
    }),
  ),
  rows: z.array(
    z.object({
      unit: z.string(),
      status: cellStatusSchema,
      files: z.array(z.string()),
      cells: z.array(
        z.object({ key: z.string(), status: cellStatusSchema, value: z.string().nullable() }),
      ),
      figures: z.array(z.object({ indicatorId: z.string(), value: z.string().nullable() })),
    }),
  ),
  totals: z.array(
    z.object({
      indicatorId: z.string(),
      name: z.string(),
      value: z.string().nullable(),
      numerator: z.string().nullable(),
      denominator: z.string().nullable(),
      counted: z.number().int(),
      complete: z.boolean(),
      warning: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({ file: z.string(), cell: z.string().nullable(), message: z.string() }),
  ),
})
export type RollupView = z.infer<typeof rollupSchema>

/** A version to compare: a draft's text as the editor holds it, a revision or a file read back. */
const versionSchema = draftContentSchema.pick({ meta: true, body: true, indicators: true })

/**
 * Every call from the renderer to main, declared once. Main validates each input
 * against `input`, the renderer checks each answer against `output`, and the
 * preload exposes exactly these names.
 */
export const contract = {
  getAppInfo: {
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      /** Where the app runs: inside Electron, or the browser host used in development and tests. */
      shell: z.enum(['electron', 'browser-host']),
      dataDir: z.string(),
    }),
  },
  getSettings: {
    input: z.object({}).strict(),
    output: settingsSchema,
  },
  updateSettings: {
    input: settingsPatchSchema,
    output: settingsSchema,
  },

  listDrafts: {
    input: empty,
    /** notices: damaged files that were recovered while listing, in Chinese. */
    output: z.object({ drafts: z.array(draftSummarySchema), notices: z.array(z.string()) }),
  },
  createDraft: {
    input: z
      .object({
        kind: draftKindSchema,
        topic: z.string().max(50),
        unit: z.string().trim().max(100),
        year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
      })
      .strict(),
    output: draftSummarySchema,
  },
  openDraft: {
    input: byId,
    output: z.object({ draft: draftFileSchema, notice: z.string().nullable() }),
  },
  saveDraft: {
    input: z
      .object({
        id: draftIdSchema,
        /** The revision the editor started from; a different one on disk is a conflict. */
        baseRevision: z.number().int().min(0),
        content: draftContentSchema,
      })
      .strict(),
    output: z.object({
      revision: z.number().int(),
      updatedAt: z.iso.datetime(),
      wordCount: z.number().int(),
    }),
  },
  renameDraft: {
    input: z.object({ id: draftIdSchema, title: z.string().trim().min(1).max(200) }).strict(),
    output: draftSummarySchema,
  },
  duplicateDraft: { input: byId, output: draftSummarySchema },
  carryForwardDraft: { input: byId, output: draftSummarySchema },
  trashDraft: { input: byId, output: empty },
  listTrash: { input: empty, output: z.object({ drafts: z.array(trashedDraftSchema) }) },
  restoreDraft: { input: byId, output: draftSummarySchema },
  deleteDraftForever: { input: byId, output: empty },
  snapshotDraft: {
    input: z
      .object({ id: draftIdSchema, reason: z.enum(['close', 'before-bulk-change']) })
      .strict(),
    output: empty,
  },
  listRevisions: {
    input: byId,
    output: z.object({ revisions: z.array(revisionInfoSchema) }),
  },
  readRevision: {
    input: z.object({ id: draftIdSchema, revisionId: z.string().max(100) }).strict(),
    output: draftResultSchema,
  },
  exportDraft: {
    input: z.object({ id: draftIdSchema, jobId: jobIdSchema.optional() }).strict(),
    output: exportResultSchema,
  },
  /**
   * The pages the calling window shows (its 分页预览, printed with the print stylesheet) saved
   * as a PDF. Electron only: the browser host has no printer of its own and answers FORBIDDEN.
   */
  exportPdf: {
    input: z.object({ id: draftIdSchema }).strict(),
    output: exportResultSchema,
  },
  /** Opens, or shows in its folder, a file this session exported; nothing else. */
  openExportedFile: {
    input: z.object({ path: z.string().max(4000), reveal: z.boolean() }).strict(),
    output: empty,
  },
  importDraft: {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        /** The file's bytes, base64; MAX_IMPORT_BYTES at most once decoded. */
        data: z.string().max(MAX_IMPORT_BASE64_CHARS),
        /** The file is last year's report: its figures become last year's values. */
        previousYear: z.boolean(),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: z.object({ draft: draftSummarySchema, report: importReportSchema }),
  },
  /** How far a running import or export has got (0 to 1); running false once it is over. */
  jobProgress: {
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ running: z.boolean(), fraction: z.number().min(0).max(1) }),
  },
  /** Stops a running import or export; its own call then answers CANCELLED. */
  cancelJob: {
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  listSnippets: {
    input: empty,
    output: z.object({ snippets: z.array(snippetSchema), usage: z.record(z.string(), z.number()) }),
  },
  saveSnippet: {
    input: z
      .object({
        id: z.string().max(80).optional(),
        text: snippetSchema.shape.text,
        category: snippetSchema.shape.category,
      })
      .strict(),
    output: snippetSchema,
  },
  deleteSnippet: { input: z.object({ id: z.string().max(80) }).strict(), output: empty },
  recordSnippetUse: { input: z.object({ id: z.string().max(80) }).strict(), output: empty },
  importSnippetPack: {
    input: z.object({ text: z.string().max(5_000_000) }).strict(),
    output: z.object({ added: z.number().int(), skipped: z.number().int() }),
  },
  exportSnippetPack: { input: empty, output: z.object({ text: z.string() }) },
  searchKeys: {
    input: z.object({ texts: z.array(z.string().max(500)).max(5000) }).strict(),
    output: z.object({
      keys: z.array(z.object({ text: z.string(), full: z.string(), initials: z.string() })),
    }),
  },
  /** Reads a Word or text file that came back as a version of a draft (not a new draft). */
  readVersionFile: {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        data: z.string().max(MAX_IMPORT_BASE64_CHARS),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: z.object({ content: versionSchema }),
  },
  /** Compares two versions of a draft, in a worker. */
  compareVersions: {
    input: z
      .object({ older: versionSchema, newer: versionSchema, jobId: jobIdSchema.optional() })
      .strict(),
    output: z.object({ comparison: comparisonSchema }),
  },
  /** Writes a 修订稿 (Word revisions) or 花脸稿 (red marks for paper) of two versions. */
  exportComparison: {
    input: z
      .object({
        older: versionSchema,
        newer: versionSchema,
        style: z.enum(['tracked', 'fixed']),
        olderName: z.string().trim().min(1).max(100),
        newerName: z.string().trim().min(1).max(100),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: exportResultSchema,
  },
  /** Writes one 报送表 per unit into a folder the writer chooses; keeps the unit list. */
  makeReturnSheets: {
    input: z
      .object({
        id: draftIdSchema,
        indicatorIds: z.array(z.string().max(64)).min(1).max(500),
        units: returnUnitsSchema,
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('saved'),
        dir: z.string(),
        files: z.array(z.string()),
        skipped: z.array(
          z.object({ indicatorId: z.string(), name: z.string(), reason: z.string() }),
        ),
      }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** Reads returned 报送表 (in a worker) and adds them up against the draft's indicators. */
  rollUpReturns: {
    input: z
      .object({
        id: draftIdSchema,
        units: returnUnitsSchema,
        files: z
          .array(
            z.object({
              fileName: z.string().min(1).max(255),
              data: z.string().max(MAX_IMPORT_BASE64_CHARS),
            }),
          )
          .min(1)
          .max(MAX_RETURN_FILES),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: z.object({ rollup: rollupSchema }),
  },
  /** Fills a received 报送表 from the draft's own figures and saves the filled copy. */
  fillReturnSheet: {
    input: z
      .object({
        id: draftIdSchema,
        fileName: z.string().min(1).max(255),
        data: z.string().max(MAX_IMPORT_BASE64_CHARS),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('saved'),
        path: z.string(),
        name: z.string(),
        filled: z.array(z.string()),
        missing: z.array(z.string()),
        kept: z.array(z.string()),
      }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** Saves the 汇总 table (a row per unit and the total) as an .xlsx where the writer chooses. */
  saveRollupTable: {
    input: z.object({ table: unitTableSchema, jobId: jobIdSchema.optional() }).strict(),
    output: exportResultSchema,
  },
  restoreRevision: {
    input: z.object({ id: draftIdSchema, revisionId: z.string().max(100) }).strict(),
    output: draftResultSchema,
  },
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** The method names, in a module of their own so the preload need not bundle zod. */
export { channelOf, methodNames } from './contract-names.ts'

/** Error codes a call may answer with; each comes with a Chinese message for the writer. */
export const errorCodeSchema = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Another window or program holds the draft for a moment; trying again later works. */
  'BUSY',
  'IO_ERROR',
  'CANCELLED',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  /** Plain Chinese, shown to the writer as is. */
  message: z.string(),
})
export type ApiErrorShape = z.infer<typeof apiErrorSchema>

/** What crosses the boundary: never a thrown error, always one of these. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

export const apiResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
])

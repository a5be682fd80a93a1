import { z } from 'zod'
import { zhCN } from 'zod/locales'

import { settingsPatchSchema, settingsSchema } from './settings.ts'

// Validation messages reach the writer, so they are in Chinese.
z.config(zhCN())

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
  'IO_ERROR',
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

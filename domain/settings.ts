import { z } from 'zod'

const fields = {
  /** A , ; : ( ) ? ! typed after a Chinese character becomes full-width. */
  fullWidthPunctuation: z.boolean(),
  /** Level-3 headings numbered "1." (GB/T 9704) or "1、" (common local practice). */
  level3Numbering: z.enum(['1.', '1、']),
  /** Editor text size in CSS pixels; older eyes want it large. */
  editorFontSize: z.number().int().min(14).max(32),
}

/** The writer's preferences: one schema with defaults; main keeps them, the renderer reads them. */
export const settingsSchema = z.object({
  fullWidthPunctuation: fields.fullWidthPunctuation.default(true),
  level3Numbering: fields.level3Numbering.default('1.'),
  editorFontSize: fields.editorFontSize.default(21),
})

export type Settings = z.infer<typeof settingsSchema>

/** A partial update as sent by the renderer; unknown keys are refused. */
export const settingsPatchSchema = z.object(fields).partial().strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const defaultSettings: Settings = settingsSchema.parse({})

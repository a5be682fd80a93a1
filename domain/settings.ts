import { z } from 'zod'

import {
  FONT_SETS,
  customFontsSchema,
  fontSetSchema,
  pageNumberStyleSchema,
} from './export/gbt9704.ts'

const fields = {
  /** A , ; : ( ) ? ! typed after a Chinese character becomes full-width. */
  fullWidthPunctuation: z.boolean(),
  /** Level-3 headings numbered "1." (GB/T 9704) or "1、" (common local practice). */
  level3Numbering: z.enum(['1.', '1、']),
  /** Editor text size in CSS pixels; older eyes want it large. */
  editorFontSize: z.number().int().min(14).max(32),
  /** Export: which fonts the Word file names. */
  exportFontSet: fontSetSchema,
  exportCustomFonts: customFontsSchema,
  /** Export: bold level-2 (楷体) and level-3 (仿宋) headings, as many offices do. */
  boldLevel2: z.boolean(),
  boldLevel3: z.boolean(),
  /** Export: exact line spacing in points; 28.95 gives 22 lines a page. */
  lineSpacingPt: z.number().min(20).max(36),
  pageNumberStyle: pageNumberStyleSchema,
  /** Export: add 附件：主要指标统计表 on a page of its own. */
  indicatorAppendix: z.boolean(),
  /** The folder the last export went to. */
  lastExportDir: z.string().max(1000),
  /** The author a 修订稿's revisions name; empty: the draft's unit. */
  revisionAuthor: z.string().trim().max(40),
  /** The townships and schools a 报送表 goes to, kept and reused between rounds. */
  returnUnits: z.array(z.string().trim().min(1).max(40)).max(300),
}

/** The writer's preferences: one schema with defaults; main keeps them, the renderer reads them. */
export const settingsSchema = z.object({
  fullWidthPunctuation: fields.fullWidthPunctuation.default(true),
  level3Numbering: fields.level3Numbering.default('1.'),
  editorFontSize: fields.editorFontSize.default(21),
  exportFontSet: fields.exportFontSet.default('gb2312'),
  exportCustomFonts: fields.exportCustomFonts.default(FONT_SETS.gb2312),
  boldLevel2: fields.boldLevel2.default(false),
  boldLevel3: fields.boldLevel3.default(true),
  lineSpacingPt: fields.lineSpacingPt.default(28.95),
  pageNumberStyle: fields.pageNumberStyle.default('sides'),
  indicatorAppendix: fields.indicatorAppendix.default(false),
  lastExportDir: fields.lastExportDir.default(''),
  revisionAuthor: fields.revisionAuthor.default(''),
  returnUnits: fields.returnUnits.default([]),
})

export type Settings = z.infer<typeof settingsSchema>

/** A partial update as sent by the renderer; unknown keys are refused. */
export const settingsPatchSchema = z.object(fields).partial().strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const defaultSettings: Settings = settingsSchema.parse({})

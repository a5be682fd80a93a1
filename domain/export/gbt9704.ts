import { z } from 'zod'

/** GB/T 9704-2012 in Word's units (1 mm = 56.69 twips, 1 pt = 20 twips). See shared/docs/gbt9704.md. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 2098,
  marginBottom: 1984,
  marginLeft: 1588,
  marginRight: 1474,
  /** Page number 7 mm under the text block: its line ends about 23 mm above the paper's edge. */
  footer: 1304,
  /** 22 lines on the text block of 225 mm. */
  linesPerPage: 22,
  charsPerLine: 28,
} as const

/** Sizes in half-points, as Word stores them. */
export const SIZE = {
  /** 二号 22 pt */
  title: 44,
  /** 三号 16 pt */
  body: 32,
  /** 四号 14 pt */
  pageNumber: 28,
  /** 四号 for the appendix table */
  table: 28,
} as const

/** −0.25 pt condensed spacing: 28 characters a line in Word, WPS and LibreOffice alike. */
export const BODY_CHARACTER_SPACING = -5
/** Two characters of 三号 (16 pt) in twips, for indents Word reads in twips. */
export const TWO_CHARS = 640
export const ONE_CHAR = 320

export const fontSetSchema = z.enum(['gb2312', 'windows', 'custom'])
export type FontSet = z.infer<typeof fontSetSchema>

export interface Fonts {
  title: string
  body: string
  level1: string
  level2: string
  pageNumber: string
}

export const FONT_SETS: Record<Exclude<FontSet, 'custom'>, Fonts> = {
  // What government PCs have.
  gb2312: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    level1: '黑体',
    level2: '楷体_GB2312',
    pageNumber: '宋体',
  },
  // A stock Chinese Windows 10/11: no _GB2312 fonts, no 方正小标宋简体.
  windows: { title: '宋体', body: '仿宋', level1: '黑体', level2: '楷体', pageNumber: '宋体' },
}

export const FONT_SET_LABELS: Record<FontSet, string> = {
  gb2312: '公文字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）',
  windows: 'Windows 自带字体（宋体、仿宋、黑体、楷体）',
  custom: '自定义字体',
}

export const customFontsSchema = z.object({
  title: z.string().trim().min(1).max(40),
  body: z.string().trim().min(1).max(40),
  level1: z.string().trim().min(1).max(40),
  level2: z.string().trim().min(1).max(40),
  pageNumber: z.string().trim().min(1).max(40),
})

export const pageNumberStyleSchema = z.enum(['sides', 'center', 'plain-center'])
export type PageNumberStyle = z.infer<typeof pageNumberStyleSchema>

export const PAGE_NUMBER_STYLE_LABELS: Record<PageNumberStyle, string> = {
  sides: '“— 1 —”单页居右、双页居左（国家标准）',
  center: '“— 1 —”居中',
  'plain-center': '“1”居中',
}

export function fontsFor(set: FontSet, custom: Fonts): Fonts {
  return set === 'custom' ? custom : FONT_SETS[set]
}

/** Exact line spacing in twentieths of a point: 28.95 pt → 579. */
export function lineTwips(pt: number): number {
  return Math.round(pt * 20)
}

/** The appendix table: column shares of the text block's width, its header, its exact row line (twips). */
export const APPENDIX_COLUMNS = [0.34, 0.1, 0.16, 0.16, 0.24] as const
export const APPENDIX_HEADER = ['指标名称', '单位', '今年', '上年', '同比变化'] as const
export const APPENDIX_ROW_LINE = 400
/** Word's default left and right cell margin (0.08 inch). */
export const CELL_MARGIN = 108
/** The page number's distance in from the text block's edge: one character of 四号. */
export const PAGE_NUMBER_INDENT = 280

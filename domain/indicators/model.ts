import { z } from 'zod'

import { catalogueEntry, indicatorKindSchema, type CatalogueEntry } from './catalogue.ts'

/** How an indicator reference shows in the text. */
export const referenceFormSchema = z.enum(['value', 'value-compare', 'compare'])
export type ReferenceForm = z.infer<typeof referenceFormSchema>

export const REFERENCE_FORM_LABELS: Record<ReferenceForm, string> = {
  value: '只写数值',
  'value-compare': '数值和同比',
  compare: '只写同比',
}

/**
 * One figure of the report. Values are the normalised text the writer typed ("99.66",
 * "1226.9125", "21:1"), so the precision typed is the precision shown.
 */
export const draftIndicatorSchema = z.object({
  id: z.string().min(1).max(64),
  /** The catalogue entry it came from; null for the report's own. */
  catalogKey: z.string().max(64).nullable().default(null),
  name: z.string().min(1).max(60),
  group: z.string().max(30).default('自定义'),
  kind: indicatorKindSchema.default('count'),
  unit: z.string().max(10).default(''),
  current: z.string().max(100).nullable(),
  previous: z.string().max(100).nullable(),
  /** Where the figure comes from (教育事业统计 …). */
  source: z.string().max(200).default(''),
  /** Decimals to show; null keeps what was typed. */
  decimals: z.number().int().min(0).max(6).nullable().default(null),
  lowerIsBetter: z.boolean().default(false),
  gross: z.boolean().default(false),
  /** Counts are whole numbers unless this says otherwise (生均图书 35.6册). */
  integer: z.boolean().default(true),
})
export type DraftIndicator = z.infer<typeof draftIndicatorSchema>

/** A new report indicator from a catalogue entry, with no values yet. */
export function indicatorFromCatalogue(entry: CatalogueEntry, id: string): DraftIndicator {
  return {
    id,
    catalogKey: entry.key,
    name: entry.name,
    group: entry.group,
    kind: entry.kind,
    unit: entry.unit,
    current: null,
    previous: null,
    source: '',
    decimals: null,
    lowerIsBetter: entry.lowerIsBetter ?? false,
    gross: entry.gross ?? false,
    integer: entry.key !== 'books-per-student',
  }
}

/** What the catalogue says of this indicator (warn threshold, aliases, definition), if it came from there. */
export function catalogueOf(indicator: DraftIndicator): CatalogueEntry | undefined {
  return indicator.catalogKey ? catalogueEntry(indicator.catalogKey) : undefined
}

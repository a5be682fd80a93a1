import type { DocNode, LeafText } from '../draft/doc.ts'
import { referenceText } from './format.ts'
import { referenceFormSchema, type DraftIndicator } from './model.ts'

/** The node type of an indicator reference in the body. */
export const INDICATOR_REF = 'indicatorRef'

/** What an indicator reference reads as, for word count and export: its formatted text. */
export function referenceLeafText(indicators: readonly DraftIndicator[]): LeafText {
  const byId = new Map(indicators.map((i) => [i.id, i]))
  return (node: DocNode) => {
    if (node.type !== INDICATOR_REF) return ''
    const indicator = byId.get(String(node.attrs?.indicatorId))
    const form = referenceFormSchema.safeParse(node.attrs?.form)
    return (indicator && referenceText(indicator, form.success ? form.data : 'value')) ?? ''
  }
}

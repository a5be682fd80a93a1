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

/** The node type of an open slot a snippet left for the writer. */
export const SNIPPET_SLOT = 'snippetSlot'

/** How a slot still open reads in the text and the export: its label in full-width brackets. */
export function slotText(label: unknown): string {
  return `［${String(label ?? '')}］`
}

/** Leaf text for everything inline that is not text: references as their figures, slots as ［label］. */
export function inlineLeafText(indicators: readonly DraftIndicator[]): LeafText {
  const reference = referenceLeafText(indicators)
  return (node: DocNode) =>
    node.type === SNIPPET_SLOT ? slotText(node.attrs?.label) : reference(node)
}

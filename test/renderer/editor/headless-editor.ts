import { Editor, type Extensions, type JSONContent } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'

import type { DraftIndicator } from '../../../domain/indicators/model.ts'
import { BodyParagraph } from '../../../renderer/src/editor/extensions/body-paragraph/index.ts'
import { DropLines } from '../../../renderer/src/editor/extensions/drop-lines/index.ts'
import { IndicatorRef } from '../../../renderer/src/editor/extensions/indicator-ref/index.ts'
import { ProofreadFixes } from '../../../renderer/src/editor/extensions/proofread-fixes/index.ts'
import { Reveal } from '../../../renderer/src/editor/extensions/reveal/index.ts'
import { SectionHeading } from '../../../renderer/src/editor/extensions/section-heading/index.ts'
import { IndicatorStore } from '../../../renderer/src/editor/indicators/indicator-store.ts'

/**
 * The report's schema and the extensions whose commands the panels call, with no view:
 * commands run on the editor state in Node. (The suggestion and snippet extensions need the
 * page and are left out.)
 */
export function headlessEditor(
  content: JSONContent,
  indicators: DraftIndicator[] = [],
  /** More extensions a test needs (undo, the one under test). */
  extra: Extensions = [],
) {
  const store = new IndicatorStore(indicators)
  const editor = new Editor({
    element: null,
    extensions: [
      Document,
      Text,
      BodyParagraph,
      SectionHeading.configure({ level3: '1.', onRefused: () => undefined }),
      IndicatorRef.configure({ store }),
      Reveal,
      ProofreadFixes,
      DropLines,
      ...extra,
    ],
    content,
  })
  return { editor, store }
}

export const paragraph = (...content: JSONContent[]): JSONContent => ({
  type: 'paragraph',
  content,
})
export const text = (t: string): JSONContent => ({ type: 'text', text: t })
export const ref = (indicatorId: string, form = 'value'): JSONContent => ({
  type: 'indicatorRef',
  attrs: { indicatorId, form },
})
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

import Paragraph from '@tiptap/extension-paragraph'

/** Lines a hint takes on the 28-character page (first line indented two), for the room CSS keeps. */
export function guidanceLines(text: string): number {
  return Math.min(8, Math.ceil((text.length + 2) / 28))
}

/**
 * The body paragraph. `guidance` is the greyed hint a template puts in an empty place:
 * an attribute shown by CSS only while the paragraph is empty, so it is never text, never
 * exported, and no widget sits in the way of an IME (ProseMirror issue 1500).
 */
export const BodyParagraph = Paragraph.extend({
  addAttributes() {
    return {
      guidance: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-guidance'),
        renderHTML: (attributes) =>
          typeof attributes.guidance === 'string' && attributes.guidance
            ? {
                'data-guidance': attributes.guidance,
                'data-guidance-lines': String(guidanceLines(attributes.guidance)),
              }
            : {},
      },
    }
  },
})

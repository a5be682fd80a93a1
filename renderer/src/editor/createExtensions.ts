import type { Extensions } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Heading from '@tiptap/extension-heading'
import Text from '@tiptap/extension-text'
import { UndoRedo } from '@tiptap/extensions'

import { BodyParagraph } from './extensions/body-paragraph/index.ts'

/** The report body's schema: paragraphs and four heading levels; no bold or italic. */
export function createExtensions(): Extensions {
  return [
    Document,
    Text,
    BodyParagraph,
    Heading.configure({ levels: [1, 2, 3, 4] }),
    UndoRedo.configure({ depth: 500 }),
  ]
}

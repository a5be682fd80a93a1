import type { Extensions } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'
import { UndoRedo } from '@tiptap/extensions'

import type { Settings } from '../../../domain/settings.ts'
import { BodyParagraph } from './extensions/body-paragraph/index.ts'
import { CleanPaste } from './extensions/clean-paste/index.ts'
import { Enumeration } from './extensions/enumeration/index.ts'
import { FindReplace } from './extensions/find-replace/index.ts'
import { FullWidthPunctuation } from './extensions/full-width-punctuation/index.ts'
import { SectionHeading } from './extensions/section-heading/index.ts'

/** The report body's schema and behaviour: paragraphs and four heading levels; no bold or italic. */
export function createExtensions(
  settings: Settings,
  onRefused: (message: string) => void,
): Extensions {
  return [
    Document,
    Text,
    BodyParagraph,
    SectionHeading.configure({ level3: settings.level3Numbering, onRefused }),
    UndoRedo.configure({ depth: 500 }),
    CleanPaste,
    FullWidthPunctuation.configure({ enabled: settings.fullWidthPunctuation }),
    FindReplace,
    Enumeration,
  ]
}

import { plainText, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftFile } from '../../../domain/draft/draft.ts'
import { inlineLeafText } from '../../../domain/indicators/references.ts'
import {
  HeadingCounter,
  isHeadingLevel,
  type Level3Style,
} from '../../../domain/outline/numbering.ts'

export interface PreviewBlock {
  /** The heading's drawn number (一、 （一） 1. （1）), as the editor shows it; '' for a paragraph. */
  label: string
  heading: boolean
  text: string
}

/** An old revision's blocks as the editor shows them: heading numbers drawn, references written out. */
export function previewBlocks(draft: DraftFile, level3: Level3Style): PreviewBlock[] {
  const leaf = inlineLeafText(draft.indicators)
  const counter = new HeadingCounter()
  return (draft.body.content as DocNode[]).map((node) => {
    const text = plainText(node, '\n', leaf)
    const level = node.attrs?.level
    if (node.type === 'heading' && isHeadingLevel(level)) {
      return { label: counter.nextLabel(level, level3), heading: true, text }
    }
    return { label: '', heading: false, text }
  })
}

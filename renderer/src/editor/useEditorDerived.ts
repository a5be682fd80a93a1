import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'

import { wordLeafText } from '../../../domain/draft/word-count.ts'
import type { Level3Style } from '../../../domain/outline/numbering.ts'
import { buildOutline, type OutlineSection } from '../../../domain/outline/outline.ts'
import type { EnumerationStorage } from './extensions/enumeration/index.ts'
import { blockIndexAt, blockReader, sectionPath } from './extensions/section-heading/index.ts'
import type { IndicatorStore } from './indicators/indicator-store.ts'

export interface EditorDerived {
  sections: OutlineSection[]
  /** The headings around the cursor, outermost first. */
  path: OutlineSection[]
  current: OutlineSection | null
  wordCount: number
  offer: string | null
  /** The cursor's top-level block and how many there are. */
  blockIndex: number
  blockCount: number
}

const EMPTY: EditorDerived = {
  sections: [],
  path: [],
  current: null,
  wordCount: 0,
  offer: null,
  blockIndex: 0,
  blockCount: 0,
}

/**
 * What the panels show about the document: computed shortly after typing pauses, never on
 * the keystroke itself, so typing stays fast in a long report.
 */
export function useEditorDerived(
  editor: Editor | null,
  level3: Level3Style,
  /** The values references show: they count in 字数 and change it. */
  indicators: IndicatorStore,
): EditorDerived {
  const [derived, setDerived] = useState<EditorDerived>(EMPTY)
  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | null = null
    let sections: OutlineSection[] = []
    let wordCount = 0
    let docDirty = true
    // Counted as the saved draft and the export count it, not as the editor shows empty figures;
    // read anew when a figure changes, since references count as their values.
    let read = blockReader(wordLeafText(indicators.list()))
    const compute = () => {
      timer = null
      const { doc, selection } = editor.state
      if (docDirty) {
        const { blocks, words } = read(doc)
        sections = buildOutline(blocks, level3)
        wordCount = words
        docDirty = false
      }
      const blockIndex = blockIndexAt(doc, selection.from)
      const path = sectionPath(sections, blockIndex)
      const offer = (editor.storage as unknown as { enumeration: EnumerationStorage }).enumeration
        .offer
      setDerived({
        sections,
        path,
        current: path.at(-1) ?? null,
        wordCount,
        offer,
        blockIndex,
        blockCount: doc.childCount,
      })
    }
    const schedule = (delay: number) => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(compute, delay)
    }
    const onUpdate = () => {
      docDirty = true
      schedule(250)
    }
    const onSelection = () => schedule(80)
    const onIndicators = () => {
      read = blockReader(wordLeafText(indicators.list()))
      onUpdate()
    }
    compute()
    editor.on('update', onUpdate)
    editor.on('selectionUpdate', onSelection)
    const unsubscribeIndicators = indicators.subscribe(onIndicators)
    return () => {
      unsubscribeIndicators()
      editor.off('update', onUpdate)
      editor.off('selectionUpdate', onSelection)
      if (timer) clearTimeout(timer)
    }
  }, [editor, level3, indicators])
  return derived
}

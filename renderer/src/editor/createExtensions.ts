import type { Extensions } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'
import { UndoRedo } from '@tiptap/extensions'

import { formatValue } from '../../../domain/indicators/format.ts'
import type { Settings } from '../../../domain/settings.ts'
import { searchScore } from '../../../domain/text/search.ts'
import { BodyParagraph } from './extensions/body-paragraph/index.ts'
import { CleanPaste } from './extensions/clean-paste/index.ts'
import { DeletionGuard } from './extensions/deletion-guard/index.ts'
import { DropLines } from './extensions/drop-lines/index.ts'
import { Enumeration } from './extensions/enumeration/index.ts'
import { FindReplace } from './extensions/find-replace/index.ts'
import { FullWidthPunctuation } from './extensions/full-width-punctuation/index.ts'
import { IndicatorRef, IndicatorSuggest } from './extensions/indicator-ref/index.ts'
import { ProofreadFixes } from './extensions/proofread-fixes/index.ts'
import { Reveal } from './extensions/reveal/index.ts'
import { SectionHeading } from './extensions/section-heading/index.ts'
import { SnippetSlot, SnippetSuggest } from './extensions/snippet-slot/index.ts'
import { TabStays } from './extensions/tab-stays/index.ts'
import { YearUpdate } from './extensions/year-update/index.ts'
import type { IndicatorStore } from './indicators/indicator-store.ts'
import { searchKeyOf } from './indicators/search-keys.ts'
import type { SuggestBridge, SuggestItem } from './suggest/suggest-bridge.ts'

export interface EditorServices {
  /** Told when a section cannot move or change level, or a deletion is refused, in Chinese. */
  onRefused: (message: string) => void
  /** Before a large deletion the writer made on purpose: keep a revision of the text. */
  onLargeDeletion: () => void
  indicators: IndicatorStore
  indicatorSuggest: SuggestBridge
  snippetSuggest: SuggestBridge
  /** Snippets matching a query typed after // or 、、, best first. */
  searchSnippets: (query: string) => SuggestItem[]
  /** Inserts a snippet by id in place of `range` (the typed trigger, or the drop point). */
  insertSnippetAt: (id: string, range: { from: number; to: number }) => void
}

/** The report's indicators matching a query typed after #, best first. */
function searchIndicators(store: IndicatorStore, query: string): SuggestItem[] {
  return store
    .list()
    .map((i) => ({ i, score: searchScore(query, searchKeyOf(i.name)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map(({ i }) => ({ id: i.id, label: i.name, detail: formatValue(i) ?? '待填写' }))
}

/** The report body's schema and behaviour: paragraphs and four heading levels; no bold or italic. */
export function createExtensions(settings: Settings, services: EditorServices): Extensions {
  const { onRefused } = services
  return [
    Document,
    Text,
    BodyParagraph,
    SectionHeading.configure({ level3: settings.level3Numbering, onRefused }),
    UndoRedo.configure({ depth: 500 }),
    DeletionGuard.configure({ onRefused, onLargeDeletion: services.onLargeDeletion }),
    CleanPaste,
    FullWidthPunctuation.configure({ enabled: settings.fullWidthPunctuation }),
    FindReplace,
    YearUpdate,
    Enumeration,
    IndicatorRef.configure({ store: services.indicators }),
    SnippetSlot,
    Reveal,
    ProofreadFixes,
    DropLines,
    SnippetSuggest.configure({
      bridge: services.snippetSuggest,
      search: services.searchSnippets,
      insert: services.insertSnippetAt,
    }),
    TabStays,
    IndicatorSuggest.configure({
      bridge: services.indicatorSuggest,
      search: (query) => searchIndicators(services.indicators, query),
      form: services.indicators.insertForm,
    }),
  ]
}

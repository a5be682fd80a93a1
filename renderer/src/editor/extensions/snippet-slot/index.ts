export { SnippetSlot } from './snippet-slot.ts'
export { SNIPPET_DRAG_TYPE, SnippetSuggest, type SnippetSuggestOptions } from './snippet-suggest.ts'

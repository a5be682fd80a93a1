export {
  IndicatorRef,
  INDICATOR_DRAG_TYPE,
  shownText,
  type IndicatorRefOptions,
} from './indicator-ref.ts'
export { IndicatorSuggest, type IndicatorSuggestOptions } from './indicator-suggest.ts'

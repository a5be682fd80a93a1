export { FullWidthPunctuation, type FullWidthPunctuationOptions } from './full-width-punctuation.ts'

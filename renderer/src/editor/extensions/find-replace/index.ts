export { FindReplace, findMatches, findState, type Match } from './find-replace.ts'

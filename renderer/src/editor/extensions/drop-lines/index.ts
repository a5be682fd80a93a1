export { DropLines, locateLines, type ImportedLine } from './drop-lines.ts'

export { CleanPaste, pasteText, textOfHtml } from './clean-paste.ts'

import { yearsAndDates } from './dates.ts'
import { figures } from './figures.ts'
import { placeholders } from './placeholders.ts'
import { punctuation } from './punctuation.ts'
import { sequences } from './sequences.ts'
import type { CheckContext, TextFinding } from './text-finding.ts'
import { words } from './words.ts'

export type { CheckContext, RuleId, Severity, TextFinding } from './text-finding.ts'

/**
 * All checks of one block of text (references and slots stand as U+FFFC, so they are never
 * flagged). `next` is the following block's text, where a list may go on.
 */
export function checkText(
  text: string,
  reportYear: number,
  context: Partial<CheckContext> = {},
  next = '',
): TextFinding[] {
  const ctx: CheckContext = { ...context, year: reportYear }
  return [
    ...placeholders(text, ctx),
    ...punctuation(text),
    ...sequences(text, next),
    ...yearsAndDates(text, ctx),
    ...figures(text),
    ...words(text),
  ].sort((a, b) => a.offset - b.offset || b.length - a.length)
}

/** Applies a fix: only the finding's characters change. */
export function applyFix(text: string, finding: TextFinding): string {
  if (finding.fix === undefined) return text
  return text.slice(0, finding.offset) + finding.fix + text.slice(finding.offset + finding.length)
}

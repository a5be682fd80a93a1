import { BorderStyle, DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx'

import type { MarkedDocument, MarkedSpan } from '../../../domain/compare/marked-document.ts'

/** A comparison laid over the layout: a 修订稿 or a 花脸稿. */
export interface DocxMarks {
  document: MarkedDocument
  /** 'tracked': Word revisions (修订稿); 'fixed': red strike-through, underline and boxed figures (花脸稿). */
  style: 'tracked' | 'fixed'
  /** Who made the revisions, and when (ISO date-time). */
  author: string
  date: string
  /** A line in the page header, e.g. which two versions are compared. */
  header: string | null
}

export const MARK_COLOR = 'FF0000'

/** Runs of marked spans: revisions, or red marks fixed on the page. */
export function markedRuns(
  spans: readonly MarkedSpan[],
  marks: DocxMarks,
  nextId: () => number,
  /** The character style of a span's role (a heading's own words), none for plain text. */
  style: (role: MarkedSpan['role']) => string | undefined,
): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let pendingBreak = false
  for (const s of spans) {
    if (s.text === '\n') {
      pendingBreak = true
      continue
    }
    const base = { text: s.text, style: style(s.role), break: pendingBreak ? 1 : undefined }
    pendingBreak = false
    if (s.op === 'equal') out.push(new TextRun(base))
    else if (marks.style === 'tracked') {
      const change = { id: nextId(), author: marks.author, date: marks.date }
      out.push(
        s.op === 'insert'
          ? new InsertedTextRun({ ...base, ...change })
          : new DeletedTextRun({ ...base, ...change }),
      )
    } else {
      out.push(
        new TextRun({
          ...base,
          color: MARK_COLOR,
          ...(s.op === 'insert'
            ? { underline: { type: 'single', color: MARK_COLOR } }
            : { strike: true }),
          ...(s.figure
            ? { border: { style: BorderStyle.SINGLE, size: 6, color: MARK_COLOR, space: 0 } }
            : {}),
        }),
      )
    }
  }
  return out
}

import {
  BorderStyle,
  DeletedTextRun,
  InsertedTextRun,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'

import type { MarkedDocument, MarkedSpan } from '../../../domain/compare/marked-document.ts'
import { BODY_CHARACTER_SPACING, SIZE } from '../../../domain/export/gbt9704.ts'

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
  font: (role: MarkedSpan['role']) => string,
  options: (role: MarkedSpan['role']) => Partial<IRunOptions> & { size?: number } = () => ({}),
): ParagraphChild[] {
  const out: ParagraphChild[] = []
  let pendingBreak = false
  for (const s of spans) {
    if (s.text === '\n') {
      pendingBreak = true
      continue
    }
    const f = font(s.role)
    const base = {
      text: s.text,
      font: { ascii: f, eastAsia: f, hAnsi: f, cs: f },
      size: SIZE.body,
      characterSpacing: BODY_CHARACTER_SPACING,
      ...options(s.role),
      break: pendingBreak ? 1 : undefined,
    }
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

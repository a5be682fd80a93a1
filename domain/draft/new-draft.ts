import {
  DRAFT_SCHEMA_VERSION,
  type DraftContent,
  type DraftFile,
  type DraftKind,
  type DraftMeta,
} from './draft.ts'
import { suggestTitle, templateBody } from './templates.ts'
import { draftWordCount } from './word-count.ts'

/**
 * The metadata of a new draft, wherever it is made (template, import, command line): what is
 * not given is empty, and the signature is the unit until the writer says otherwise.
 */
export function newDraftMeta(
  given: Pick<DraftMeta, 'unit' | 'year' | 'kind'> & Partial<DraftMeta>,
): DraftMeta {
  const topic = given.kind === 'topical' ? (given.topic ?? '') : ''
  return {
    title:
      given.title ?? suggestTitle({ unit: given.unit, year: given.year, kind: given.kind, topic }),
    unit: given.unit,
    year: given.year,
    kind: given.kind,
    topic,
    superior: given.superior ?? '',
    recipient: given.recipient ?? '',
    signature: given.signature ?? given.unit,
    date: given.date ?? '',
    lengthTarget: given.lengthTarget ?? null,
  }
}

/** A new draft from the template chooser: suggested title, the kind's sections and guidance. */
export function draftFromTemplate(choice: {
  kind: DraftKind
  topic: string
  unit: string
  year: number
}): DraftContent {
  return {
    meta: newDraftMeta(choice),
    body: templateBody(choice.kind, choice.topic),
    indicators: [],
    ignoredFindings: [],
  }
}

/** A draft file holding `content`: the one place its 字数 and version are filled in. */
export function draftFileOf(
  content: DraftContent,
  file: { id: string; revision: number; createdAt: string; updatedAt: string },
): DraftFile {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    ...file,
    ...content,
    wordCount: draftWordCount(content),
  }
}

/** The file of a draft made now, at revision 0. */
export function newDraftFile(content: DraftContent, id: string, at: Date): DraftFile {
  const iso = at.toISOString()
  return draftFileOf(content, { id, revision: 0, createdAt: iso, updatedAt: iso })
}

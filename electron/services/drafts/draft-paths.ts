import { join } from 'node:path'

import { draftIdSchema } from '../../../domain/draft/draft.ts'
import { notFound } from './draft-errors.ts'

/**
 * Where everything of the store lives below the data folder: drafts/<id>/ with draft.json,
 * revisions/ and quarantine/; deleted drafts in trash/<id>/; copies of unsaved text in recovery/.
 */
export class DraftPaths {
  readonly dataDir: string

  constructor(dataDir: string) {
    this.dataDir = dataDir
  }

  get drafts(): string {
    return join(this.dataDir, 'drafts')
  }
  get trash(): string {
    return join(this.dataDir, 'trash')
  }
  get recovery(): string {
    return join(this.dataDir, 'recovery')
  }
  /** Ids reach here validated; this is the last guard against a path outside the store. */
  dir(id: string): string {
    if (!draftIdSchema.safeParse(id).success) throw notFound()
    return join(this.drafts, id)
  }
  file(id: string): string {
    return join(this.dir(id), 'draft.json')
  }
  revisions(id: string): string {
    return join(this.dir(id), 'revisions')
  }
  quarantine(id: string): string {
    return join(this.dir(id), 'quarantine')
  }
  lock(id: string): string {
    return join(this.dir(id), '.lock')
  }
  trashed(id: string): string {
    this.dir(id)
    return join(this.trash, id)
  }
}

/** A time as a piece of a file name (no colons, which Windows refuses). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

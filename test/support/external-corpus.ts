// The optional external corpus: the real reports and the OOXML schemas, kept outside the
// repository (at ../shared, or wherever CAOGAO_SHARED_DIR points). Tests that need it run when
// it is there and otherwise say in one line what they skipped.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

/** Where the external corpus is looked for. */
export const SHARED_DIR = process.env.CAOGAO_SHARED_DIR
  ? resolve(process.env.CAOGAO_SHARED_DIR)
  : join(ROOT, '../shared')

const folder = (path: string) => (existsSync(path) ? path : null)

/** The real reports as published on the web (plain text), or null. */
export const REAL_REPORTS = folder(join(SHARED_DIR, 'fixtures/reports'))

/** The OOXML transitional schemas, or null. */
export const OOXML_SCHEMAS = folder(join(SHARED_DIR, 'ooxml-schemas'))

/** The team's own report fixtures, always in the repository. */
export const TEAM_REPORTS = join(ROOT, 'test/fixtures/reports')

/**
 * `describe` when `corpus` is there, else `describe.skip` after printing one line. CI sets
 * CAOGAO_REQUIRE_SHARED so that a missing corpus fails there instead of passing quietly.
 */
export function describeWith(corpus: string | null, missing: string, skipped: string) {
  if (corpus) return describe
  const where = 'set CAOGAO_SHARED_DIR or put shared/ beside the repository'
  if (process.env.CAOGAO_REQUIRE_SHARED) {
    throw new Error(`${skipped} needs the ${missing}, and CAOGAO_REQUIRE_SHARED is set: ${where}`)
  }
  const line = `skipped: ${skipped} (no ${missing}: ${where})`
  // Written straight to stdout: every reporter shows it, once, even for a skipped file.
  process.stdout.write(`${line}\n`)
  return describe.skip
}

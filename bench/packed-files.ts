// The dependency files electron-builder packs into app.asar: every file of the production
// dependencies that the `files` filter of electron-builder.config.cjs does not leave out.
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, matchesGlob, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const config = createRequire(import.meta.url)('../electron-builder.config.cjs') as {
  files: string[]
}
const exclusions = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1))

/** Files under the given package folders (absolute, as `npm ls --parseable` prints them). */
export function packedDependencies(packages: readonly string[]): string[] {
  const files = new Set<string>()
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else if (!exclusions.some((glob) => matchesGlob(relative(root, path), glob))) files.add(path)
    }
  }
  for (const p of new Set(packages)) walk(p)
  return [...files]
}

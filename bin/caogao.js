#!/usr/bin/env node
// The command-line entry: the bundle built by `npm run build` (out/main/cli.js) when present,
// as in an installed package or the packaged app; otherwise the TypeScript sources, which Node
// 22.18+ runs directly in the repository.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const built = join(import.meta.dirname, '../out/main/cli.js')
const { main } = await import(
  existsSync(built) ? pathToFileURL(built).href : '../electron/cli/main.ts'
)

process.exitCode = await main(process.argv.slice(2))

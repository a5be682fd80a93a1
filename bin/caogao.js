#!/usr/bin/env node
// The command-line entry: Node 22.18+ runs the TypeScript sources directly.
import { main } from '../electron/cli/main.ts'

process.exitCode = await main(process.argv.slice(2))

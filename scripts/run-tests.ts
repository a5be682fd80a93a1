// `npm test`: every check in order, each counted, and one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const results = join(root, 'test-results')
rmSync(join(results, 'unit.json'), { force: true })
rmSync(join(results, 'e2e.json'), { force: true })
mkdirSync(results, { recursive: true })

interface Step {
  name: string
  command: string[]
  /** A vitest JSON report whose test counts stand for this step. */
  report?: string
}

const bin = (name: string) => join(root, 'node_modules/.bin', name)
const steps: Step[] = [
  { name: 'typecheck (node)', command: [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web)', command: [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'typecheck (e2e)', command: [bin('tsc'), '-p', 'tsconfig.e2e.json', '--noEmit'] },
  { name: 'lint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'build', command: [bin('electron-vite'), 'build'] },
  { name: 'unit tests', command: [bin('vitest'), 'run'], report: 'unit.json' },
  {
    name: 'end-to-end tests',
    command: [bin('vitest'), 'run', '--config', 'vitest.e2e.config.ts'],
    report: 'e2e.json',
  },
]

let passed = 0
let failed = 0
const lines: string[] = []
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`)
  const [command, ...args] = step.command
  const run = spawnSync(command!, args, { cwd: root, stdio: 'inherit', env: process.env })
  const ok = run.status === 0
  if (step.report) {
    const path = join(results, step.report)
    const report = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as {
          numPassedTests: number
          numFailedTests: number
        })
      : null
    const stepFailed = report ? report.numFailedTests : 0
    // A runner that crashed or failed outside any test still counts as a failure.
    const extra = !ok && stepFailed === 0 ? 1 : 0
    passed += report?.numPassedTests ?? 0
    failed += stepFailed + extra
    lines.push(`${step.name}: ${report?.numPassedTests ?? 0} passed, ${stepFailed + extra} failed`)
  } else {
    if (ok) passed += 1
    else failed += 1
    lines.push(`${step.name}: ${ok ? 'ok' : 'FAILED'}`)
  }
}

const summary = `${passed} passed, ${failed} failed`
writeFileSync(join(results, 'summary.txt'), `${summary}\n`)
console.log(`\n${lines.join('\n')}\n${summary}`)
process.exit(failed === 0 ? 0 : 1)

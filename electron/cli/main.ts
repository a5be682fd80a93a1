import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const USAGE = `用法：caogao <命令> [参数]

命令：
  help       显示本说明
  version    显示版本号

导出、导入和检查等命令将在后续版本中提供。`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}

/** Runs one command; returns the exit code (0 done, 2 bad usage). */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  const [verb] = argv
  switch (verb) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE)
      return 0
    case 'version':
    case '--version':
    case '-v': {
      const pkg = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
      ) as { version: string }
      io.out(pkg.version)
      return 0
    }
    default:
      io.err(`不认识的命令：${verb}\n\n${USAGE}`)
      return 2
  }
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { checkCommand, formatFindings } from './check-command.ts'
import { CliError, exportCommand, importCommand } from './export-command.ts'

const USAGE = `用法：caogao <命令> [参数]

命令：
  export <草稿.json | 报告.docx | 报告.txt> [-o 输出.docx] [--font-set gb2312|windows]
             按公文格式（GB/T 9704）导出 Word 文件
  import <报告.docx | 报告.txt> [-o 草稿.json] [--previous-year]
             把已有的报告转成分章节的草稿；--previous-year 表示这是上一年度的报告
  check <草稿.json | 报告.docx | 报告.txt>… [--json]
             检查占位符、标点、序号、年份日期、数字等问题；有必须修改的问题时以非零状态退出
  help       显示本说明
  version    显示版本号`

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
    case 'export': {
      let parsed
      try {
        parsed = parseArgs({
          args: argv.slice(1),
          allowPositionals: true,
          options: { output: { type: 'string', short: 'o' }, 'font-set': { type: 'string' } },
        })
      } catch (error) {
        io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
        return 2
      }
      const [input, ...extra] = parsed.positionals
      if (!input || extra.length > 0) {
        io.err(`请给出一个要导出的文件。\n\n${USAGE}`)
        return 2
      }
      try {
        const target = await exportCommand(input, {
          output: parsed.values.output,
          fontSet: parsed.values['font-set'],
        })
        io.out(`已导出：${target}`)
        return 0
      } catch (error) {
        if (error instanceof CliError) {
          io.err(error.message)
          return 1
        }
        throw error
      }
    }
    case 'check': {
      let parsed
      try {
        parsed = parseArgs({
          args: argv.slice(1),
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false } },
        })
      } catch (error) {
        io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
        return 2
      }
      if (parsed.positionals.length === 0) {
        io.err(`请给出要检查的文件。\n\n${USAGE}`)
        return 2
      }
      const results = await checkCommand(parsed.positionals)
      io.out(parsed.values.json ? JSON.stringify(results, null, 2) : formatFindings(results))
      const mustFix = results.some((r) => r.error || r.findings.some((f) => f.severity === 'must'))
      return mustFix ? 1 : 0
    }
    case 'import': {
      let parsed
      try {
        parsed = parseArgs({
          args: argv.slice(1),
          allowPositionals: true,
          options: {
            output: { type: 'string', short: 'o' },
            'previous-year': { type: 'boolean', default: false },
          },
        })
      } catch (error) {
        io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
        return 2
      }
      const [input, ...extra] = parsed.positionals
      if (!input || extra.length > 0) {
        io.err(`请给出一个要导入的文件。\n\n${USAGE}`)
        return 2
      }
      try {
        const { target, summary } = await importCommand(input, {
          output: parsed.values.output,
          previousYear: parsed.values['previous-year'] ?? false,
        })
        io.out(`已导入：${target}\n${summary}`)
        return 0
      } catch (error) {
        if (error instanceof CliError) {
          io.err(error.message)
          return 1
        }
        throw error
      }
    }
    default:
      io.err(`不认识的命令：${verb}\n\n${USAGE}`)
      return 2
  }
}

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'

// The commands load docx, mammoth and the domain only when called, so help and version
// answer at once.
const exportCommands = () => import('./export-command.ts')

/** package.json above this file: electron/cli/ in the sources, out/main/ when built. */
function packageVersion(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file))
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    if (dirname(dir) === dir) return '未知'
  }
}

const USAGE = `用法：caogao <命令> [参数]

命令：
  export <草稿.json | 报告.docx | 报告.txt> [-o 输出.docx] [--font-set gb2312|windows] [--pdf]
             按公文格式（GB/T 9704）导出 Word 文件；加 --pdf 导出同样版式的 PDF（-o 输出.pdf），
             需要本机装有 Chromium、Edge 或 Chrome（或用环境变量 CAOGAO_BROWSER 指定）
  import <报告.docx | 报告.doc | 报告.wps | 报告.txt> [-o 草稿.json] [--previous-year] [--figures]
             把已有的报告转成分章节的草稿；--previous-year 表示这是上一年度的报告；
             找到的数字只列出，--figures 表示全部采用为指标
  compare <旧稿> <新稿> [-o 输出.docx] [--marks]
             对比两个版本（草稿 .json、Word .docx/.doc 或文本 .txt），生成修订稿（Word 修订，
             可逐条接受或拒绝）；加 --marks 生成花脸稿（红色删除线、下划线，改动的数字加框）
  check <草稿.json | 报告.docx | 报告.txt>… [--json]
             检查占位符、标点、序号、年份日期、数字等问题；有必须修改的问题时以非零状态退出
  sheet <草稿.json> --units 甲镇,乙镇 [-o 文件夹]
             为每个单位生成一份指标报送表（甲镇-报送表.xlsx）
  rollup <草稿.json> <报送表.xlsx>… [-o 草稿.json] [--units 甲镇,乙镇] [--table 汇总表.xlsx] [--appendix]
             汇总交回的报送表，把合计写入草稿的本年值；列出读不了的表和格子，有问题时以非零状态退出；
             --table 另存各单位指标统计表，--appendix 把这张表作为附件加在报告末尾
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

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * Runs a verb: parses its arguments (bad usage exits 2 with the usage), runs it, and turns a
 * CliError into its Chinese message and exit 1.
 */
async function verb<O extends Options>(
  argv: readonly string[],
  io: CliIo,
  spec: { options: O; missing: string; many?: boolean; count?: number },
  run: (
    inputs: string[],
    values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'],
  ) => Promise<number>,
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv.slice(1), allowPositionals: true, options: spec.options })
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  const inputs = parsed.positionals
  const expected = spec.count ?? (spec.many ? null : 1)
  if (inputs.length === 0 || (expected !== null && inputs.length !== expected)) {
    io.err(`${spec.missing}\n\n${USAGE}`)
    return 2
  }
  const { CliError, useWorkerFile } = await exportCommands()
  // Built, this file is out/main/cli.js and the worker's bundle lies beside it.
  if (import.meta.filename.endsWith('.js'))
    useWorkerFile(join(import.meta.dirname, 'job-worker.js'))
  try {
    return await run(inputs, parsed.values)
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message)
      return 1
    }
    throw error
  }
}

/** Runs one command; returns the exit code (0 done, 1 failed or findings to fix, 2 bad usage). */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  switch (argv[0]) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE)
      return 0
    case 'version':
    case '--version':
    case '-v':
      io.out(packageVersion())
      return 0
    case 'export':
      return verb(
        argv,
        io,
        {
          options: {
            output: { type: 'string', short: 'o' },
            'font-set': { type: 'string' },
            pdf: { type: 'boolean', default: false },
          },
          missing: '请给出一个要导出的文件。',
        },
        async ([input], values) => {
          const { exportCommand } = await exportCommands()
          io.out(
            `已导出：${await exportCommand(input!, { output: values.output, fontSet: values['font-set'], pdf: values.pdf ?? false })}`,
          )
          return 0
        },
      )
    case 'import':
      return verb(
        argv,
        io,
        {
          options: {
            output: { type: 'string', short: 'o' },
            'previous-year': { type: 'boolean', default: false },
            figures: { type: 'boolean', default: false },
          },
          missing: '请给出一个要导入的文件。',
        },
        async ([input], values) => {
          const { importCommand } = await exportCommands()
          const { target, summary } = await importCommand(input!, {
            output: values.output,
            previousYear: values['previous-year'] ?? false,
            figures: values.figures ?? false,
          })
          io.out(`已导入：${target}\n${summary}`)
          return 0
        },
      )
    case 'compare':
      return verb(
        argv,
        io,
        {
          options: {
            output: { type: 'string', short: 'o' },
            marks: { type: 'boolean', default: false },
          },
          missing: '请给出要对比的两个文件：先旧稿，后新稿。',
          count: 2,
        },
        async ([older, newer], values) => {
          const { compareCommand } = await import('./compare-command.ts')
          io.out(
            await compareCommand(older!, newer!, {
              output: values.output,
              marks: values.marks ?? false,
            }),
          )
          return 0
        },
      )
    case 'check':
      return verb(
        argv,
        io,
        {
          options: { json: { type: 'boolean', default: false } },
          missing: '请给出要检查的文件。',
          many: true,
        },
        async (inputs, values) => {
          const { checkCommand, formatFindings, formatTotal } = await import('./check-command.ts')
          const results = await checkCommand(inputs)
          if (values.json) io.out(JSON.stringify(results, null, 2))
          else {
            io.out(formatFindings(results))
            if (results.length > 1) io.out(`\n${formatTotal(results)}`)
          }
          return results.some((r) => r.error || r.findings.some((f) => f.severity === 'must'))
            ? 1
            : 0
        },
      )
    case 'sheet':
      return verb(
        argv,
        io,
        {
          options: { output: { type: 'string', short: 'o' }, units: { type: 'string' } },
          missing: '请给出一个草稿文件（.json）。',
        },
        async ([input], values) => {
          const { sheetCommand } = await import('./returns-command.ts')
          io.out(await sheetCommand(input!, { output: values.output, units: values.units }))
          return 0
        },
      )
    case 'rollup':
      return verb(
        argv,
        io,
        {
          options: {
            output: { type: 'string', short: 'o' },
            units: { type: 'string' },
            table: { type: 'string' },
            appendix: { type: 'boolean', default: false },
          },
          missing: '请给出草稿文件和交回的报送表。',
          many: true,
        },
        async ([input, ...files], values) => {
          const { CliError } = await exportCommands()
          if (files.length === 0) throw new CliError('请给出交回的报送表（.xlsx）。')
          const { rollupCommand } = await import('./returns-command.ts')
          const { text, ok } = await rollupCommand(input!, files, {
            output: values.output,
            units: values.units,
            table: values.table,
            appendix: values.appendix ?? false,
          })
          io.out(text)
          return ok ? 0 : 1
        },
      )
    default:
      io.err(`不认识的命令：${argv[0]}\n\n${USAGE}`)
      return 2
  }
}

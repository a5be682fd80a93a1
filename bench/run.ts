// `npm run bench`: the speed a writer feels. Medians and tails over repeated runs on
// reports generated from the fixtures (30,000 and 100,000 characters, 60 sections, 300 references).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import ExcelJS from 'exceljs'

import { draftContentSchema } from '../domain/draft/draft.ts'
import { revisionId } from '../domain/draft/revisions.ts'
import { catalogueEntry } from '../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../domain/indicators/model.ts'
import { planReturn } from '../domain/returns/plan.ts'
import { rollUp } from '../domain/returns/rollup.ts'
import { DraftStore } from '../electron/services/drafts/draft-store.ts'
import { JobRunner } from '../electron/services/jobs/job-runner.ts'
import { writeReturnSheet } from '../electron/services/returns/return-sheet.ts'
import { packedDependencies } from './packed-files.ts'
import { rendererRows } from './renderer.ts'
import { generateDraft, generateReport } from './report-fixture.ts'
import { printRows, time, type Row } from './stats.ts'

const root = join(import.meta.dirname, '..')
// `node bench/run.ts [main] [cli] [renderer] [sizes]`: all parts unless some are named.
const parts = process.argv.slice(2)
const wanted = (part: string) => parts.length === 0 || parts.includes(part)

async function mainRows(): Promise<Row[]> {
  const rows: Row[] = []
  // Autosave of the 100k draft: serialise, validate in main, atomic write.
  const report = generateReport(100_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'caogao-bench-'))
  const store = new DraftStore({ dataDir })
  const draft = await store.create(report)
  let json = ''
  rows.push({
    name: 'autosave 100k: serialise (JSON)',
    samples: await time(40, () => (json = JSON.stringify(report))),
    target: '≤ 10 ms',
  })
  rows.push({
    name: 'autosave 100k: validate in main',
    samples: await time(40, () => draftContentSchema.parse(JSON.parse(json))),
  })
  let revision = 0
  rows.push({
    name: 'autosave 100k: store.save (lock, write, fsync, rename)',
    samples: await time(
      40,
      async () => (revision = (await store.save(draft.id, revision, report)).revision),
    ),
    target: 'p95 ≤ 50 ms',
  })
  rows.push({
    name: 'load 100k draft (read, parse, validate)',
    samples: await time(20, () => new DraftStore({ dataDir }).open(draft.id)),
  })

  // Listing 500 revisions.
  const revisionsDir = join(dataDir, 'drafts', draft.id, 'revisions')
  const base = Date.parse('2026-11-23T00:00:00Z')
  for (let i = 0; i < 500; i++)
    writeFileSync(
      join(revisionsDir, `${revisionId(new Date(base - i * 60_000), i, 'periodic', 1000)}.json`),
      '{}',
    )
  rows.push({
    name: 'list 500 revisions',
    samples: await time(20, () => store.listRevisions(draft.id)),
  })

  // Export in a fresh process, against a bare docx of the same paragraphs.
  const exportIn = (chars: number, mode: string) =>
    Number(
      execFileSync(process.execPath, [join(root, 'bench/export-once.ts'), String(chars), mode], {
        encoding: 'utf8',
      }),
    )
  for (const [chars, target] of [
    [30_000, '≤ 300 ms, ≤ 1.3 × bare'],
    [100_000, '≤ 500 ms, ≤ 1.3 × bare'],
  ] as const) {
    const samples: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < 7; i++) {
      samples.push(exportIn(chars, 'caogao'))
      baseline.push(exportIn(chars, 'bare'))
    }
    rows.push({
      name: `export ${chars / 1000}k to docx (fresh process)`,
      samples,
      target,
      baseline,
    })
  }
  rows.push(...(await rollupRows()))
  return rows
}

/**
 * 汇总 of 30 returned 报送表 (12 figures, 4 of them rates asked as their counts), as the app
 * runs it: read in the job worker, then added up. Baseline: the same files opened by exceljs
 * alone, in this thread.
 */
async function rollupRows(): Promise<Row[]> {
  const keys = [
    'primary-students',
    'junior-students',
    'aid-amount',
    'aided-students',
    'fee-exempt',
    'primary-schools',
    'junior-dropout',
    'primary-pupil-teacher',
    'junior-pupil-teacher',
    'disabled-enrolment',
    'primary-teachers',
    'junior-teachers',
  ]
  const indicators = keys.flatMap((k) => {
    const entry = catalogueEntry(k)
    return entry ? [indicatorFromCatalogue(entry, `i-${k}`)] : []
  })
  const plan = planReturn(indicators)
  const round = { draftId: 'bench', period: '2026年', office: '某县教育局', fields: plan.fields }
  const units = Array.from({ length: 30 }, (_, i) => `第${i + 1}乡镇`)
  const files: { name: string; bytes: Uint8Array }[] = []
  for (const unit of units) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeReturnSheet(round, unit)) as never)
    plan.fields.forEach((_, i) => {
      wb.worksheets[0]!.getCell(6 + i, 5).value = 100 + i
    })
    files.push({ name: `${unit}-报送表.xlsx`, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) })
  }
  const jobs = new JobRunner()
  const expectation = { draftId: 'bench', period: '2026年', units }
  return [
    {
      name: `roll-up of 30 returns (${plan.fields.length} cells each, worker)`,
      samples: await time(5, async () => {
        const read = await jobs.run({ kind: 'returns-read', files })
        rollUp(
          plan,
          indicators,
          read.map((r) => ({ ...r, values: new Map(r.values) })),
          expectation,
        )
      }),
      target: '≤ 5 s',
      baseline: await time(5, async () => {
        for (const f of files) await new ExcelJS.Workbook().xlsx.load(f.bytes as never)
      }),
    },
  ]
}

/** The command line in fresh processes: the built bundle, beside bare Node and the TypeScript sources. */
async function cliRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'caogao-bench-cli-'))
  const one = join(dir, '30k.json')
  writeFileSync(one, JSON.stringify(generateDraft(30_000)))
  const many: string[] = []
  for (let i = 0; i < 50; i++) {
    const file = join(dir, `report-${i}.json`)
    writeFileSync(file, JSON.stringify(generateDraft(30_000 + i * 100)))
    many.push(file)
  }
  const bin = join(root, 'bin/caogao.js')
  // The sources run as before the bundle: main.ts imported as TypeScript.
  const sources = (args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(join(root, 'electron/cli/main.ts'))}); process.exitCode = await main(${JSON.stringify(args)})`,
      ],
      { stdio: 'ignore' },
    )
  const built = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore' })
  const bare = () => spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })
  const rows: Row[] = [
    {
      name: 'caogao --version (built; bare: node -e 0)',
      samples: await time(7, () => built(['--version'])),
      target: '≤ 300 ms',
      baseline: await time(7, bare),
    },
    {
      name: 'caogao --version (bare: TypeScript sources)',
      samples: await time(5, () => built(['--version'])),
      baseline: await time(5, () => sources(['--version'])),
    },
    {
      name: 'caogao check one 30k report (bare: sources)',
      samples: await time(5, () => built(['check', one])),
      target: '≤ 1 s',
      baseline: await time(5, () => sources(['check', one])),
    },
    {
      name: 'caogao check 50 reports of 30k, one call',
      samples: await time(3, () => built(['check', ...many])),
    },
  ]
  return rows
}

function printSizes(): void {
  // Sizes.
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`
  const assets = join(root, 'out/renderer/assets')
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const gzipOf = (files: string[]) =>
    files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0)
  const gz = gzipOf(js)
  // What the page loads before it is editable: the scripts index.html names (entry, preloads).
  const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8')
  const atLoad = gzipOf(js.filter((f) => html.includes(`assets/${f}`)))
  const du = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (sum, e) =>
        sum + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size),
      0,
    )
  const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((p) => p && p !== root)
  const depsSize = [...new Set(production)].reduce((sum, p) => sum + du(p), 0)
  const packedSize = packedDependencies(production).reduce((sum, f) => sum + statSync(f).size, 0)
  console.log('\nsizes')
  console.log(
    `renderer JS gzip, loaded with the page                    ${kb(atLoad)}   [≤ 300 kB]`,
  )
  console.log(`renderer JS gzip, with the dialogs and the two workers     ${kb(gz)}`)
  console.log(
    `main (out/main/index.js)                                 ${kb(statSync(join(root, 'out/main/index.js')).size)}`,
  )
  console.log(
    `preload (out/preload/index.cjs)                          ${kb(statSync(join(root, 'out/preload/index.cjs')).size)}`,
  )
  console.log(
    `app.asar before the files filter (out/ + all dependency files)  ${kb(du(join(root, 'out')) + depsSize)}`,
  )
  console.log(
    `estimated app.asar (out/ + dependency files the filter keeps)   ${kb(du(join(root, 'out')) + packedSize)}   [≤ 15 MB]`,
  )
}

if (wanted('main')) printRows('main side', await mainRows())
if (wanted('cli')) printRows('command line, fresh process', await cliRows())
if (wanted('renderer')) printRows('renderer, in Chromium', await rendererRows())
if (wanted('sizes')) printSizes()

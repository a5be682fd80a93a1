import { execFileSync, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { packedDependencies } from '../../bench/packed-files.ts'
import { draftFromTemplate, newDraftFile } from '../../domain/draft/new-draft.ts'
import { catalogueEntry } from '../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue } from '../../domain/indicators/model.ts'
import { TEAM_REPORTS as fixtures } from '../support/external-corpus.ts'

const root = join(import.meta.dirname, '../..')

// The package as npm packs it (prepack builds it), unpacked under node_modules where Node
// refuses to strip types: only the bundled JavaScript can run there. Its dependencies are
// copied from the repository, as installing them would need the network.
describe('caogao installed from the packed tarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caogao-package-'))
  const installed = join(dir, 'node_modules/caogao')
  const bin = join(installed, 'bin/caogao.js')

  beforeAll(() => {
    // prepack's build prints to stdout too, so the tarball is found by its name.
    execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: root, stdio: 'ignore' })
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
    mkdirSync(installed, { recursive: true })
    execFileSync('tar', ['xzf', join(dir, tarball), '-C', installed, '--strip-components=1'])
    // Only the dependency files the packaged app keeps (electron-builder's files filter), so
    // the runs below also show that the filter leaves out nothing export, import or check load.
    const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((p) => p.includes('node_modules'))
    // And playwright-core whole, which the app leaves out and npm installs with the command
    // line (its PDF export drives a browser with it).
    const playwright = production.filter((p) => p.endsWith(join('node_modules', 'playwright-core')))
    const cliOnly = playwright.flatMap((p) =>
      readdirSync(p, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    )
    for (const file of [...packedDependencies(production), ...cliOnly]) {
      const target = join(dir, relative(root, file))
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(file, target)
    }
  }, 180_000)

  it('ships the built command line and no TypeScript sources', () => {
    const files = readdirSync(installed, { recursive: true, encoding: 'utf8' })
    expect(files).toContain(join('out', 'main', 'cli.js'))
    expect(files).toContain(join('out', 'main', 'job-worker.js'))
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([])
  })

  it('prints its usage and version', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain(
      '用法：caogao',
    )
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    )
  })

  it('exports and checks a report in its worker', () => {
    const input = join(dir, '县教育工作总结.txt')
    copyFileSync(join(fixtures, 'county-annual.txt'), input)
    const out = join(dir, '输出.docx')
    const run = spawnSync(process.execPath, [bin, 'export', input, '-o', out], {
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
    const check = spawnSync(process.execPath, [bin, 'check', input], { encoding: 'utf8' })
    expect(check.stdout).toContain('【县教育工作总结.txt】')
    // The Word file read back: mammoth and the import worker.
    const draft = join(dir, '读回.json')
    const back = spawnSync(process.execPath, [bin, 'import', out, '-o', draft], {
      encoding: 'utf8',
    })
    expect(back.stderr).toBe('')
    expect(back.stdout).toContain(`已导入：${draft}`)
  })

  it('writes 报送表 with exceljs, from the files the package keeps', () => {
    const content = draftFromTemplate({
      kind: 'annual',
      topic: '',
      unit: '某某县教育局',
      year: 2026,
    })
    content.indicators = [indicatorFromCatalogue(catalogueEntry('primary-students')!, 'i-1')]
    const draft = join(dir, '报送.json')
    writeFileSync(
      draft,
      JSON.stringify(newDraftFile(content, '0b7d8f0e-3f8a-4b6e-9a51-1d2c3e4f5a6c', new Date())),
    )
    const sheets = join(dir, '报送表')
    const made = spawnSync(
      process.execPath,
      [bin, 'sheet', draft, '--units', '甲镇', '-o', sheets],
      {
        encoding: 'utf8',
      },
    )
    expect(made.stderr).toBe('')
    expect(readdirSync(sheets)).toEqual(['甲镇-报送表.xlsx'])
  })

  it.runIf(existsSync('/usr/bin/chromium'))(
    'prints a PDF with playwright-core, from the files the package keeps',
    { timeout: 60_000 },
    () => {
      const input = join(dir, '打印.txt')
      copyFileSync(join(fixtures, 'county-annual.txt'), input)
      const out = join(dir, '输出.pdf')
      const run = spawnSync(process.execPath, [bin, 'export', input, '--pdf', '-o', out], {
        encoding: 'utf8',
        env: { ...process.env, CAOGAO_BROWSER: '/usr/bin/chromium' },
      })
      expect(run.stderr).toBe('')
      expect(readFileSync(out).subarray(0, 4).toString()).toBe('%PDF')
    },
  )
})

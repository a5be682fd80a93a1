import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { generateDraft } from '../../../bench/report-fixture.ts'
import { LIMIT_MESSAGES } from '../../../domain/limits.ts'
import { TEAM_REPORTS as fixtures } from '../../support/external-corpus.ts'
import { docxParts } from '../services/export/docx-inspect.ts'
import { docxOfBody } from '../services/import/docx-bombs.ts'

const bin = join(import.meta.dirname, '../../../bin/caogao.js')

describe('caogao command line', () => {
  it('prints its usage in Chinese', () => {
    expect(execFileSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })).toContain(
      '用法：caogao',
    )
  })

  it('prints the package version', () => {
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits non-zero with a Chinese message on an unknown command', () => {
    const run = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('不认识的命令：frobnicate')
  })
})

describe('caogao export', () => {
  it('exports a plain-text report to a Word file', () => {
    const dir = mkdtempSync(join(tmpdir(), '导出 '))
    const input = join(dir, '县教育工作总结.txt')
    copyFileSync(join(fixtures, 'county-annual.txt'), input)
    const out = join(dir, '输出.docx')
    const run = spawnSync(
      process.execPath,
      [bin, 'export', input, '-o', out, '--font-set', 'windows'],
      { encoding: 'utf8' },
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`已导出：${out}`)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
  })

  it('says in Chinese that it found no browser for --pdf, and exits 1 without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), '导出 '))
    const input = join(dir, '县教育工作总结.txt')
    copyFileSync(join(fixtures, 'county-annual.txt'), input)
    const out = join(dir, '输出.pdf')
    const run = spawnSync(process.execPath, [bin, 'export', input, '--pdf', '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, CAOGAO_BROWSER: join(dir, '没有这个浏览器') },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('CAOGAO_BROWSER 指定的浏览器不存在')
    expect(() => readFileSync(out)).toThrow()
  })

  it('reads a GBK text file', () => {
    const dir = mkdtempSync(join(tmpdir(), '导出 '))
    const input = join(dir, 'gbk.txt')
    // "一、主要工作" in GBK
    writeFileSync(
      input,
      Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7, 0xd2, 0xaa, 0xb9, 0xa4, 0xd7, 0xf7]),
    )
    const run = spawnSync(process.execPath, [bin, 'export', input], { encoding: 'utf8' })
    expect(run.status).toBe(0)
  })

  it.each([
    [['export'], 2, '请给出一个要导出的文件'],
    [['export', '/nonexistent/a.txt'], 1, '找不到或无法读取文件'],
    [['export', 'a.doc'], 1, '找不到或无法读取文件'],
    [['export', 'a.pdf'], 1, '不认识的文件类型'],
    [['import'], 2, '请给出一个要导入的文件'],
    [['import', 'a.pdf'], 1, '不认识的文件类型'],
    [['export', 'x.txt', '--font-set', 'comic'], 1, '字体方案只能是'],
    [['export', 'x.txt', '--bogus'], 2, '参数有误'],
  ])('%j exits %i with a Chinese message', (args, code, message) => {
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmpdir() })
    expect(run.status).toBe(code)
    expect(run.stderr).toContain(message)
  })

  it('refuses a file that is not a draft', () => {
    const dir = mkdtempSync(join(tmpdir(), '导出 '))
    const input = join(dir, 'bad.json')
    writeFileSync(input, '{"hello": 1}')
    const run = spawnSync(process.execPath, [bin, 'export', input], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('不是有效的草稿文件')
  })
})

describe('caogao import', () => {
  it('imports last year’s report into a draft file the app and export read', () => {
    const dir = mkdtempSync(join(tmpdir(), '导入 '))
    const out = join(dir, '草稿.json')
    const run = spawnSync(
      process.execPath,
      [bin, 'import', join(fixtures, 'county-annual.txt'), '-o', out, '--previous-year'],
      {
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(0)
    // Last year's title, moved on a year for the new draft.
    expect(run.stdout).toContain('标题：某某县教育局2026年度教育工作总结')
    expect(run.stdout).toContain('章节：29 个')
    const draft = JSON.parse(readFileSync(out, 'utf8'))
    expect(draft.schemaVersion).toBe(1)
    expect(draft.indicators.every((i: { current: unknown }) => i.current === null)).toBe(true)
    const exported = spawnSync(
      process.execPath,
      [bin, 'export', out, '-o', join(dir, '报告.docx')],
      { encoding: 'utf8' },
    )
    expect(exported.status).toBe(0)
  })

  it('lists the figures it found and takes them only with --figures', () => {
    const dir = mkdtempSync(join(tmpdir(), '导入 '))
    const input = join(fixtures, 'county-annual.txt')
    const plain = spawnSync(process.execPath, [bin, 'import', input, '-o', join(dir, 'a.json')], {
      encoding: 'utf8',
    })
    expect(plain.status).toBe(0)
    expect(plain.stdout).toMatch(/找到的数字：\d+ 处，未采用/)
    expect(plain.stdout).toContain('5248人 → 专任教师数')
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).indicators).toEqual([])
    const taken = spawnSync(
      process.execPath,
      [bin, 'import', input, '-o', join(dir, 'b.json'), '--figures'],
      { encoding: 'utf8' },
    )
    expect(taken.status).toBe(0)
    const draft = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'))
    const teachers = draft.indicators.find(
      (i: { catalogKey: string | null }) => i.catalogKey === 'teachers',
    )
    expect(teachers.current).toBe('5248')
  })
})

describe('caogao import, where the draft cannot be written', () => {
  it('prints a Chinese message and exits 1 for a read-only folder, with no stack trace', () => {
    // As root no file mode stops a write, so there the read-only folder is /sys.
    let folder = '/sys'
    if (process.getuid?.() !== 0) {
      folder = mkdtempSync(join(tmpdir(), '只读 '))
      chmodSync(folder, 0o555)
    }
    const run = spawnSync(
      process.execPath,
      [bin, 'import', join(fixtures, 'county-annual.txt'), '-o', join(folder, '草稿.json')],
      { encoding: 'utf8' },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('无法保存文件：没有权限写入这个文件夹')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('caogao import of a hostile file', () => {
  it('refuses a .docx bomb with the limit’s Chinese message and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), '炸弹 '))
    const input = join(dir, '炸弹.docx')
    writeFileSync(input, await docxOfBody('<w:p/>'.repeat(3_000_000)))
    const run = spawnSync(process.execPath, [bin, 'import', input], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(LIMIT_MESSAGES.paragraphs)
  }, 60_000)
})

describe('caogao check', () => {
  it('lists the slips of each file and exits non-zero when one must be fixed', () => {
    const run = spawnSync(
      process.execPath,
      [bin, 'check', join(fixtures, 'township-half-year.txt'), join(fixtures, 'school-safety.txt')],
      {
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('【township-half-year.txt】')
    expect(run.stdout).toContain('“20XX年”是待填写的占位符')
    expect(run.stdout).toContain('【school-safety.txt】')
    // Each file's count with its groups, as the 校对 panel and the export check give them.
    expect(run.stdout).toMatch(/【township-half-year\.txt】\d+ 处（\d+ 处待填写(，\d+ 处\S+?)*）：/)
  })

  it('prints JSON with --json', () => {
    const run = spawnSync(
      process.execPath,
      [bin, 'check', join(fixtures, 'school-safety.txt'), '--json'],
      { encoding: 'utf8' },
    )
    const results = JSON.parse(run.stdout)
    expect(results[0].findings.some((f: { rule: string }) => f.rule === 'placeholder')).toBe(true)
  })

  it('exits 0 on a clean report', () => {
    const dir = mkdtempSync(join(tmpdir(), '检查 '))
    const input = join(dir, 'clean.txt')
    writeFileSync(
      input,
      '某县2026年教育工作总结\n一、主要工作\n全县教育系统坚持立德树人，教育质量稳步提升。\n',
    )
    const run = spawnSync(process.execPath, [bin, 'check', input], { encoding: 'utf8' })
    expect(run.stdout).toContain('没有发现问题')
    expect(run.status).toBe(0)
  })
})

describe('caogao check of many reports', () => {
  const clean =
    '某县2026年教育工作总结\n一、主要工作\n全县教育系统坚持立德树人，教育质量稳步提升。\n'

  it('checks fifty files in one call, a line for each and a total', () => {
    const dir = mkdtempSync(join(tmpdir(), '批量检查 '))
    const files: string[] = []
    for (let i = 0; i < 48; i++) {
      files.push(join(dir, `乡镇${i}.json`))
      writeFileSync(files.at(-1)!, JSON.stringify(generateDraft(2_000 + i * 50)))
    }
    files.push(join(dir, 'clean.txt'))
    writeFileSync(files.at(-1)!, clean)
    files.push(join(dir, 'broken.json'))
    writeFileSync(files.at(-1)!, '{"schemaVersion": 1')
    const run = spawnSync(process.execPath, [bin, 'check', ...files], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    const headers = run.stdout.split('\n').filter((line) => line.startsWith('【'))
    expect(headers).toHaveLength(50)
    expect(headers[0]).toMatch(/^【乡镇0\.json】\d+ 处（\d+ 处待填写/)
    expect(headers[48]).toBe('【clean.txt】没有发现问题。')
    expect(headers[49]).toMatch(/^【broken\.json】无法检查：/)
    expect(run.stdout.trim().split('\n').at(-1)).toBe(
      '共检查 50 个文件：48 个有必须修改的问题，0 个只有建议修改的问题，1 个没有发现问题，1 个无法检查。',
    )

    // A file checked among the others gets the same findings as checked alone.
    // Exit 1 (findings to fix), so spawnSync rather than execFileSync.
    const json = (args: string[]) =>
      JSON.parse(
        spawnSync(process.execPath, [bin, 'check', '--json', ...args], { encoding: 'utf8' }).stdout,
      ) as { file: string; findings: unknown[] }[]
    const alone = json([files[37]!])
    const among = json(files.slice(30, 48))
    expect(among[7]!.file).toBe(files[37])
    expect(among[7]!.findings).toEqual(alone[0]!.findings)
    expect(alone[0]!.findings.length).toBeGreaterThan(0)
  }, 120_000)

  it('exits 0 when no file has anything that must be fixed', () => {
    const dir = mkdtempSync(join(tmpdir(), '批量检查 '))
    const files = [join(dir, 'a.txt'), join(dir, 'b.txt')]
    for (const file of files) writeFileSync(file, clean)
    const run = spawnSync(process.execPath, [bin, 'check', ...files], { encoding: 'utf8' })
    expect(run.stdout).toContain(
      '共检查 2 个文件：0 个有必须修改的问题，0 个只有建议修改的问题，2 个没有发现问题，0 个无法检查。',
    )
    expect(run.status).toBe(0)
  })
})

describe('caogao compare', () => {
  const versions = () => {
    const dir = mkdtempSync(join(tmpdir(), '对比 '))
    const older = join(dir, '第1版.txt')
    const newer = join(dir, '第2版.txt')
    const text = readFileSync(join(fixtures, 'county-annual.txt'), 'utf8')
    writeFileSync(older, text)
    writeFileSync(
      newer,
      text
        .replace('28630', '28702')
        .replace('一项一项抓落实，', '一项一项抓落实；')
        .replace(/^（五）守牢.*\n/m, ''),
    )
    return { dir, older, newer }
  }

  it('writes a 修订稿 with tracked changes and sums up the changes in one line', async () => {
    const { dir, older, newer } = versions()
    const out = join(dir, '修订稿.docx')
    const run = spawnSync(process.execPath, [bin, 'compare', older, newer, '-o', out], {
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // 28630→28702, ，→；, the deleted （五）, and （六） renumbered （五）.
    expect(run.stdout.trim()).toBe(
      `已生成修订稿（共 4 处修改：改动 3 处、删除 1 处，其中数字 1 处）：${out}`,
    )
    const xml = (await docxParts(readFileSync(out))).get('word/document.xml')!
    expect(xml).toMatch(/<w:del [^>]*w:author="[^"]+"/)
    expect(xml).toMatch(/<w:ins [^>]*>.*?28702/s)
  })

  it('writes a 花脸稿 with --marks, named after the newer file by default', async () => {
    const { dir, older, newer } = versions()
    const run = spawnSync(process.execPath, [bin, 'compare', older, newer, '--marks'], {
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    const out = join(dir, '第2版-花脸稿.docx')
    expect(run.stdout).toContain(`已生成花脸稿（共 4 处修改`)
    const parts = await docxParts(readFileSync(out))
    expect(parts.get('word/document.xml')).not.toMatch(/<w:(ins|del) /)
    expect(parts.get('word/document.xml')).toContain('<w:strike/>')
    expect([...parts.values()].some((x) => x.includes('对比：第1版.txt → 第2版.txt'))).toBe(true)
  })

  it('finds no change between a draft and its own Word export read back', () => {
    const { dir, older } = versions()
    const draft = join(dir, '草稿.json')
    const docx = join(dir, '导出.docx')
    for (const args of [
      ['import', older, '-o', draft],
      ['export', draft, '-o', docx],
    ]) {
      expect(spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).status).toBe(0)
    }
    const run = spawnSync(process.execPath, [bin, 'compare', draft, docx], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('两个版本内容相同，没有修改')
  })

  it.each([
    [['compare'], 2, '请给出要对比的两个文件'],
    [['compare', 'a.txt'], 2, '请给出要对比的两个文件'],
    [['compare', '/nonexistent/a.txt', '/nonexistent/b.txt'], 1, '找不到或无法读取文件'],
    [['compare', 'a.pdf', 'b.txt'], 1, '不认识的文件类型'],
    [['compare', 'a.txt', 'b.txt', '-o', 'c.pdf'], 1, '输出文件应以 .docx 结尾'],
    [['compare', 'a.docx', 'b.txt', '-o', 'a.docx'], 1, '不能与要对比的文件相同'],
  ])('%j exits %i with a Chinese message', (args, code, message) => {
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmpdir() })
    expect(run.status).toBe(code)
    expect(run.stderr).toContain(message)
  })

  it('says which file is not a draft', () => {
    const { dir, newer } = versions()
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"hello": 1}')
    const run = spawnSync(process.execPath, [bin, 'compare', bad, newer], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('不是有效的草稿文件')
    expect(run.stderr).toContain('bad.json')
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/)
  })
})

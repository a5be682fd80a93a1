import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  defaultExportName,
  writeExport,
} from '../../../../electron/services/export/export-service.ts'
import { tempDataDir } from '../drafts/helpers.ts'

let dir: string
let dispose: () => Promise<void>
beforeEach(async () => {
  ;({ dir, dispose } = await tempDataDir())
})
afterEach(() => dispose())

describe('writing the exported file', () => {
  it('names the file after the title, without characters Windows refuses', () => {
    expect(defaultExportName('某某县教育局2026年工作总结')).toBe('某某县教育局2026年工作总结.docx')
    expect(defaultExportName('总结：上半年/下半年?')).toBe('总结：上半年下半年.docx')
    expect(defaultExportName('  ')).toBe('工作总结.docx')
  })

  it('replaces the target whole and leaves no temp file', async () => {
    const target = join(dir, '总结.docx')
    await writeFile(target, 'old')
    await writeExport(target, Buffer.from('new'))
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['总结.docx'])
  })

  it('refuses a file open in Word or WPS (owner file ~$…) and leaves it untouched', async () => {
    const target = join(dir, '某某县教育局工作总结.docx')
    await writeFile(target, 'old')
    await writeFile(join(dir, '~$县教育局工作总结.docx'), 'owner')
    await expect(writeExport(target, Buffer.from('new'))).rejects.toThrow(/正在 Word 或 WPS 中打开/)
    expect(await readFile(target, 'utf8')).toBe('old')
  })

  it('explains a folder that cannot be written', async () => {
    const missing = join(dir, '不存在的文件夹', 'a.docx')
    await expect(writeExport(missing, Buffer.from('x'))).rejects.toThrow(
      /保存 Word 文件失败|没有权限/,
    )
  })

  it.skipIf(process.getuid?.() === 0)('explains a read-only folder', async () => {
    const ro = join(dir, 'ro')
    await mkdir(ro)
    await chmod(ro, 0o555)
    await expect(writeExport(join(ro, 'a.docx'), Buffer.from('x'))).rejects.toThrow(/没有权限/)
    await chmod(ro, 0o755)
  })
})

describe('export file names and failures, in Chinese', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

  it('cuts a long Chinese title to the file system’s 255-byte limit, with room for the temp suffix', async () => {
    const name = defaultExportName(
      '某某县教育局关于全面推进义务教育优质均衡发展工作情况的总结报告'.repeat(7),
    )
    expect(bytes(name)).toBeLessThanOrEqual(255 - 40)
    expect(name).toMatch(/^某某县教育局.*\.docx$/)
    expect(name).not.toContain('\ufffd')
    await writeExport(join(dir, name), Buffer.from('docx'))
    expect(await readdir(dir)).toEqual([name])
  })

  it('removes NUL and control characters, and avoids device names', () => {
    expect(defaultExportName('总结\u0000报告\u0007\u001f')).toBe('总结报告.docx')
    expect(defaultExportName('CON')).toBe('CON_.docx')
    expect(defaultExportName('总结...  ')).toBe('总结.docx')
  })

  it('explains a name too long for the file system', async () => {
    await expect(
      writeExport(join(dir, `${'长'.repeat(120)}.docx`), Buffer.from('x')),
    ).rejects.toThrow(/文件名或文件夹路径太长/)
  })

  it('explains a NUL in the name instead of a raw error', async () => {
    await expect(writeExport(join(dir, 'a\u0000b.docx'), Buffer.from('x'))).rejects.toThrow(
      /不能使用的字符/,
    )
  })
})

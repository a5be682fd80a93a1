import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

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

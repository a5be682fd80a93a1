import { join } from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

describe('where code may run, enforced by lint', () => {
  it('forbids importing electron outside electron/main and electron/preload', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    expect(await ruleIds('electron/services/x.ts', code)).toContain(
      '@typescript-eslint/no-restricted-imports',
    )
    expect(await ruleIds('electron/main/x.ts', code)).toEqual([])
  })

  it('keeps Node and the DOM out of domain/', async () => {
    expect(
      await ruleIds(
        'domain/x.ts',
        "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n",
      ),
    ).toContain('no-restricted-imports')
    expect(await ruleIds('domain/x.ts', 'export const w = () => document.title\n')).toContain(
      'no-restricted-globals',
    )
  })

  it('keeps the renderer to the typed API', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.ts',
        "import { join } from 'node:path'\nexport const j = join\n",
      ),
    ).toContain('no-restricted-imports')
  })
})

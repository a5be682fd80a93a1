import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
// electron-builder's own schema check, offline; packaging itself needs the internet.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>
}
interface BuilderConfig {
  [key: string]: unknown
  win: { target: unknown }
  nsis: Record<string, unknown>
  linux: { target: unknown }
  electronFuses: Record<string, boolean>
}
const config = require('../../electron-builder.config.cjs') as BuilderConfig
const quietLogger = { isEnabled: false, add() {} }

describe('electron-builder configuration', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined()
  })

  it('is refused by the same validation when an option is misspelt', async () => {
    const broken = { ...config, nsis: { ...config.nsis, perMachin: false } }
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(
      /Invalid configuration/,
    )
  })

  it('builds per-user Chinese Windows installers and a portable exe', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ])
    expect(config.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      language: '2052',
    })
    expect(config.nsis.installerLanguages).toEqual(['zh_CN'])
  })

  it('builds .deb and AppImage for x64 and arm64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ])
  })

  it('sets the security fuses and never publishes or updates', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    })
    expect(config.publish).toBeNull()
    expect(config.asar).toBe(true)
  })
})

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { defaultSettings } from '../../../domain/settings.ts'
import { createSettingsService } from '../../../electron/services/settings-service.ts'

let dir: string
const open = () =>
  createSettingsService(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings' }))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), '设置 测试 '))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('settings service on a real file', () => {
  it('starts from the defaults', () => {
    expect(open().get()).toEqual(defaultSettings)
  })

  it('keeps an update across restarts', async () => {
    open().update({ level3Numbering: '1、', editorFontSize: 24 })
    expect(open().get()).toEqual({ ...defaultSettings, level3Numbering: '1、', editorFontSize: 24 })
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(onDisk.settings.level3Numbering).toBe('1、')
  })

  it('repairs a hand-edited file key by key, keeping what is still valid', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        settings: { editorFontSize: 'huge', level3Numbering: '1、' },
        window: { x: 1 },
      }),
    )
    expect(open().get()).toEqual({ ...defaultSettings, level3Numbering: '1、' })
  })

  it('leaves other keys of the store alone', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ window: { x: 5 } }))
    open().update({ fullWidthPunctuation: false })
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(onDisk.window).toEqual({ x: 5 })
  })
})

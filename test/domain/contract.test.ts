import { describe, expect, it } from 'vitest'

import { channelOf, contract, methodNames } from '../../domain/contract.ts'
import { defaultSettings, settingsPatchSchema } from '../../domain/settings.ts'

describe('contract', () => {
  it('lists exactly the contract methods for the preload', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort())
  })

  it('gives each method its own channel', () => {
    const channels = methodNames.map(channelOf)
    expect(new Set(channels).size).toBe(methodNames.length)
    expect(channelOf('getSettings')).toBe('caogao:getSettings')
  })

  it('validates in Chinese', () => {
    const result = contract.updateSettings.input.safeParse({ editorFontSize: 3 })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('settings schema', () => {
  it('has the documented defaults, each within its field’s limits', () => {
    // zod does not check a default against its own field: this does.
    expect(settingsPatchSchema.safeParse(defaultSettings).success).toBe(true)
    expect(defaultSettings).toMatchObject({
      fullWidthPunctuation: true,
      level3Numbering: '1.',
      editorFontSize: 21,
      exportFontSet: 'gb2312',
      lineSpacingPt: 28.95,
      pageNumberStyle: 'sides',
      boldLevel2: false,
      boldLevel3: true,
      indicatorAppendix: false,
    })
  })

  it('refuses unknown keys and wrong types in a patch', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'dark' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ level3Numbering: '1)' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ fullWidthPunctuation: 'yes' }).success).toBe(false)
    expect(settingsPatchSchema.parse({ level3Numbering: '1、' })).toEqual({
      level3Numbering: '1、',
    })
  })
})

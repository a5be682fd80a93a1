import { describe, expect, it } from 'vitest'

import { searchScore } from '../../../domain/text/search.ts'
import { searchKeys } from '../../../electron/services/pinyin.ts'

const [leadership, bank, chongqing, growth, teaching] = searchKeys([
  '在县委、县政府的正确领导下',
  '农村信用合作银行',
  '重庆市教育委员会',
  '长期坚持教育优先发展',
  '教学质量稳步提升',
])

describe('search by Chinese and pinyin', () => {
  it('finds by Chinese text', () => {
    expect(searchScore('正确领导', leadership!)).toBeGreaterThan(0)
    expect(searchScore('教育', leadership!)).toBe(0)
  })

  it('finds by initials, full pinyin and a mixed query', () => {
    expect(searchScore('zqld', leadership!)).toBeGreaterThan(0)
    expect(searchScore('zhengquelingdao', leadership!)).toBeGreaterThan(0)
    expect(searchScore('zq领导', leadership!)).toBeGreaterThan(0)
    expect(searchScore('zq教育', leadership!)).toBe(0)
  })

  it('reads polyphonic characters from their words', () => {
    expect(bank!.full).toContain('yinhang')
    expect(chongqing!.initials.startsWith('cq')).toBe(true)
    expect(growth!.full.startsWith('changqi')).toBe(true)
    expect(teaching!.full.startsWith('jiaoxue')).toBe(true)
    expect(searchScore('cqs', chongqing!)).toBeGreaterThan(0)
    expect(searchScore('zqs', chongqing!)).toBe(0)
  })

  it('ranks a prefix above a match inside', () => {
    expect(searchScore('zx', leadership!)).toBeGreaterThan(searchScore('ld', leadership!))
  })
})

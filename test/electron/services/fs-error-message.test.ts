import { describe, expect, it } from 'vitest'

import {
  fsErrorReason,
  fsFailureMessage,
  isFsError,
} from '../../../electron/services/fs-error-message.ts'

const err = (code: string) => Object.assign(new Error(code), { code })

describe('one table from file-system error to message', () => {
  it.each([
    ['ENOSPC', /磁盘空间已满/],
    ['EROFS', /只读/],
    ['EACCES', /没有权限/],
    ['EPERM', /没有权限.*占用/],
    ['EBUSY', /被其他程序占用/],
    ['ENAMETOOLONG', /路径太长/],
    ['ENOENT', /不存在/],
    ['EEXIST', /已经存在/],
  ])('%s has its own plain Chinese reason', (code, reason) => {
    expect(fsErrorReason(err(code))).toMatch(reason)
    expect(fsErrorReason(err(code))).not.toContain(code)
  })

  it('names the action, and an unknown code, without a path as the only answer', () => {
    expect(fsFailureMessage(err('ENOSPC'), '保存')).toBe(
      '磁盘空间已满，保存失败。请清理磁盘后点“重试”。',
    )
    expect(fsFailureMessage(err('EWHATEVER'), '保存')).toBe('文件操作失败（EWHATEVER），保存失败。')
  })

  it('tells a file-system error from a bug', () => {
    expect(isFsError(err('ENOSPC'))).toBe(true)
    expect(isFsError(new TypeError('x'))).toBe(false)
    expect(isFsError(Object.assign(new Error(), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false)
  })
})

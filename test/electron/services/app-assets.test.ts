import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  resolveAssetPath,
} from '../../../electron/services/app-assets.ts'

const root = resolve('/srv/草稿 renderer')

describe('resolveAssetPath', () => {
  it('serves index.html for the root and files below the root', () => {
    expect(resolveAssetPath(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveAssetPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'))
    expect(resolveAssetPath(root, '/%E5%9B%BE.png')).toBe(join(root, '图.png'))
  })

  it.each([
    '/../secret.txt',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/..\\..\\windows\\win.ini',
    '/%5c..%5cwin.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveAssetPath(root, path)).toBeNull()
  })
})

describe('security headers', () => {
  it('allow only our own origin and no eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
  })

  it('names content types', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/)
    expect(contentTypeOf('a/x.JS')).toMatch(/^text\/javascript/)
    expect(contentTypeOf('a/x.bin')).toBe('application/octet-stream')
  })
})

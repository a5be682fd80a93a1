import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { channelOf, methodNames } from '../../../domain/contract.ts'
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/main/app-origin.ts'
import { setupIpc } from '../../../electron/main/ipc.ts'
import {
  denyAllPermissions,
  hardenWebContents,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
  trustedOrigins,
} from '../../../electron/main/security.ts'
import { FakeSession, FakeWebContents, ipcMain } from '../../mocks/electron.ts'

vi.mock('electron', () => import('../../mocks/electron.ts'))

const origins = trustedOrigins()

const HOSTILE_URLS = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/index.html',
  'app://caogao.evil.com/',
  'app://caogao@evil.com/',
  'app://user:pass@caogao/index.html',
  'apps://caogao/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  '//evil.com',
  'not a url',
  '',
]

describe('window webPreferences', () => {
  it('isolate the renderer and sandbox it with no Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('navigation', () => {
  it('stays inside the app origin', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL, origins)).toBe(true)
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/drafts`, origins)).toBe(true)
  })

  it.each(HOSTILE_URLS)('is refused to %j', (url) => {
    expect(isAllowedNavigation(url, origins)).toBe(false)
  })

  it('trusts a dev server only on loopback', () => {
    expect(trustedOrigins('http://localhost:5173')).toContain('http://localhost:5173')
    expect(trustedOrigins('http://192.168.1.9:5173')).toEqual([APP_ORIGIN])
    expect(trustedOrigins('garbage')).toEqual([APP_ORIGIN])
  })
})

describe('hardened web contents', () => {
  let contents: FakeWebContents
  beforeEach(() => {
    contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents, origins)
  })

  it('denies every window.open', () => {
    for (const url of [APP_ENTRY_URL, ...HOSTILE_URLS]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('prevents navigation and redirects to foreign URLs', () => {
    for (const url of HOSTILE_URLS) {
      expect(contents.attempt('will-navigate', url)).toBe(true)
      expect(contents.attempt('will-redirect', url)).toBe(true)
    }
    expect(contents.attempt('will-navigate', APP_ENTRY_URL)).toBe(false)
  })

  it('refuses webviews', () => {
    expect(contents.attempt('will-attach-webview', {}, {})).toBe(true)
  })
})

describe('permissions', () => {
  it('are all denied', () => {
    const session = new FakeSession()
    denyAllPermissions(session as unknown as Session)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn()
      session.requestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(session.checkHandler?.({}, 'media')).toBe(false)
    expect(session.deviceHandler?.({})).toBe(false)
  })
})

describe('IPC sender check', () => {
  it('trusts only the main frame of our own origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null }, origins)).toBe(true)
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: {} as never }, origins)).toBe(false)
    expect(isTrustedSender(null, origins)).toBe(false)
    for (const url of HOSTILE_URLS)
      expect(isTrustedSender({ url, parent: null }, origins)).toBe(false)
  })

  it('is applied to every contract channel', async () => {
    ipcMain.reset()
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'answered' }))
    setupIpc(dispatch, origins)
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort())
    for (const method of methodNames) {
      const refused = await ipcMain.invoke(
        channelOf(method),
        { url: 'https://evil.com/', parent: null },
        {},
      )
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const fromIframe = await ipcMain.invoke(
        channelOf(method),
        { url: APP_ENTRY_URL, parent: {} },
        {},
      )
      expect(fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
    await expect(
      ipcMain.invoke(channelOf('getSettings'), { url: APP_ENTRY_URL, parent: null }, {}),
    ).resolves.toEqual({
      ok: true,
      value: 'answered',
    })
    expect(dispatch).toHaveBeenCalledWith('getSettings', {})
  })
})

import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron'

import { APP_ORIGIN } from './app-origin.ts'

/** The only webPreferences a Caogao window is created with. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

/** The app's own origin, plus the Vite dev server when one is in use. */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN]
  if (devServerUrl) {
    const dev = safeUrl(devServerUrl)
    if (dev && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1'))
      origins.push(dev.origin)
  }
  return origins
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * Compares scheme, host and port; anything unparsable is foreign. Built by hand because
 * WHATWG URL gives a custom scheme the origin "null" outside Electron.
 */
export function isTrustedUrl(raw: string, origins: readonly string[]): boolean {
  const url = safeUrl(raw)
  if (!url || !url.host || url.username || url.password) return false
  return origins.includes(`${url.protocol}//${url.host}`)
}

/** A page may navigate only within the app's own origin (a reload, say), never out of it. */
export function isAllowedNavigation(raw: string, origins: readonly string[]): boolean {
  return isTrustedUrl(raw, origins)
}

/**
 * An IPC message is honoured only from the main frame of one of our pages: not from an
 * iframe, not after a navigation to a foreign origin.
 */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
  origins: readonly string[],
): boolean {
  if (!frame) return false
  if (frame.parent !== null) return false
  return isTrustedUrl(frame.url, origins)
}

/** Every web contents: no new windows, no navigation away, no webviews. */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, origins)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, origins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The app needs no camera, microphone, location, notifications or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

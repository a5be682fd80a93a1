import { readFile } from 'node:fs/promises'

import { protocol } from 'electron'

import { SECURITY_HEADERS, contentTypeOf, resolveAssetPath } from '../services/app-assets.ts'
import { APP_HOST, APP_SCHEME } from './app-origin.ts'

/** Must run before the app is ready. codeCache lets V8 cache the renderer's compiled scripts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves the built renderer from `rendererDir` with the security headers on every answer. */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const filePath = url.host === APP_HOST ? resolveAssetPath(rendererDir, url.pathname) : null
    if (!filePath) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
    try {
      const body = await readFile(filePath)
      return new Response(body, {
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(filePath) },
      })
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
    }
  })
}

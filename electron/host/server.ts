import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { ApiResult } from '../../domain/contract.ts'
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from '../../domain/host-token.ts'
import { LIMIT_MESSAGES, MAX_REQUEST_BYTES } from '../../domain/limits.ts'
import { SECURITY_HEADERS, contentTypeOf, resolveAssetPath } from '../services/app-assets.ts'
import type { Dispatch } from '../services/dispatcher.ts'

export interface BrowserHost {
  url: string
  token: string
  close(): Promise<void>
}

/**
 * Serves the built renderer and answers the contract over HTTP on loopback, so the real
 * renderer bundle runs unchanged in a browser. Only this machine can reach it, only pages
 * it served know the token, and a foreign Host header (DNS rebinding) is refused.
 */
export async function startBrowserHost(options: {
  rendererDir: string
  dispatch: Dispatch
  port?: number
}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  let hostHeader = ''

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => sendText(res, 500, 'Internal error'))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== hostHeader) return sendText(res, 421, 'Misdirected request')
    const url = new URL(req.url ?? '/', `http://${hostHeader}`)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5))
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed')
    const filePath = resolveAssetPath(options.rendererDir, url.pathname)
    if (!filePath) return sendText(res, 404, 'Not found')
    let body: Buffer
    try {
      body = await readFile(filePath)
    } catch {
      return sendText(res, 404, 'Not found')
    }
    if (filePath.endsWith('index.html')) {
      const meta = `<meta name="${HOST_TOKEN_META}" content="${token}">`
      body = Buffer.from(body.toString('utf8').replace('</head>', `${meta}</head>`))
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(filePath),
      'Cache-Control': 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${hostHeader}`)
      return sendText(res, 403, 'Forbidden')
    const given = Buffer.from(String(req.headers[HOST_TOKEN_HEADER] ?? ''))
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return sendJson(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' },
      })
    }
    const raw = await readBody(req)
    if (raw === null) {
      // The rest of the body is drained, not cut off, so that the client reads this answer.
      res.setHeader('Connection', 'close')
      return sendJson(res, 413, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: LIMIT_MESSAGES.requestBytes },
      })
    }
    let input: unknown
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: '请求格式有误。' },
      })
    }
    sendJson(res, 200, await options.dispatch(method, input))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  hostHeader = `127.0.0.1:${port}`

  return {
    url: `http://${hostHeader}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The body, or null past MAX_REQUEST_BYTES (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_REQUEST_BYTES) {
      req.resume()
      return resolve(null)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) {
        chunks.length = 0
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

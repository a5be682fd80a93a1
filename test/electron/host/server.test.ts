import { request } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { HOST_TOKEN_HEADER as TOKEN_HEADER, HOST_TOKEN_META } from '../../../domain/host-token.ts'
import { LIMIT_MESSAGES, MAX_REQUEST_BYTES } from '../../../domain/limits.ts'
import { startTestHost, type TestHost } from '../../e2e/support.ts'

let host: TestHost

beforeAll(async () => {
  host = await startTestHost()
})
afterAll(() => host.dispose())

/** A raw request, so the Host and Origin headers are exactly what the test says. */
function send(options: {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string
}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(host.url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  })

describe('browser host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1')
  })

  it('serves the renderer with the CSP and the token in a meta tag', async () => {
    const res = await send({ path: '/' })
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.body).toContain(`<meta name="${HOST_TOKEN_META}" content="${host.token}">`)
  })

  it('answers the contract with the real services', async () => {
    const res = await api('updateSettings', { level3Numbering: '1、' })
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { level3Numbering: '1、' } })
    const again = await api('getSettings', {})
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, value: { level3Numbering: '1、' } })
  })

  it('refuses a call without the token', async () => {
    const res = await api('getSettings', {}, { [TOKEN_HEADER]: 'guess' })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await send({ path: '/', headers: { host: 'evil.example:80' } })).status).toBe(421)
    expect((await api('getSettings', {}, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('answers bad JSON and invalid input with typed errors', async () => {
    const bad = await send({
      method: 'POST',
      path: '/api/getSettings',
      headers: { [TOKEN_HEADER]: host.token },
      body: '{not json',
    })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const invalid = await api('updateSettings', { editorFontSize: 999 })
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('does not serve files outside the renderer', async () => {
    expect((await send({ path: '/../package.json' })).status).toBe(404)
    expect((await send({ path: '/%2e%2e/package.json' })).status).toBe(404)
  })
})

describe('browser host, a body past the limit', () => {
  it('answers 413 with a Chinese message the client reads, not a cut connection', async () => {
    const url = new URL(host.url)
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/importDraft',
          headers: {
            host: url.host,
            'content-type': 'application/json',
            [TOKEN_HEADER]: host.token,
            'content-length': String(MAX_REQUEST_BYTES + 1),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            req.destroy()
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
          })
        },
      )
      req.on('error', reject)
      req.write('{"fileName":"a.txt","data":"')
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: LIMIT_MESSAGES.requestBytes },
    })
  })

  it('answers 413 also when the body runs past the limit without declaring its length', async () => {
    const res = await fetch(`${host.url}api/importDraft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: new Blob([new Uint8Array(MAX_REQUEST_BYTES + 1024)]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { message: LIMIT_MESSAGES.requestBytes } })
  }, 60_000)
})

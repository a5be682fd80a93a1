import {
  apiResultSchema,
  contract,
  methodNames,
  type ApiErrorShape,
  type ErrorCode,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../domain/contract.ts'
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from '../../../domain/host-token.ts'
import { LIMIT_MESSAGES } from '../../../domain/limits.ts'

/** A failed call, with the code for the program and the Chinese message for the writer. */
export class ApiError extends Error {
  readonly code: ErrorCode

  constructor(shape: ApiErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
  }
}

export type Api = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
}

type Transport = (method: MethodName, input: unknown) => Promise<unknown>

declare global {
  interface Window {
    /** Exposed by the preload inside Electron; absent in a browser. */
    caogao?: Record<MethodName, (input: unknown) => Promise<unknown>>
  }
}

function preloadTransport(bridge: NonNullable<Window['caogao']>): Transport {
  return (method, input) => bridge[method](input)
}

/** The browser host answers the same contract over HTTP; the page it served carries the token. */
function hostTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`)?.content
  return async (method, input) => {
    let response: Response
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(input),
      })
    } catch {
      return {
        ok: false,
        error: { code: 'IO_ERROR', message: '无法连接到本机服务，请重新打开程序。' },
      }
    }
    if (response.status === 413) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: LIMIT_MESSAGES.requestBytes } }
    }
    try {
      return await response.json()
    } catch {
      return {
        ok: false,
        error: {
          code: 'IO_ERROR',
          message: `本机服务的回答无法识别（${response.status}），请重试。`,
        },
      }
    }
  }
}

/**
 * Replies not checked again here: main's dispatcher checks every reply against the contract's
 * output schema before sending it, and checking a draft's 100,000 characters a second time
 * would hold up the opening of a long report by tens of milliseconds.
 */
const CHECKED_BY_MAIN: ReadonlySet<MethodName> = new Set(['openDraft'])

export function createApi(transport: Transport): Api {
  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    const result = apiResultSchema.safeParse(await transport(method, input))
    if (!result.success)
      throw new ApiError({ code: 'INTERNAL', message: '程序返回了无法识别的结果。' })
    if (!result.data.ok) throw new ApiError(result.data.error)
    if (CHECKED_BY_MAIN.has(method)) return result.data.value
    return contract[method].output.parse(result.data.value)
  }
  return Object.fromEntries(
    methodNames.map((method) => [method, (input: unknown) => call(method, input)]),
  ) as Api
}

export const api: Api = createApi(window.caogao ? preloadTransport(window.caogao) : hostTransport())

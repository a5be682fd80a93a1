import { type z } from 'zod'

import {
  contract,
  type ApiResult,
  type Contract,
  type MethodName,
  type MethodOutput,
} from '../../domain/contract.ts'
import { ServiceError } from './service-error.ts'

/** One function per contract method, taking the validated input. */
export type Handlers = {
  [M in MethodName]: (
    input: z.output<Contract[M]['input']>,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>
}

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>

function isMethodName(method: string): method is MethodName {
  return Object.hasOwn(contract, method)
}

/** Turns zod issues into one line a writer can read. */
export function describeInvalidInput(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return '输入有误。'
  const where = first.path.length > 0 ? `（${first.path.join('.')}）` : ''
  return `输入有误${where}：${first.message}`
}

/**
 * The one gate every call passes, from IPC and from the browser host alike:
 * the method must exist, the input must match its schema, the answer must match
 * its schema, and failures come back as typed errors rather than thrown ones.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (e: unknown) => void = console.error,
): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `没有这项功能：${method}` } }
    }
    const spec = contract[method]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: describeInvalidInput(parsed.error) },
      }
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        log(new Error(`output of ${method} fails its schema: ${checked.error.message}`))
        return { ok: false, error: { code: 'INTERNAL', message: '程序内部出错，请重试。' } }
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.toShape() }
      log(error)
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部出错，请重试。' } }
    }
  }
}

import { type z } from 'zod'

import {
  contract,
  type ApiResult,
  type Contract,
  type MethodName,
  type MethodOutput,
} from '../../domain/contract.ts'
import { LIMIT_MESSAGES, MAX_INPUT_OBJECTS, MAX_NESTING_DEPTH } from '../../domain/limits.ts'
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
 * What is wrong with an input's shape before its schema walks it: arrays and objects nested
 * deeper than MAX_NESTING_DEPTH, or more of them than MAX_INPUT_OBJECTS counted as the schema
 * would meet them (an object shared by reference counts each time: IPC keeps such sharing). One
 * pass with a stack of its own, stopping at either limit, so that it is bounded itself.
 */
export function inputShapeProblem(value: unknown): 'deep' | 'large' | null {
  const stack: [unknown, number][] = [[value, 0]]
  let seen = 0
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    if (depth + 1 > MAX_NESTING_DEPTH) return 'deep'
    if (++seen > MAX_INPUT_OBJECTS) return 'large'
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return null
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
    const problem = inputShapeProblem(input)
    if (problem) {
      const message = problem === 'deep' ? LIMIT_MESSAGES.inputNesting : LIMIT_MESSAGES.inputObjects
      return { ok: false, error: { code: 'INVALID_INPUT', message } }
    }
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

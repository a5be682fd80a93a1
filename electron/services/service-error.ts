import type { ApiErrorShape, ErrorCode } from '../../domain/contract.ts'

/** An error meant for the writer: a code for the program, a Chinese message for the person. */
export class ServiceError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ServiceError'
    this.code = code
  }

  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message }
  }
}

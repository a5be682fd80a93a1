import { fsErrorReason, fsFailureMessage, isFsError } from '../fs-error-message.ts'
import { ServiceError } from '../service-error.ts'

/** A draft file that cannot be read; the message says why, in Chinese. */
export class DamagedFileError extends Error {}

/** A draft about to be written that fails the draft schema; the message is in Chinese. */
export class InvalidDraftError extends Error {}

/** Another window or process held the draft's lock for longer than we wait. */
export class LockBusyError extends Error {}

export const notFound = () => new ServiceError('NOT_FOUND', '找不到这份草稿，可能已被删除。')

/**
 * A failed save explained to the writer, with where the unsaved text went: a copy in
 * recovery/, or, when even that failed (often the same full disk), why.
 */
export function saveFailure(
  error: unknown,
  side: { path: string } | { path: null; error: unknown } | null,
): ServiceError {
  const known = asServiceError(error, '保存')
  let kept = '内容没有丢失：仍在编辑窗口中，'
  if (side === null) kept += '请不要关闭程序。'
  else if (side.path === null) {
    kept += `请不要关闭程序。另存恢复副本也没有成功（${fsErrorReason(side.error)}）。`
  } else kept += `并已另存到 ${side.path}。`
  return new ServiceError(known.code, `${known.message}${kept}`, { cause: error })
}

/**
 * Any error of a store operation as the writer should see it: a file-system error in the
 * words of the one table, a busy lock as a conflict; a bug stays a bug.
 */
export function asServiceError(error: unknown, action: string): ServiceError {
  if (error instanceof ServiceError) return error
  if (error instanceof LockBusyError) {
    // Busy for a moment, not changed under the writer: worth trying again by itself.
    return new ServiceError('BUSY', '这份草稿正被另一个窗口或程序使用，请稍后再试。')
  }
  if (error instanceof InvalidDraftError) {
    return new ServiceError('INVALID_INPUT', error.message, { cause: error })
  }
  if (isFsError(error)) {
    return new ServiceError('IO_ERROR', fsFailureMessage(error, action), { cause: error })
  }
  throw error
}

/** Runs a store operation with every error it throws in the writer's words. */
export async function explained<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw asServiceError(error, action)
  }
}

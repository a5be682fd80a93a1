import { ipcMain } from 'electron'

import { channelOf, methodNames, type ApiResult } from '../../domain/contract.ts'
import type { Dispatch } from '../services/dispatcher.ts'
import { isTrustedSender } from './security.ts'

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求来源不可信，已拒绝。' },
}

/** One handler per contract method; a message from anything but our own main frame is refused. */
export function setupIpc(dispatch: Dispatch, origins: readonly string[]): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, origins)) return FORBIDDEN
      return dispatch(method, input)
    })
  }
}

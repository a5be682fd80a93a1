import { contextBridge, ipcRenderer } from 'electron'

import { channelOf, methodNames } from '../../domain/contract-names.ts'

// Exactly the contract's methods, one function each; no generic send or invoke.
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown): Promise<unknown> => ipcRenderer.invoke(channelOf(method), input ?? {}),
  ]),
)

contextBridge.exposeInMainWorld('caogao', Object.freeze(api))

// The one shared stand-in for the 'electron' module, for the few tests of code that imports it.
// Use: vi.mock('electron', () => import('../../mocks/electron.ts'))
import { EventEmitter } from 'node:events'

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>()

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }

  /** Calls a registered handler as Electron would for a message from `senderFrame`. */
  invoke(
    channel: string,
    senderFrame: { url: string; parent: unknown } | null,
    ...args: unknown[]
  ): unknown {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler({ senderFrame }, ...args)
  }

  reset(): void {
    this.handlers.clear()
  }
}

export const ipcMain = new FakeIpcMain()

/** A web contents that records what the app attached to it. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  /** Emits a cancellable event and says whether the app prevented it. */
  attempt(eventName: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

/** A session that records the permission handlers the app installed. */
export class FakeSession {
  requestHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null =
    null
  checkHandler: ((...args: unknown[]) => boolean) | null = null
  deviceHandler: ((...args: unknown[]) => boolean) | null = null

  setPermissionRequestHandler(h: FakeSession['requestHandler']): void {
    this.requestHandler = h
  }

  setPermissionCheckHandler(h: FakeSession['checkHandler']): void {
    this.checkHandler = h
  }

  setDevicePermissionHandler(h: FakeSession['deviceHandler']): void {
    this.deviceHandler = h
  }
}

export const app = {
  getVersion: () => '0.0.0-test',
  getPath: () => '/tmp/caogao-test',
  isPackaged: false,
}

export default { ipcMain, app }

import Conf from 'conf'

import { createDispatcher } from '../services/dispatcher.ts'
import { DraftStore } from '../services/drafts/draft-store.ts'
import { createHandlers } from '../services/handlers.ts'
import { createSettingsService } from '../services/settings-service.ts'
import { startBrowserHost, type BrowserHost } from './server.ts'

/** The browser host wired to the same services as Electron's main process, on `dataDir`. */
export function createHost(options: {
  rendererDir: string
  dataDir: string
  version: string
  port?: number
}): Promise<BrowserHost> {
  // conf is the plain-Node core of electron-store: same file format, no Electron.
  const store = new Conf<Record<string, unknown>>({ cwd: options.dataDir, configName: 'settings' })
  const dispatch = createDispatcher(
    createHandlers({
      appInfo: {
        name: '草稿',
        version: options.version,
        shell: 'browser-host',
        dataDir: options.dataDir,
      },
      settings: createSettingsService(store),
      drafts: new DraftStore({ dataDir: options.dataDir }),
    }),
  )
  return startBrowserHost({ rendererDir: options.rendererDir, dispatch, port: options.port })
}

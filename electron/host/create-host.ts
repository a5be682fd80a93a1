import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

import Conf from 'conf'

import { createDispatcher } from '../services/dispatcher.ts'
import { DraftStore } from '../services/drafts/draft-store.ts'
import { createHandlers } from '../services/handlers.ts'
import { ServiceError } from '../services/service-error.ts'
import { createSettingsService } from '../services/settings-service.ts'
import { SnippetStore } from '../services/snippets/snippet-store.ts'
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
      snippets: new SnippetStore(options.dataDir),
      // No save dialog in a browser: exports go to the data folder's exports/.
      exportShell: {
        async choosePath(defaultName) {
          const dir = join(options.dataDir, 'exports')
          await mkdir(dir, { recursive: true })
          return join(dir, defaultName)
        },
        async open(path) {
          throw new ServiceError('IO_ERROR', `浏览器预览中不能直接打开文件。文件保存在：${path}`)
        },
      },
    }),
  )
  return startBrowserHost({ rendererDir: options.rendererDir, dispatch, port: options.port })
}

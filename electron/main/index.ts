import { join } from 'node:path'

import { app, session } from 'electron'
import ElectronStore from 'electron-store'

import { createDispatcher } from '../services/dispatcher.ts'
import { DraftStore } from '../services/drafts/draft-store.ts'
import { createHandlers } from '../services/handlers.ts'
import { JobRunner } from '../services/jobs/job-runner.ts'
import { createSettingsService } from '../services/settings-service.ts'
import { SnippetStore } from '../services/snippets/snippet-store.ts'
import { APP_ENTRY_URL } from './app-origin.ts'
import { registerAppScheme, setupAppProtocol } from './app-protocol.ts'
import { createExportShell } from './export-shell.ts'
import { setupIpc } from './ipc.ts'
import { setupMenu } from './menu.ts'
import { denyAllPermissions, hardenWebContents, trustedOrigins } from './security.ts'
import { createMainWindow } from './window.ts'

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const origins = trustedOrigins(devServerUrl)

registerAppScheme()
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings' })
  let mainWindow: Electron.BrowserWindow | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession)
    setupAppProtocol(join(import.meta.dirname, '../renderer'))
    const dispatch = createDispatcher(
      createHandlers({
        appInfo: {
          name: '草稿',
          version: app.getVersion(),
          shell: 'electron',
          dataDir: app.getPath('userData'),
        },
        settings: createSettingsService(store),
        drafts: new DraftStore({ dataDir: app.getPath('userData') }),
        snippets: new SnippetStore(app.getPath('userData')),
        exportShell: createExportShell(() => mainWindow),
        // The worker entry bundled beside this file (electron.vite.config.ts).
        jobs: new JobRunner({ workerFile: join(import.meta.dirname, 'job-worker.js') }),
      }),
    )
    setupIpc(dispatch, origins)
    setupMenu(!app.isPackaged)
    mainWindow = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      state: { get: (key) => store.get(key), set: (key, value) => store.set(key, value) },
    })
  })
}

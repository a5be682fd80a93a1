import type { Handlers } from './dispatcher.ts'
import type { SettingsService } from './settings-service.ts'

export interface ServiceDeps {
  appInfo: { name: string; version: string; shell: 'electron' | 'browser-host'; dataDir: string }
  settings: SettingsService
}

/** The implementation of the contract, shared by the Electron main process and the browser host. */
export function createHandlers(deps: ServiceDeps): Handlers {
  return {
    getAppInfo: () => deps.appInfo,
    getSettings: () => deps.settings.get(),
    updateSettings: (patch) => deps.settings.update(patch),
  }
}

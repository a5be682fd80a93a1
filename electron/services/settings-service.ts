import { settingsSchema, type Settings, type SettingsPatch } from '../../domain/settings.ts'

/** The part of electron-store (main) and conf (browser host) that settings need. */
export interface SettingsBacking {
  get store(): Record<string, unknown>
  set store(value: Record<string, unknown>)
}

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Settings
}

/** Reads through the schema, so a hand-edited or old file falls back to defaults key by key. */
export function createSettingsService(backing: SettingsBacking): SettingsService {
  const read = (): Settings => {
    const raw = backing.store.settings
    const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const result = settingsSchema.safeParse(source)
    if (result.success) return result.data
    // Keep the keys that are still valid; default the rest.
    const repaired: Record<string, unknown> = {}
    for (const key of Object.keys(settingsSchema.shape)) {
      const one = settingsSchema.shape[key as keyof Settings].safeParse(source[key])
      if (one.success) repaired[key] = one.data
    }
    return settingsSchema.parse(repaired)
  }
  return {
    get: read,
    update(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch })
      backing.store = { ...backing.store, settings: next }
      return next
    },
  }
}

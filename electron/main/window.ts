import { BrowserWindow, screen } from 'electron'

import { secureWebPreferences } from './security.ts'
import { DEFAULT_SIZE, restorableState, type WindowState } from './window-state.ts'

export interface WindowStateStore {
  get(key: 'window'): unknown
  set(key: 'window', value: WindowState): void
}

/** The one main window: shown when ready, placed where the writer left it. */
export function createMainWindow(options: {
  preloadPath: string
  url: string
  state: WindowStateStore
}): BrowserWindow {
  const saved = restorableState(
    options.state.get('window'),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...(saved
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : DEFAULT_SIZE),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '草稿',
    backgroundColor: '#f4f1ea',
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  if (saved?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return
    const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds()
    options.state.set('window', { ...bounds, maximized: win.isMaximized() })
  }
  win.on('close', remember)
  win.on('moved', remember)
  win.on('resized', remember)

  void win.loadURL(options.url)
  return win
}

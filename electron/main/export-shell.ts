import { join } from 'node:path'

import { app, dialog, shell, type BrowserWindow } from 'electron'

import type { ExportShell } from '../services/handlers.ts'
import { ServiceError } from '../services/service-error.ts'

/** The save dialog (last folder remembered) and opening the result with the system's Word or WPS. */
export function createExportShell(window: () => BrowserWindow | null): ExportShell {
  return {
    async choosePath(defaultName, lastDir) {
      const options = {
        title: '导出 Word 文件',
        defaultPath: join(lastDir || app.getPath('documents'), defaultName),
        buttonLabel: '保存',
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        properties: ['showOverwriteConfirmation' as const],
      }
      const parent = window()
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      return result.filePath.toLowerCase().endsWith('.docx')
        ? result.filePath
        : `${result.filePath}.docx`
    },
    async open(path, reveal) {
      if (reveal) {
        shell.showItemInFolder(path)
        return
      }
      const error = await shell.openPath(path)
      if (error) throw new ServiceError('IO_ERROR', `无法打开文件：${error}`)
    },
  }
}

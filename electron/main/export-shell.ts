import { join } from 'node:path'

import { app, BrowserWindow, dialog, shell } from 'electron'

import type { ExportKind, ExportShell } from '../services/handlers.ts'
import { ServiceError } from '../services/service-error.ts'

const SAVE_AS: Record<ExportKind, { title: string; name: string }> = {
  docx: { title: '导出 Word 文件', name: 'Word 文档' },
  pdf: { title: '导出 PDF 文件', name: 'PDF 文件' },
  xlsx: { title: '保存表格', name: 'Excel 表格' },
}

/** The save dialog (last folder remembered) and opening the result with the system's Word or WPS. */
export function createExportShell(window: () => BrowserWindow | null): ExportShell {
  return {
    async choosePath(defaultName, lastDir, kind = 'docx') {
      const options = {
        title: SAVE_AS[kind].title,
        defaultPath: join(lastDir || app.getPath('documents'), defaultName),
        buttonLabel: '保存',
        filters: [{ name: SAVE_AS[kind].name, extensions: [kind] }],
        properties: ['showOverwriteConfirmation' as const],
      }
      const parent = window()
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      return result.filePath.toLowerCase().endsWith(`.${kind}`)
        ? result.filePath
        : `${result.filePath}.${kind}`
    },
    // The renderer shows its pages before asking; its print stylesheet prints them alone, with
    // their own margins, so Chromium adds none.
    async printPdf() {
      // The window whose 导出 PDF was just clicked is the focused one (there may be two).
      const contents = (BrowserWindow.getFocusedWindow() ?? window())?.webContents
      if (!contents) throw new ServiceError('IO_ERROR', '窗口已关闭，没有生成 PDF。')
      return contents.printToPDF({
        pageSize: 'A4',
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
        preferCSSPageSize: true,
      })
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

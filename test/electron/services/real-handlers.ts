import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Conf from 'conf'

import { createDispatcher, type Dispatch } from '../../../electron/services/dispatcher.ts'
import { DraftStore } from '../../../electron/services/drafts/draft-store.ts'
import { createHandlers } from '../../../electron/services/handlers.ts'
import { ServiceError } from '../../../electron/services/service-error.ts'
import {
  createSettingsService,
  type SettingsService,
} from '../../../electron/services/settings-service.ts'
import { SnippetStore } from '../../../electron/services/snippets/snippet-store.ts'

/**
 * The real services on a data folder inside a folder of its own (`root`), so a test can see
 * that nothing was written beside the data folder. Exports go to the data folder's exports/.
 */
export async function realDispatch(
  options: {
    settings?: (real: SettingsService) => SettingsService
    /** What Electron's printToPDF would give; left out, as in the browser host. */
    printPdf?: () => Promise<Buffer>
  } = {},
): Promise<{
  root: string
  dataDir: string
  dispatch: Dispatch
  errors: unknown[]
  dispose: () => Promise<void>
}> {
  const root = await mkdtemp(join(tmpdir(), '草稿 服务 '))
  const dataDir = join(root, 'data')
  await mkdir(dataDir)
  const errors: unknown[] = []
  const store = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings' })
  const dispatch = createDispatcher(
    createHandlers({
      appInfo: { name: '草稿', version: '0.0.0-test', shell: 'browser-host', dataDir },
      settings: (options.settings ?? ((real) => real))(createSettingsService(store)),
      drafts: new DraftStore({ dataDir }),
      snippets: new SnippetStore(dataDir),
      exportShell: {
        async choosePath(defaultName) {
          await mkdir(join(dataDir, 'exports'), { recursive: true })
          return join(dataDir, 'exports', defaultName)
        },
        async open() {
          throw new ServiceError('IO_ERROR', '浏览器预览中不能直接打开文件。')
        },
        ...(options.printPdf ? { printPdf: options.printPdf } : {}),
      },
      log: (e) => errors.push(e),
    }),
    (e) => errors.push(e),
  )
  return {
    root,
    dataDir,
    dispatch,
    errors,
    dispose: () => rm(root, { recursive: true, force: true }),
  }
}

// Runs the built renderer in any browser, answered by the real services (development and tests).
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

import { createHost } from '../electron/host/create-host.ts'

const root = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
const dataDir = process.env.CAOGAO_DATA_DIR ?? join(homedir(), '.caogao-dev')
const port = process.env.CAOGAO_PORT ? Number(process.env.CAOGAO_PORT) : 0

const host = await createHost({
  rendererDir: join(root, 'out/renderer'),
  dataDir,
  version: pkg.version,
  port,
})
console.log(`草稿（浏览器预览）：${host.url}\n数据目录：${dataDir}\n按 Ctrl+C 结束。`)

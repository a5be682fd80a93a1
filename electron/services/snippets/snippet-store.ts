import { randomUUID } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import {
  snippetPackSchema,
  snippetSchema,
  USER_CATEGORY,
  type Snippet,
} from '../../../domain/snippets/snippets.ts'
import {
  errorCode,
  nodeFs,
  renameWithRetry,
  writeFileAtomic,
  writeNewFile,
  type AtomicFs,
} from '../drafts/atomic-write.ts'
import { fsFailureMessage, isFsError } from '../fs-error-message.ts'
import { ServiceError } from '../service-error.ts'

interface SnippetFile {
  snippets: Snippet[]
  /** How often each snippet (built-in or own) was inserted, by id: the most used come first. */
  usage: Map<string, number>
}

export interface SnippetStoreOptions {
  /** For tests: injected failures. */
  fs?: AtomicFs
  /** Where damage that was set aside is reported; console.warn by default. */
  log?: (message: string, error?: unknown) => void
}

const MAX_ID_LENGTH = 200

/**
 * Reads what can be read of a parsed snippets.json: every valid snippet, every usage
 * count that is a whole number ≥ 0. Null when the file is not ours at all.
 */
function salvage(json: unknown): { file: SnippetFile; dropped: number } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  const raw = json as { version?: unknown; snippets?: unknown; usage?: unknown }
  if (raw.version !== 1) return null
  if (raw.snippets !== undefined && !Array.isArray(raw.snippets)) return null
  const snippets: Snippet[] = []
  let dropped = 0
  for (const item of (raw.snippets as unknown[] | undefined) ?? []) {
    const parsed = snippetSchema.safeParse(item)
    if (parsed.success) snippets.push(parsed.data)
    else dropped++
  }
  const usage = new Map<string, number>()
  if (typeof raw.usage === 'object' && raw.usage !== null && !Array.isArray(raw.usage)) {
    // Own keys only: JSON.parse makes "__proto__" an own key, and that is a valid id.
    for (const [id, count] of Object.entries(raw.usage)) {
      if (id.length <= MAX_ID_LENGTH && Number.isSafeInteger(count) && (count as number) >= 0) {
        usage.set(id, count as number)
      }
    }
  }
  return { file: { snippets, usage }, dropped }
}

function encode(file: SnippetFile): string {
  // Object.fromEntries defines own properties, so an id like "__proto__" is kept as data.
  return JSON.stringify({
    version: 1,
    snippets: file.snippets,
    usage: Object.fromEntries(file.usage),
  })
}

/**
 * The writer's own snippets and usage counts, kept apart from drafts in snippets.json;
 * written atomically like a draft. A damaged file is set aside in quarantine/, never
 * replaced by an empty list; one bad entry costs that entry, not the file.
 */
export class SnippetStore {
  private readonly dataDir: string
  private readonly path: string
  private readonly fs: AtomicFs
  private readonly log: (message: string, error?: unknown) => void
  private cache: SnippetFile | null = null
  /** Operations run one after another: two quick inserts must both be counted. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string, options: SnippetStoreOptions = {}) {
    this.dataDir = dataDir
    this.path = join(dataDir, 'snippets.json')
    this.fs = options.fs ?? nodeFs
    this.log = options.log ?? ((message, error) => console.warn(`[snippets] ${message}`, error))
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async read(): Promise<SnippetFile> {
    if (this.cache) return this.cache
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return (this.cache = { snippets: [], usage: new Map() })
      // Starting empty here would overwrite the writer's snippets at the next save.
      throw ioError(error, '读取常用语')
    }
    let json: unknown
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    } catch {
      json = undefined
    }
    const salvaged = salvage(json)
    if (!salvaged) {
      await this.quarantine('move')
      return (this.cache = { snippets: [], usage: new Map() })
    }
    if (salvaged.dropped > 0) await this.quarantine('copy', text)
    return (this.cache = salvaged.file)
  }

  /** Sets the damaged file aside: moved when nothing in it was usable, else copied whole. */
  private async quarantine(how: 'move' | 'copy', text = ''): Promise<void> {
    const dir = join(this.dataDir, 'quarantine')
    const target = join(
      dir,
      `snippets-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`,
    )
    try {
      await mkdir(dir, { recursive: true })
      if (how === 'move') await renameWithRetry(this.path, target, { fs: this.fs })
      else await writeNewFile(target, text, this.fs, true)
      this.log(`damaged snippets.json set aside as ${target}`)
    } catch (error) {
      throw ioError(error, '备份已损坏的常用语文件')
    }
  }

  private async write(next: SnippetFile): Promise<void> {
    try {
      await writeFileAtomic(this.path, encode(next), { fs: this.fs })
    } catch (error) {
      throw ioError(error, '保存常用语')
    }
    this.cache = next
  }

  list(): Promise<{ snippets: Snippet[]; usage: Record<string, number> }> {
    return this.serial(async () => {
      const file = await this.read()
      // Null prototype: a lookup of an id like "constructor" finds only a count, or nothing.
      const usage = Object.assign(
        Object.create(null) as Record<string, number>,
        Object.fromEntries(file.usage),
      )
      return { snippets: file.snippets, usage }
    })
  }

  save(input: { id?: string; text: string; category: string }): Promise<Snippet> {
    return this.serial(async () => {
      const file = await this.read()
      const snippet = {
        id: input.id ?? `u:${randomUUID()}`,
        text: input.text.trim(),
        category: input.category,
      }
      const exists = file.snippets.some((s) => s.id === snippet.id)
      if (!exists && file.snippets.some((s) => s.text === snippet.text)) {
        throw new ServiceError('CONFLICT', '已有一条相同的常用语。')
      }
      await this.write({
        ...file,
        snippets: exists
          ? file.snippets.map((s) => (s.id === snippet.id ? snippet : s))
          : [...file.snippets, snippet],
      })
      return snippet
    })
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const file = await this.read()
      if (!file.snippets.some((s) => s.id === id))
        throw new ServiceError('NOT_FOUND', '找不到这条常用语。')
      const usage = new Map(file.usage)
      usage.delete(id)
      await this.write({ snippets: file.snippets.filter((s) => s.id !== id), usage })
    })
  }

  recordUse(id: string): Promise<void> {
    return this.serial(async () => {
      const file = await this.read()
      const usage = new Map(file.usage)
      usage.set(id, (usage.get(id) ?? 0) + 1)
      await this.write({ ...file, usage })
    })
  }

  /** Merges a shared pack: new texts are added, texts already present are skipped; a bad file changes nothing. */
  async importPack(text: string): Promise<{ added: number; skipped: number }> {
    let json: unknown
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    } catch {
      throw new ServiceError(
        'INVALID_INPUT',
        '这个文件不是常用语包（内容不是有效的 JSON）。没有导入任何内容。',
      )
    }
    const pack = snippetPackSchema.safeParse(json)
    if (!pack.success) {
      throw new ServiceError(
        'INVALID_INPUT',
        '这个文件不是草稿程序导出的常用语包，或者内容已损坏。没有导入任何内容。',
      )
    }
    return this.serial(async () => {
      const file = await this.read()
      const known = new Set(file.snippets.map((s) => s.text))
      const added: Snippet[] = []
      for (const s of pack.data.snippets) {
        const text = s.text.trim()
        if (known.has(text)) continue
        known.add(text)
        added.push({ id: `u:${randomUUID()}`, text, category: s.category })
      }
      if (added.length > 0) await this.write({ ...file, snippets: [...file.snippets, ...added] })
      return { added: added.length, skipped: pack.data.snippets.length - added.length }
    })
  }

  exportPack(): Promise<string> {
    return this.serial(async () => {
      const file = await this.read()
      const pack = {
        format: 'caogao-snippets' as const,
        version: 1 as const,
        snippets: file.snippets.map((s) => ({
          text: s.text,
          category: s.category || USER_CATEGORY,
        })),
      }
      return JSON.stringify(pack, null, 2)
    })
  }
}

function ioError(error: unknown, action: string): ServiceError {
  if (!isFsError(error)) throw error
  return new ServiceError('IO_ERROR', fsFailureMessage(error, action), { cause: error })
}

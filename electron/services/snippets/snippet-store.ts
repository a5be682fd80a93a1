import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { z } from 'zod'

import {
  snippetPackSchema,
  snippetSchema,
  USER_CATEGORY,
  type Snippet,
} from '../../../domain/snippets/snippets.ts'
import { errorCode, writeFileAtomic } from '../drafts/atomic-write.ts'
import { ServiceError } from '../service-error.ts'

const fileSchema = z.object({
  version: z.literal(1),
  snippets: z.array(snippetSchema).default([]),
  /** How often each snippet (built-in or own) was inserted: the most used come first. */
  usage: z.record(z.string(), z.number().int().min(0)).default({}),
})
type SnippetFile = z.infer<typeof fileSchema>

/**
 * The writer's own snippets and usage counts, kept apart from drafts in snippets.json;
 * written atomically like a draft.
 */
export class SnippetStore {
  private readonly path: string
  private cache: SnippetFile | null = null

  constructor(dataDir: string) {
    this.path = join(dataDir, 'snippets.json')
  }

  private async read(): Promise<SnippetFile> {
    if (this.cache) return this.cache
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')))
      this.cache = parsed.success ? parsed.data : { version: 1, snippets: [], usage: {} }
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && !(error instanceof SyntaxError)) throw error
      this.cache = { version: 1, snippets: [], usage: {} }
    }
    return this.cache
  }

  private async write(next: SnippetFile): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(next))
    this.cache = next
  }

  async list(): Promise<{ snippets: Snippet[]; usage: Record<string, number> }> {
    const file = await this.read()
    return { snippets: file.snippets, usage: file.usage }
  }

  async save(input: { id?: string; text: string; category: string }): Promise<Snippet> {
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
  }

  async remove(id: string): Promise<void> {
    const file = await this.read()
    if (!file.snippets.some((s) => s.id === id))
      throw new ServiceError('NOT_FOUND', '找不到这条常用语。')
    const usage = Object.fromEntries(Object.entries(file.usage).filter(([key]) => key !== id))
    await this.write({ ...file, snippets: file.snippets.filter((s) => s.id !== id), usage })
  }

  async recordUse(id: string): Promise<void> {
    const file = await this.read()
    await this.write({ ...file, usage: { ...file.usage, [id]: (file.usage[id] ?? 0) + 1 } })
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
  }

  async exportPack(): Promise<string> {
    const file = await this.read()
    const pack = {
      format: 'caogao-snippets' as const,
      version: 1 as const,
      snippets: file.snippets.map((s) => ({ text: s.text, category: s.category || USER_CATEGORY })),
    }
    return JSON.stringify(pack, null, 2)
  }
}

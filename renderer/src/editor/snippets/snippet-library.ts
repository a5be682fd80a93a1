import { BUILTIN_SNIPPETS, type Snippet } from '../../../../domain/snippets/snippets.ts'
import { searchScore } from '../../../../domain/text/search.ts'
import { api } from '../../api/client.ts'
import { ensureSearchKeys, searchKeyOf } from '../indicators/search-keys.ts'

/**
 * The built-in phrases and the writer's own, with how often each was used. Search is by
 * Chinese text and pinyin; results put the categories that fit the section first, then the
 * most used.
 */
export class SnippetLibrary {
  private own: Snippet[] = []
  // Keyed by snippet ids, which the writer's own packs name: a Map, never a plain object.
  private usage = new Map<string, number>()
  private readonly listeners = new Set<() => void>()
  private version = 0

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot = (): number => this.version

  private changed(): void {
    this.version++
    for (const l of this.listeners) l()
  }

  async load(): Promise<void> {
    const { snippets, usage } = await api.listSnippets({})
    this.own = snippets
    this.usage = new Map(Object.entries(usage))
    this.changed()
    await ensureSearchKeys([...BUILTIN_SNIPPETS, ...snippets].map((s) => s.text))
    this.changed()
  }

  all(): Snippet[] {
    return [...this.own, ...BUILTIN_SNIPPETS]
  }

  ownSnippets(): readonly Snippet[] {
    return this.own
  }

  get(id: string): Snippet | undefined {
    return this.all().find((s) => s.id === id)
  }

  search(
    query: string,
    options: { category?: string | null; preferred?: readonly string[] } = {},
  ): Snippet[] {
    const preferred = options.preferred ?? []
    return this.all()
      .filter((s) => !options.category || s.category === options.category)
      .map((s) => ({ s, score: searchScore(query, searchKeyOf(s.text)) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => {
        const pa = preferred.indexOf(a.s.category)
        const pb = preferred.indexOf(b.s.category)
        const rank = (p: number) => (p === -1 ? preferred.length : p)
        return (
          b.score - a.score ||
          rank(pa) - rank(pb) ||
          (this.usage.get(b.s.id) ?? 0) - (this.usage.get(a.s.id) ?? 0)
        )
      })
      .map((x) => x.s)
  }

  async recordUse(id: string): Promise<void> {
    this.usage = new Map(this.usage).set(id, (this.usage.get(id) ?? 0) + 1)
    this.changed()
    await api.recordSnippetUse({ id }).catch(() => undefined)
  }

  async save(input: { id?: string; text: string; category: string }): Promise<void> {
    await api.saveSnippet(input)
    await this.load()
  }

  async remove(id: string): Promise<void> {
    await api.deleteSnippet({ id })
    await this.load()
  }
}

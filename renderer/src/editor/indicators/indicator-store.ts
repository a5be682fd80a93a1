import type { DraftIndicator, ReferenceForm } from '../../../../domain/indicators/model.ts'

type ViewRender = (indicator: DraftIndicator | undefined) => void

/**
 * The report's indicators, held once. The panel subscribes to the list; each reference in the
 * text watches its own indicator, so a new value reaches exactly the references that show it
 * without scanning the document.
 */
export class IndicatorStore {
  private items: readonly DraftIndicator[]
  private readonly views = new Map<string, Set<ViewRender>>()
  private readonly listeners = new Set<() => void>()
  private form: ReferenceForm = 'value-compare'

  constructor(initial: readonly DraftIndicator[]) {
    this.items = initial
  }

  list = (): readonly DraftIndicator[] => this.items

  /** How a new reference is written (插入方式), the same for the panel's button, drag and #. */
  insertForm = (): ReferenceForm => this.form

  setInsertForm(form: ReferenceForm): void {
    this.form = form
    for (const listener of this.listeners) listener()
  }

  get(id: string): DraftIndicator | undefined {
    return this.items.find((i) => i.id === id)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  watch(id: string, render: ViewRender): () => void {
    let set = this.views.get(id)
    if (!set) this.views.set(id, (set = new Set()))
    set.add(render)
    return () => set.delete(render)
  }

  /** How many references in the text show this indicator. */
  referenceCount(id: string): number {
    return this.views.get(id)?.size ?? 0
  }

  add(indicator: DraftIndicator): void {
    this.items = [...this.items, indicator]
    this.changed(indicator.id)
  }

  update(id: string, patch: Partial<DraftIndicator>): void {
    this.items = this.items.map((i) => (i.id === id ? { ...i, ...patch } : i))
    this.changed(id)
  }

  remove(id: string): void {
    this.items = this.items.filter((i) => i.id !== id)
    this.changed(id)
  }

  private changed(id: string): void {
    const indicator = this.get(id)
    for (const render of this.views.get(id) ?? []) render(indicator)
    for (const listener of this.listeners) listener()
  }
}

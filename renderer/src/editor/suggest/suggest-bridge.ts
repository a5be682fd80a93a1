import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion'

export interface SuggestItem {
  id: string
  label: string
  detail?: string
}

export interface SuggestState {
  items: SuggestItem[]
  selected: number
  /** Where the popup goes: under the typed trigger. */
  rect: { left: number; top: number; bottom: number } | null
  title: string
}

/**
 * Connects a Tiptap suggestion (typed trigger + query) to the React popup that shows it:
 * the suggestion plugin writes here, the popup reads, and the keys are handled here.
 */
export class SuggestBridge {
  private state: SuggestState | null = null
  private props: SuggestionProps<SuggestItem, SuggestItem> | null = null
  private readonly listeners = new Set<() => void>()

  readonly title: string

  constructor(title: string) {
    this.title = title
  }

  snapshot = (): SuggestState | null => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(state: SuggestState | null) {
    this.state = state
    for (const l of this.listeners) l()
  }

  show(props: SuggestionProps<SuggestItem, SuggestItem>): void {
    this.props = props
    const rect = props.clientRect?.()
    this.set({
      items: props.items,
      selected: 0,
      rect: rect ? { left: rect.left, top: rect.top, bottom: rect.bottom } : null,
      title: this.title,
    })
  }

  hide(): void {
    this.props = null
    this.set(null)
  }

  choose(index: number): void {
    const item = this.state?.items[index]
    if (item && this.props) this.props.command(item)
  }

  keyDown({ event }: SuggestionKeyDownProps): boolean {
    const state = this.state
    if (!state || state.items.length === 0) return event.key === 'Escape' && this.state !== null
    const n = state.items.length
    if (event.key === 'ArrowDown') {
      this.set({ ...state, selected: (state.selected + 1) % n })
      return true
    }
    if (event.key === 'ArrowUp') {
      this.set({ ...state, selected: (state.selected - 1 + n) % n })
      return true
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      this.choose(state.selected)
      return true
    }
    if (event.key === 'Escape') {
      this.hide()
      return true
    }
    return false
  }

  /** The render callbacks Tiptap's suggestion utility expects. */
  renderer() {
    return () => ({
      onStart: (props: SuggestionProps<SuggestItem, SuggestItem>) => this.show(props),
      onUpdate: (props: SuggestionProps<SuggestItem, SuggestItem>) => this.show(props),
      onKeyDown: (props: SuggestionKeyDownProps) => this.keyDown(props),
      onExit: () => this.hide(),
    })
  }
}

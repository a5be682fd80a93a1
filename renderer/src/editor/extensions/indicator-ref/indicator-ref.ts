import { Node, mergeAttributes } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'

import { referenceText } from '../../../../../domain/indicators/format.ts'
import {
  REFERENCE_FORM_LABELS,
  referenceFormSchema,
  type DraftIndicator,
  type ReferenceForm,
} from '../../../../../domain/indicators/model.ts'
import { INDICATOR_REF } from '../../../../../domain/indicators/references.ts'
import type { IndicatorStore } from '../../indicators/indicator-store.ts'

export interface IndicatorRefOptions {
  /** Where references read their indicator's values. */
  store: IndicatorStore | null
}

/** Dragged from the indicator panel onto the page. */
export const INDICATOR_DRAG_TYPE = 'application/x-caogao-indicator'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indicatorRef: {
      /**
       * Puts a reference in place of `range` (the typed # and query, a drop point), or of the
       * selection, and leaves the cursor after it.
       */
      insertIndicatorRef: (
        indicatorId: string,
        form: ReferenceForm,
        range?: { from: number; to: number },
      ) => ReturnType
      /** Changes the form of the selected reference. */
      setIndicatorRefForm: (form: ReferenceForm) => ReturnType
      /**
       * Turns every reference to this indicator into the plain text it shows now, so no
       * sentence loses its figure when the indicator goes.
       */
      unlinkIndicator: (indicator: DraftIndicator) => ReturnType
      /** Turns the reference at `pos` back into `text` (an import's figure undone). */
      unlinkIndicatorRefAt: (pos: number, text: string) => ReturnType
    }
  }
}

// A set rather than a schema parse: every reference asks as the report is drawn.
const FORMS: ReadonlySet<unknown> = new Set(referenceFormSchema.options)

function formOf(node: PmNode): ReferenceForm {
  const form: unknown = node.attrs.form
  return FORMS.has(form) ? (form as ReferenceForm) : 'value'
}

/** What a reference shows: the figure, or a bracketed note the checks and export will list. */
export function shownText(indicator: DraftIndicator | undefined, form: ReferenceForm): string {
  if (!indicator) return '【指标已删除】'
  return referenceText(indicator, form) ?? `【${indicator.name}：待填写】`
}

/**
 * An indicator in the text: an inline atom showing the formatted value, drawn by a plain DOM
 * node view (hundreds of React node views would slow typing) and redrawn by its indicator.
 */
export const IndicatorRef = Node.create<IndicatorRefOptions>({
  name: INDICATOR_REF,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { store: null }
  },

  addAttributes() {
    return {
      indicatorId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-indicator-id'),
        renderHTML: (attrs) => ({ 'data-indicator-id': attrs.indicatorId }),
      },
      form: {
        default: 'value',
        parseHTML: (el) => el.getAttribute('data-form') ?? 'value',
        renderHTML: (attrs) => ({ 'data-form': attrs.form }),
      },
      /** The text an import read this figure from, so it can be turned back into that text. */
      origin: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-origin'),
        renderHTML: (attrs) => (attrs.origin ? { 'data-origin': attrs.origin } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-indicator-id]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const text = shownText(this.options.store?.get(node.attrs.indicatorId), formOf(node))
    return ['span', mergeAttributes(HTMLAttributes, { class: 'indicator-ref' }), text]
  },

  renderText({ node }) {
    return shownText(this.options.store?.get(node.attrs.indicatorId), formOf(node))
  },

  // textBetween (word count, find) reads a reference as the figure it shows.
  extendNodeSchema(extension) {
    if (extension.name !== INDICATOR_REF) return {}
    const store = () => this.options.store
    return {
      leafText: (node: PmNode) => shownText(store()?.get(node.attrs.indicatorId), formOf(node)),
    }
  },

  addCommands() {
    return {
      insertIndicatorRef:
        (indicatorId, form, range) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            const node = this.type.create({ indicatorId, form })
            if (range) tr.replaceWith(range.from, range.to, node)
            else tr.replaceSelectionWith(node, false)
            tr.scrollIntoView()
          }
          return true
        },
      setIndicatorRefForm:
        (form) =>
        ({ state, tr, dispatch }) => {
          const node = 'node' in state.selection ? (state.selection.node as PmNode) : null
          if (!node || node.type.name !== this.name) return false
          if (dispatch) tr.setNodeMarkup(state.selection.from, undefined, { ...node.attrs, form })
          return true
        },
      unlinkIndicator:
        (indicator) =>
        ({ tr, dispatch }) => {
          const places: { pos: number; node: PmNode }[] = []
          tr.doc.descendants((node, pos) => {
            if (node.type === this.type && node.attrs.indicatorId === indicator.id)
              places.push({ pos, node })
            return !node.isTextblock || node.childCount > 0
          })
          if (places.length === 0) return false
          if (dispatch) {
            // From the end, so earlier positions stay right.
            for (const { pos, node } of places.reverse()) {
              const text = shownText(indicator, formOf(node))
              tr.replaceWith(pos, pos + node.nodeSize, tr.doc.type.schema.text(text))
            }
          }
          return true
        },
      unlinkIndicatorRefAt:
        (pos, text) =>
        ({ tr, dispatch }) => {
          if (tr.doc.nodeAt(pos)?.type !== this.type || !text) return false
          if (dispatch) tr.replaceWith(pos, pos + 1, tr.doc.type.schema.text(text))
          return true
        },
    }
  },

  addNodeView() {
    const store = this.options.store
    return ({ node }) => {
      const dom = document.createElement('span')
      dom.className = 'indicator-ref'
      dom.contentEditable = 'false'
      let current = node
      const render = () => {
        const indicator = store?.get(current.attrs.indicatorId)
        const form = formOf(current)
        dom.textContent = shownText(indicator, form)
        dom.dataset.form = form
        dom.dataset.indicatorId = current.attrs.indicatorId
        dom.title = indicator
          ? `${indicator.name}（${REFERENCE_FORM_LABELS[form]}）`
          : '这个指标已从本报告删除'
        dom.classList.toggle('missing', !indicator || indicator.current === null)
      }
      let unwatch = store?.watch(current.attrs.indicatorId, render)
      render()
      return {
        dom,
        update(next) {
          if (next.type !== current.type) return false
          if (next.attrs.indicatorId !== current.attrs.indicatorId) {
            unwatch?.()
            unwatch = store?.watch(next.attrs.indicatorId, render)
          }
          current = next
          render()
          return true
        },
        destroy() {
          unwatch?.()
        },
        ignoreMutation: () => true,
      }
    }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    const store = () => this.options.store
    return [
      new Plugin({
        key: new PluginKey('indicatorDrop'),
        props: {
          handleDrop(view, event) {
            const id = event.dataTransfer?.getData(INDICATOR_DRAG_TYPE)
            if (!id) return false
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            if (!at) return false
            event.preventDefault()
            editor.commands.insertIndicatorRef(id, store()?.insertForm() ?? 'value-compare', {
              from: at.pos,
              to: at.pos,
            })
            view.focus()
            return true
          },
        },
      }),
    ]
  },
})

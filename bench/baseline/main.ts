// The baseline of the renderer benchmarks: a bare Tiptap StarterKit editor holding the same text,
// with each indicator reference as bold text. Its actions run on a keydown in #action, so they are
// timed from an input event like the app's.
import { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'

declare global {
  interface Window {
    bare: {
      editor: Editor
      armReplace(from: string, to: string): void
      armBold(to: string): void
      armMove(from: number, to: number, before: number): void
    }
  }
}

const content: unknown = await (await fetch('./content.json')).json()
const editor = new Editor({
  element: document.querySelector<HTMLElement>('#editor')!,
  extensions: [StarterKit],
  content: content as object,
})

let armed: (() => void) | null = null
document.querySelector('#action')!.addEventListener('keydown', (e) => {
  e.preventDefault()
  armed?.()
  armed = null
})

/** Positions of the text nodes for which `match` gives ranges, in document order. */
function textRanges(doc: PmNode, match: (node: PmNode, pos: number) => [number, number][]) {
  const ranges: [number, number][] = []
  doc.descendants((node, pos) => {
    if (node.isText) ranges.push(...match(node, pos))
  })
  return ranges
}

window.bare = {
  editor,
  // Replace every occurrence of `from`, in one transaction.
  armReplace(from, to) {
    armed = () => {
      const { state } = editor
      const ranges = textRanges(state.doc, (node, pos) => {
        const out: [number, number][] = []
        for (let i = node.text!.indexOf(from); i >= 0; i = node.text!.indexOf(from, i + 1))
          out.push([pos + i, pos + i + from.length])
        return out
      })
      const tr = state.tr
      for (const [a, b] of ranges.reverse()) tr.insertText(to, a, b)
      editor.view.dispatch(tr)
    }
  },
  // What an indicator change is to a bare editor: every bold text replaced, in one transaction.
  armBold(to) {
    armed = () => {
      const { state } = editor
      const bold = state.schema.marks.bold!
      const ranges = textRanges(state.doc, (node, pos) =>
        bold.isInSet(node.marks) ? [[pos, pos + node.nodeSize]] : [],
      )
      const tr = state.tr
      for (const [a, b] of ranges.reverse())
        tr.replaceWith(a, b, state.schema.text(to, [bold.create()]))
      editor.view.dispatch(tr)
    }
  },
  // Move top-level blocks [from, to) before block `before`, in one transaction.
  armMove(from, to, before) {
    armed = () => {
      const { doc, tr } = editor.state
      const start = (index: number) => {
        let pos = 0
        for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
        return pos
      }
      const a = start(from)
      const b = start(to)
      const slice = doc.slice(a, b)
      const at = start(before)
      tr.delete(a, b)
      tr.insert(at < a ? at : at - (b - a), slice.content)
      editor.view.dispatch(tr)
    }
  },
}

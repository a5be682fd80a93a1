import { InputRule } from '@tiptap/core'
import Heading from '@tiptap/extension-heading'
import { closeHistory } from '@tiptap/pm/history'
import type { Node as PmNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'

import type { HeadingLevel, Level3Style } from '../../../../../domain/outline/numbering.ts'
import { moveBlocks, shiftLevels, siblingOf } from '../../../../../domain/outline/outline.ts'
import { REFRESH_NUMBERING, numberingPlugin } from './numbering-plugin.ts'
import { blockIndexAt, outlineOf, posOfBlock, sectionAt } from './sections.ts'
import { stripTypedMarkers, typedMarkerPlugin } from './typed-marker.ts'

export interface SectionHeadingOptions {
  /** How level-3 headings are numbered: "1." (GB/T 9704) or "1、". */
  level3: Level3Style
  /** Told when a section cannot move or change level, with the reason in Chinese. */
  onRefused: (message: string) => void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sectionHeading: {
      /** Moves the section starting at top-level block `index` (with its subsections) before block `before`. */
      moveSection: (index: number, before: number) => ReturnType
      /** Moves a section (the one around the cursor, or at `index`) before its previous or after its next sibling. */
      moveSectionBy: (direction: -1 | 1, index?: number) => ReturnType
      /** Promotes (-1) or demotes (+1) the section around the cursor, or the one at `index`. */
      shiftSection: (delta: -1 | 1, index?: number) => ReturnType
      /** Makes the current block a heading of `level` (dropping a typed marker), or a body paragraph for 0. */
      setSectionLevel: (level: HeadingLevel | 0) => ReturnType
      /** Redraws the numbers after a change of the level-3 style. */
      setLevel3Style: (style: Level3Style) => ReturnType
    }
  }
}

/**
 * Typing a level marker at the start of a paragraph makes it a heading of that level; the
 * typed number is dropped because the editor draws it. "2." waits for the next character
 * so that "2.5万元" stays text.
 */
export const headingInputPatterns: { find: RegExp; level: HeadingLevel; keep?: number }[] = [
  { find: /^[一二三四五六七八九十]+[、．]$/, level: 1 },
  { find: /^[（(][一二三四五六七八九十]+[）)]$/, level: 2 },
  { find: /^[0-9０-９]{1,2}、$/, level: 3 },
  { find: /^[0-9０-９]{1,2}[.．][ \u3000]*([^0-9０-９.．\s\u3000])$/, level: 3, keep: 1 },
  { find: /^[（(][0-9０-９]{1,3}[）)]$/, level: 4 },
]

export interface SectionHeadingStorage {
  /** The level-3 style in force; starts from the option, changed by setLevel3Style. */
  level3: Level3Style
  /**
   * The last 升级: the document it left, the section's first block and where the section
   * ended before it. A promoted section takes the siblings after it as its own subsections;
   * a 降级 of the same heading on that same text (compared whole: a transaction that changed
   * nothing still makes a new document) shifts only what was promoted, so
   * 升级 then 降级 gives back the structure.
   */
  promoted: { doc: PmNode; index: number; end: number } | null
}

export const SectionHeading = Heading.extend<
  SectionHeadingOptions & { levels: HeadingLevel[] },
  SectionHeadingStorage
>({
  addOptions() {
    return {
      ...this.parent!(),
      levels: [1, 2, 3, 4],
      level3: '1.',
      onRefused: () => {},
    }
  },

  addStorage() {
    return { level3: this.options.level3, promoted: null }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      moveSection:
        (index, before) =>
        ({ state, tr, dispatch }) => {
          const section = outlineOf(state.doc, this.storage.level3).find((s) => s.index === index)
          if (!section) return false
          const indexes = Array.from({ length: state.doc.childCount + 1 }, (_, i) => i)
          if (!moveBlocks(indexes, section.index, section.end, before)) return false
          if (dispatch) {
            const from = posOfBlock(state.doc, section.index)
            const to = posOfBlock(state.doc, section.end)
            const target = posOfBlock(state.doc, before)
            const content = state.doc.slice(from, to).content
            tr.delete(from, to)
            const at = tr.mapping.map(target, before >= section.end ? 1 : -1)
            tr.insert(at, content)
            tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
            // A structural change is its own undo step, never merged with typing around it.
            closeHistory(tr)
          }
          return true
        },
      moveSectionBy:
        (direction, index) =>
        ({ state, commands }) => {
          const sections = outlineOf(state.doc, this.storage.level3)
          const section =
            index === undefined
              ? sectionAt(sections, blockIndexAt(state.doc, state.selection.from))
              : sections.find((s) => s.index === index)
          if (!section) return false
          const other = siblingOf(sections, section, direction)
          if (!other) {
            this.options.onRefused(
              direction < 0 ? '已经是本级第一节，不能再上移。' : '已经是本级最后一节，不能再下移。',
            )
            return true
          }
          return commands.moveSection(section.index, direction < 0 ? other.index : other.end)
        },
      shiftSection:
        (delta, index) =>
        ({ state, tr, dispatch }) => {
          const sections = outlineOf(state.doc, this.storage.level3)
          const at = index ?? blockIndexAt(state.doc, state.selection.from)
          const section =
            index === undefined ? sectionAt(sections, at) : sections.find((s) => s.index === index)
          if (!section) return false
          const promoted = this.storage.promoted
          const end =
            delta > 0 && promoted?.doc.eq(state.doc) && promoted.index === section.index
              ? promoted.end
              : section.end
          const inside = sections.filter((s) => s.index >= section.index && s.index < end)
          const levels = shiftLevels(
            inside.map((s) => s.level),
            delta,
          )
          if (!levels) {
            this.options.onRefused(
              delta < 0 ? '已是第一级标题，不能再升级。' : '本节的下级标题已到第四级，不能再降级。',
            )
            return true
          }
          if (dispatch) {
            inside.forEach((s, i) => {
              const pos = posOfBlock(tr.doc, s.index)
              tr.setNodeMarkup(pos, undefined, { ...tr.doc.nodeAt(pos)!.attrs, level: levels[i] })
            })
            closeHistory(tr)
            this.storage.promoted =
              delta < 0 ? { doc: tr.doc, index: section.index, end: section.end } : null
          }
          return true
        },
      setSectionLevel:
        (level) =>
        ({ tr, dispatch, commands }) => {
          if (level === 0) return commands.setNode('paragraph')
          if (dispatch) stripTypedMarkers(tr, tr.selection.from, tr.selection.to)
          return commands.setNode(this.name, { level })
        },
      setLevel3Style:
        (style) =>
        ({ tr, dispatch }) => {
          this.storage.level3 = style
          if (dispatch) tr.setMeta(REFRESH_NUMBERING, true)
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    const inHeading = () => this.editor.state.selection.$from.parent.type.name === this.name
    return {
      Tab: () => inHeading() && this.editor.commands.shiftSection(1),
      'Shift-Tab': () => inHeading() && this.editor.commands.shiftSection(-1),
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveSectionBy(-1),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveSectionBy(1),
      'Mod-Alt-1': () => this.editor.commands.setSectionLevel(1),
      'Mod-Alt-2': () => this.editor.commands.setSectionLevel(2),
      'Mod-Alt-3': () => this.editor.commands.setSectionLevel(3),
      'Mod-Alt-4': () => this.editor.commands.setSectionLevel(4),
      'Mod-Alt-0': () => this.editor.commands.setSectionLevel(0),
    }
  },

  addInputRules() {
    return headingInputPatterns.map(
      ({ find, level, keep }) =>
        new InputRule({
          find,
          handler: ({ state, range, match }) => {
            const $from = state.doc.resolve(range.from)
            if ($from.parent.type.name !== 'paragraph' || $from.parentOffset !== 0) return null
            const { tr } = state
            tr.delete(range.from, range.to)
            tr.setBlockType(range.from, range.from, this.type, { level })
            if (keep !== undefined && match[keep]) tr.insertText(match[keep], range.from)
          },
        }),
    )
  },

  addProseMirrorPlugins() {
    return [
      ...(this.parent?.() ?? []),
      numberingPlugin(() => this.storage.level3),
      typedMarkerPlugin(() => this.type),
    ]
  },
})

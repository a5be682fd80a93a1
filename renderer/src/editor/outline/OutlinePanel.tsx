import type { Editor } from '@tiptap/core'
import { useState } from 'react'

import type { OutlineSection } from '../../../../domain/outline/outline.ts'
import { outlineOf, posOfBlock } from '../extensions/section-heading/index.ts'

const DRAG_TYPE = 'application/x-caogao-section'

/** The sections shown when some are collapsed: everything under a collapsed one is hidden. */
function visibleSections(
  sections: readonly OutlineSection[],
  collapsed: ReadonlySet<string>,
  keyOf: (s: OutlineSection) => string,
) {
  const shown: { section: OutlineSection; position: number }[] = []
  let hiddenUntil = -1
  sections.forEach((section, position) => {
    if (section.index < hiddenUntil) return
    if (collapsed.has(keyOf(section))) hiddenUntil = section.end
    shown.push({ section, position })
  })
  return shown
}

/**
 * The shown list lags typing by a moment; an action finds its section in the document as it
 * is now: the same place in the list, or else the same heading.
 */
function freshSection(
  editor: Editor,
  shown: OutlineSection,
  position: number,
): OutlineSection | null {
  const fresh = outlineOf(editor.state.doc, '1.')
  const same = (x: OutlineSection | undefined) =>
    x !== undefined && x.title === shown.title && x.level === shown.level
  if (same(fresh[position])) return fresh[position]!
  return fresh.find(same) ?? null
}

function hasChildren(sections: readonly OutlineSection[], i: number): boolean {
  const next = sections[i + 1]
  return next !== undefined && next.index < sections[i]!.end
}

/**
 * 大纲: the heading tree with its numbers and word counts. Click to jump; drag a section (with
 * everything under it) to a new place; move, promote and demote with the buttons.
 */
export function OutlinePanel({
  editor,
  sections,
  current,
  onMessage,
}: {
  editor: Editor
  sections: OutlineSection[]
  current: OutlineSection | null
  onMessage: (message: string) => void
}) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const [dropTarget, setDropTarget] = useState<number | null>(null)
  const keyOf = (s: OutlineSection) => `${s.level}:${s.title}`

  const jump = (shown: OutlineSection, position: number) => {
    const s = freshSection(editor, shown, position)
    if (!s) return
    if (!editor.commands.revealBlock(s.index)) return
    // Bring the heading to the top of the page view, as an outline jump should.
    const dom = editor.view.nodeDOM(posOfBlock(editor.state.doc, s.index))
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
  }

  const positionOf = (s: OutlineSection) => sections.indexOf(s)
  const fresh = (s: OutlineSection) => freshSection(editor, s, positionOf(s))
  // The toolbar acts on the section at the caret as the document is now: the list and its
  // `current` catch up a moment after an edit, and a click in that moment must not miss.
  const move = (direction: -1 | 1) => editor.commands.moveSectionBy(direction)
  const shift = (delta: -1 | 1) => editor.commands.shiftSection(delta)

  /** Drops the dragged section (by its place in the list) before `target`, or at the end for null. */
  const drop = (target: OutlineSection | null, event: React.DragEvent) => {
    event.preventDefault()
    setDropTarget(null)
    const dragged = sections[Number(event.dataTransfer.getData(DRAG_TYPE))]
    const from = dragged && fresh(dragged)
    const before = target ? fresh(target)?.index : editor.state.doc.childCount
    if (!from || before === undefined) return
    if (!editor.commands.moveSection(from.index, before)) onMessage('不能把一节拖到它自己里面。')
  }

  return (
    <div className="outline">
      <div className="outline-tools" role="toolbar" aria-label="大纲操作">
        <button
          type="button"
          disabled={!current}
          onClick={() => move(-1)}
          title="上移本节（Alt+Shift+↑）"
        >
          上移
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => move(1)}
          title="下移本节（Alt+Shift+↓）"
        >
          下移
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => shift(-1)}
          title="升级本节（Shift+Tab）"
        >
          升级
        </button>
        <button type="button" disabled={!current} onClick={() => shift(1)} title="降级本节（Tab）">
          降级
        </button>
      </div>
      {sections.length === 0 && (
        <p className="hint">正文中还没有标题。在段首输入“一、”“（一）”“1.”即可生成标题。</p>
      )}
      <ol className="outline-list">
        {visibleSections(sections, collapsed, keyOf).map(({ section: s, position: i }) => {
          const isCollapsed = collapsed.has(keyOf(s))
          const children = hasChildren(sections, i)
          return (
            <li
              key={`${s.index}-${keyOf(s)}`}
              className={`outline-item level-${s.level}${current?.index === s.index ? ' current' : ''}${dropTarget === s.index ? ' drop-before' : ''}`}
              data-testid="outline-item"
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, String(i))
                e.dataTransfer.effectAllowed = 'move'
              }}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
                e.preventDefault()
                setDropTarget(s.index)
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => drop(s, e)}
            >
              {children ? (
                <button
                  type="button"
                  className="outline-toggle"
                  aria-expanded={!isCollapsed}
                  aria-label={isCollapsed ? '展开' : '折叠'}
                  onClick={() =>
                    setCollapsed((old) => {
                      const next = new Set(old)
                      if (isCollapsed) next.delete(keyOf(s))
                      else next.add(keyOf(s))
                      return next
                    })
                  }
                >
                  {isCollapsed ? '▸' : '▾'}
                </button>
              ) : (
                <span className="outline-toggle-space" />
              )}
              <button type="button" className="outline-link" onClick={() => jump(s, i)}>
                <span className="outline-number">{s.label}</span>
                <span className="outline-title">{s.title || '（无标题）'}</span>
              </button>
              <span className="outline-words" title="本节字数">
                {s.wordCount}
              </span>
            </li>
          )
        })}
      </ol>
      {sections.length > 0 && (
        <div
          className={`outline-end${dropTarget === -1 ? ' drop-before' : ''}`}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
            e.preventDefault()
            setDropTarget(-1)
          }}
          onDragLeave={() => setDropTarget(null)}
          onDrop={(e) => drop(null, e)}
        >
          拖到这里放在文末
        </div>
      )}
    </div>
  )
}

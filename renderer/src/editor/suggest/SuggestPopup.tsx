import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'

import type { SuggestBridge } from './suggest-bridge.ts'

/** The quick-insert list under a typed trigger; ↑↓ to choose, Enter to insert, Esc to close. */
export function SuggestPopup({ bridge }: { bridge: SuggestBridge }) {
  const state = useSyncExternalStore(bridge.subscribe, bridge.snapshot)
  const popup = useRef<HTMLDivElement>(null)
  // Inside the window: above the caret when there is no room below, never past the right edge.
  useLayoutEffect(() => {
    const el = popup.current
    const rect = state?.rect
    if (!el || !rect) return
    const { width, height } = el.getBoundingClientRect()
    const below = rect.bottom + 4
    const top =
      below + height <= window.innerHeight - 4 ? below : Math.max(4, rect.top - height - 4)
    el.style.top = `${top}px`
    el.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - width - 4))}px`
  })
  if (!state || !state.rect) return null
  return (
    <div
      ref={popup}
      className="suggest-popup"
      role="listbox"
      aria-label={state.title}
      style={{ left: state.rect.left, top: state.rect.bottom + 4 }}
    >
      <div className="suggest-title">{state.title}</div>
      {state.items.length === 0 && (
        <div className="suggest-empty">没有找到，可继续输入或按 Esc 关闭</div>
      )}
      {state.items.map((item, i) => (
        <div
          key={item.id}
          role="option"
          aria-selected={i === state.selected}
          className={i === state.selected ? 'suggest-item selected' : 'suggest-item'}
          onMouseDown={(e) => {
            e.preventDefault()
            bridge.choose(i)
          }}
        >
          <span>{item.label}</span>
          {item.detail && <span className="suggest-detail">{item.detail}</span>}
        </div>
      ))}
    </div>
  )
}

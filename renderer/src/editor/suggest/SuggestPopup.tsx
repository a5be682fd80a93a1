import { useSyncExternalStore } from 'react'

import type { SuggestBridge } from './suggest-bridge.ts'

/** The quick-insert list under a typed trigger; ↑↓ to choose, Enter to insert, Esc to close. */
export function SuggestPopup({ bridge }: { bridge: SuggestBridge }) {
  const state = useSyncExternalStore(bridge.subscribe, bridge.snapshot)
  if (!state || !state.rect) return null
  return (
    <div
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

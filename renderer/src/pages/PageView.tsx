import { useLayoutEffect, useRef } from 'react'
import { createPortal } from 'react-dom'

import type { PageSpec } from '../../../domain/export/page-spec.ts'
import { layoutPages } from './layout-pages.ts'
import { PAGES_PRINT_CSS } from './print-css.ts'

/**
 * 分页预览: the report as the A4 pages it prints on, over the whole window. A click on a
 * paragraph goes back to it in the editor. Rendered at the body's top level so that printing
 * shows the pages alone.
 */
export function PageView({
  spec,
  note,
  actions,
  onPages,
  onClose,
  onReveal,
}: {
  spec: PageSpec
  /** A passing message (PDF saved, how to save one): the status bar is under the pages. */
  note: string | null
  actions: React.ReactNode
  onPages: (count: number) => void
  onClose: () => void
  onReveal: (node: number) => void
}) {
  const host = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (!host.current) return
    onPages(layoutPages(host.current, spec))
    // onPages is a state setter's wrapper; the layout depends on the spec alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec])
  useLayoutEffect(() => {
    // The PDF's title property is the document's title.
    const before = document.title
    document.title = spec.title || before
    return () => {
      document.title = before
    }
  }, [spec.title])
  useLayoutEffect(() => {
    // A constructed sheet: the app's content security policy refuses inline <style>.
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(PAGES_PRINT_CSS)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [])
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return createPortal(
    <div className="page-view" role="dialog" aria-label="分页预览" data-testid="page-view">
      <div className="page-view-bar">
        <button type="button" onClick={onClose} autoFocus>
          返回编辑
        </button>
        {note ? (
          <span role="status">{note}</span>
        ) : (
          <span className="hint">点页面上的段落可回到编辑器中的该处</span>
        )}
        <span className="page-view-actions">{actions}</span>
      </div>
      <div
        className="page-view-pages"
        ref={host}
        onClick={(event) => {
          const p = (event.target as HTMLElement).closest<HTMLElement>('[data-node]')
          if (p?.dataset.node) onReveal(Number(p.dataset.node))
        }}
      />
    </div>,
    document.body,
  )
}

import type { Editor } from '@tiptap/core'
import { useState } from 'react'

import { planYearUpdate, type YearUpdatePlan } from '../extensions/year-update/index.ts'

export interface YearUpdateOffer {
  /** The draft this one was carried forward from. */
  sourceTitle: string
  fromYear: number
  toYear: number
}

/** Drafts just made by 起草下一年度, by id: the editor offers to move their years on once. */
export const pendingYearUpdates = new Map<string, YearUpdateOffer>()

// More than this many lines would only be scrolled past; the count says how many there are.
const LISTED = 200

/**
 * The bar over a draft just carried forward: how many of last year's dates could become this
 * year's, the list of them before anything changes, and one bulk change (a revision first).
 */
export function YearUpdateBar({
  editor,
  offer,
  beforeBulkChange,
  onDone,
  onDismiss,
}: {
  editor: Editor
  offer: YearUpdateOffer
  beforeBulkChange: () => Promise<unknown>
  onDone: (message: string) => void
  onDismiss: () => void
}) {
  const { fromYear, toYear } = offer
  const [plan, setPlan] = useState<YearUpdatePlan>(() => planYearUpdate(editor.state.doc, fromYear))
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const count = plan.changes.length

  const apply = async () => {
    setBusy(true)
    await beforeBulkChange()
    const now = planYearUpdate(editor.state.doc, fromYear)
    // Edited meanwhile: show the list again rather than change what the writer has not seen.
    if (now.changes.length !== count) {
      setPlan(now)
      setBusy(false)
      return
    }
    editor.chain().focus().updateYears(fromYear, toYear).run()
    onDone(`已把 ${count} 处“${fromYear}”改为“${toYear}”。如需还原，可按 Ctrl+Z 撤销。`)
  }

  return (
    <div className="year-update-bar" role="region" aria-label="更新年份">
      <div className="year-update-head">
        <p>
          已根据“{offer.sourceTitle}”起草{toYear}年度草稿。
          {count > 0
            ? `正文中有 ${count} 处${fromYear}年的年份或日期，可以一并改为${toYear}年。`
            : `正文中没有需要改为${toYear}年的${fromYear}年年份或日期。`}
        </p>
        <div className="year-update-actions">
          {count > 0 && !open && (
            <button
              type="button"
              onClick={() => {
                setPlan(planYearUpdate(editor.state.doc, fromYear))
                setOpen(true)
              }}
            >
              查看要改的地方
            </button>
          )}
          {count > 0 && open && (
            <button type="button" className="primary" disabled={busy} onClick={apply}>
              全部改为{toYear}年（{count} 处）
            </button>
          )}
          <button type="button" onClick={onDismiss}>
            {count > 0 ? '不改了' : '知道了'}
          </button>
        </div>
      </div>
      {open && count > 0 && (
        <>
          <ol className="year-update-list" aria-label="要改的年份">
            {plan.changes.slice(0, LISTED).map((c) => (
              <li key={c.from}>
                {c.context.slice(0, c.at)}
                <del>{fromYear}</del>
                <ins>{toYear}</ins>
                {c.context.slice(c.at + 4)}
              </li>
            ))}
          </ol>
          {count > LISTED && <p className="hint">另有 {count - LISTED} 处未列出，也会一并修改。</p>}
          {plan.kept > 0 && (
            <p className="hint">
              另有 {plan.kept} 处其他年份（或“{fromYear - 1}—{fromYear}
              学年”这类跨年写法）不会改动，请自行核对。
            </p>
          )}
        </>
      )}
    </div>
  )
}

import { Fragment, useEffect, useMemo, useRef, useState } from 'react'

import { META_FIELD_LABELS } from '../../../domain/compare/blocks.ts'
import type { Change, Comparison, CompareEntry } from '../../../domain/compare/compare.ts'

/** The changes a writer steps through: a heading's number alone follows by itself. */
export const shownChanges = (comparison: Comparison): Change[] =>
  comparison.changes.filter((c) => !c.numbering)

/** The summary line: how many changes of which kinds. */
export function changeSummary(comparison: Comparison): string {
  const shown = shownChanges(comparison)
  if (shown.length === 0) return '两个版本的内容相同，没有修改。'
  const count = (type: Change['type']) => shown.filter((c) => c.type === type).length
  const parts = [
    ['新增', count('insert')],
    ['删除', count('delete')],
    ['改动', count('replace')],
    ['移动', count('move')],
  ]
    .filter(([, n]) => n)
    .map(([label, n]) => `${label} ${n} 处`)
  const figures = shown.filter((c) => c.figure).length
  return `共 ${shown.length} 处修改：${parts.join('，')}${figures ? `；其中数字 ${figures} 处` : ''}。`
}

/** Entries shown around changes; long runs of unchanged blocks fold into one line. */
const CONTEXT = 1

/**
 * The two versions as one text with the changes marked: deleted text struck through, inserted
 * text underlined, changed figures boxed; the current change highlighted and kept in view.
 */
export function CompareView({
  comparison,
  current,
}: {
  comparison: Comparison
  /** The change in focus, or null. */
  current: Change | null
}) {
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set())
  const box = useRef<HTMLDivElement>(null)
  const { entries } = comparison

  // Which entries to show: every changed one with a little context; the rest fold.
  const visible = useMemo(() => {
    const show = new Uint8Array(entries.length)
    entries.forEach((e, i) => {
      if (e.kind === 'equal') return
      for (let k = Math.max(0, i - CONTEXT); k <= Math.min(entries.length - 1, i + CONTEXT); k++)
        show[k] = 1
    })
    if (current) show[current.entry] = 1
    return show
  }, [entries, current])

  useEffect(() => {
    box.current
      ?.querySelector('.cmp-current')
      ?.scrollIntoView({ block: 'center', behavior: 'instant' })
  }, [current])

  const rows: React.ReactNode[] = []
  let i = 0
  while (i < entries.length) {
    if (visible[i] || opened.has(i)) {
      rows.push(<EntryRow key={i} comparison={comparison} index={i} current={current} />)
      i++
      continue
    }
    const start = i
    while (i < entries.length && !visible[i] && !opened.has(i)) i++
    const end = i
    // A fold of one or two blocks saves nothing: show them.
    if (end - start <= 2) {
      for (let k = start; k < end; k++)
        rows.push(<EntryRow key={k} comparison={comparison} index={k} current={current} />)
      continue
    }
    rows.push(
      <button
        key={`fold-${start}`}
        type="button"
        className="cmp-fold"
        onClick={() =>
          setOpened((o) => {
            const next = new Set(o)
            for (let k = start; k < end; k++) next.add(k)
            return next
          })
        }
      >
        …… 未改动的 {end - start} 段（点击展开）
      </button>,
    )
  }

  return (
    <div className="cmp-view" ref={box} data-testid="compare-view">
      {rows}
    </div>
  )
}

function EntryRow({
  comparison,
  index,
  current,
}: {
  comparison: Comparison
  index: number
  current: Change | null
}) {
  const entry = comparison.entries[index]!
  const isCurrent = current?.entry === index
  const whole = isCurrent && current!.segments[0] === 0 && wholeEntry(entry, current!)
  const block = (
    entry.new.length ? comparison.newer[entry.new[0]!] : comparison.older[entry.old[0]!]
  )!
  const className = [
    'cmp-entry',
    `cmp-${entry.blockKind}`,
    entry.kind === 'inserted' ? 'cmp-added' : '',
    entry.kind === 'deleted' || entry.kind === 'moved-away' ? 'cmp-removed' : '',
    whole ? 'cmp-current' : '',
  ]
    .filter(Boolean)
    .join(' ')
  const note =
    entry.kind === 'moved'
      ? '（从前面移到此处）'
      : entry.kind === 'moved-away'
        ? '（已移到后面）'
        : entry.kind === 'split'
          ? '（一段分成了几段）'
          : entry.kind === 'merged'
            ? '（几段合成了一段）'
            : ''
  return (
    <div className={className} data-entry={index}>
      {entry.blockKind === 'meta' && (
        <span className="cmp-field">{META_FIELD_LABELS[entry.field!]}：</span>
      )}
      {entry.segments.map((s, k) => {
        const inCurrent =
          isCurrent && !whole && k >= current!.segments[0] && k < current!.segments[1]
        const cls = [
          s.op === 'insert' ? 'cmp-ins' : s.op === 'delete' ? 'cmp-del' : '',
          s.figure && s.op !== 'equal' ? 'cmp-figure' : '',
          inCurrent ? 'cmp-current' : '',
        ]
          .filter(Boolean)
          .join(' ')
        const text = s.text === '\n' ? '¶' : s.text
        if (s.op === 'insert')
          return (
            <ins key={k} className={cls}>
              {text}
            </ins>
          )
        if (s.op === 'delete')
          return (
            <del key={k} className={cls}>
              {text}
            </del>
          )
        return (
          <Fragment key={k}>
            {s.text.split('\n').map((t, n) => (n ? [<br key={n} />, t] : t))}
          </Fragment>
        )
      })}
      {!entry.segments.length && block.text === '' && <span className="hint">（空）</span>}
      {note && <span className="cmp-note">{note}</span>}
    </div>
  )
}

/** A change that is the whole entry: a block added, removed or moved. */
const wholeEntry = (entry: CompareEntry, change: Change) =>
  change.type === 'move' || change.segments[1] - change.segments[0] === entry.segments.length

import { compareWithLastYear } from '../../../../domain/indicators/format.ts'
import type { DraftIndicator } from '../../../../domain/indicators/model.ts'
import { INDICATOR_DRAG_TYPE, shownText } from '../extensions/indicator-ref/index.ts'
import { ValueField } from './ValueField.tsx'

/** One indicator in the panel: its values and comparison, source and decimals, insert and delete. */
export function IndicatorCard({
  indicator: i,
  references,
  onChange,
  onInsert,
  onRemove,
}: {
  indicator: DraftIndicator
  /** How many references in the text show it. */
  references: number
  onChange: (patch: Partial<DraftIndicator>) => void
  onInsert: () => void
  onRemove: () => void
}) {
  const comparison = compareWithLastYear(i)
  return (
    <article
      className="indicator-card"
      data-testid="indicator-card"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(INDICATOR_DRAG_TYPE, i.id)
        e.dataTransfer.setData('text/plain', shownText(i, 'value'))
      }}
    >
      <header>
        <h4>{i.name}</h4>
        {i.lowerIsBetter && <span className="tag">越低越好</span>}
      </header>
      <div className="value-row">
        <ValueField
          indicator={i}
          field="current"
          label="今年"
          onValue={(v) => onChange({ current: v })}
        />
        <ValueField
          indicator={i}
          field="previous"
          label="上年"
          onValue={(v) => onChange({ previous: v })}
        />
      </div>
      <p className="comparison" data-testid="comparison">
        {comparison.ok ? comparison.text : comparison.reason}
      </p>
      <details>
        <summary>来源和小数位</summary>
        <label className="field">
          <span>数据来源</span>
          <input
            value={i.source}
            maxLength={200}
            placeholder="如：2026年教育事业统计"
            onChange={(e) => onChange({ source: e.target.value })}
          />
        </label>
        {i.kind !== 'text' && i.kind !== 'ratio' && (
          <label className="field">
            <span>显示小数位</span>
            <select
              value={i.decimals ?? ''}
              onChange={(e) =>
                onChange({
                  decimals: e.target.value === '' ? null : Number(e.target.value),
                })
              }
            >
              <option value="">按输入</option>
              {[0, 1, 2, 3, 4].map((d) => (
                <option key={d} value={d}>
                  {d} 位
                </option>
              ))}
            </select>
          </label>
        )}
      </details>
      <footer>
        <button type="button" onClick={onInsert}>
          插入正文
        </button>
        <span className="hint">文中 {references} 处</span>
        <button type="button" className="danger-text" onClick={onRemove}>
          删除
        </button>
      </footer>
    </article>
  )
}

import { useEffect, useMemo, useState } from 'react'

import {
  CATALOGUE,
  INDICATOR_KIND_LABELS,
  indicatorKindSchema,
  type IndicatorKind,
} from '../../../../domain/indicators/catalogue.ts'
import { indicatorFromCatalogue, type DraftIndicator } from '../../../../domain/indicators/model.ts'
import { searchScore } from '../../../../domain/text/search.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { ensureSearchKeys, searchKeyOf } from './search-keys.ts'

const DEFAULT_UNITS: Record<IndicatorKind, string> = {
  percent: '%',
  count: '人',
  money: '万元',
  area: '平方米',
  ratio: '',
  text: '',
}

/** 添加指标: from the catalogue (grouped, searchable by pinyin) or the report's own. */
export function AddIndicatorDialog({
  existing,
  onAdd,
  onClose,
}: {
  existing: readonly DraftIndicator[]
  onAdd: (indicators: DraftIndicator[]) => void
  onClose: () => void
}) {
  const [tab, setTab] = useState<'catalogue' | 'custom'>('catalogue')
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [, setKeysReady] = useState(false)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<IndicatorKind>('count')
  const [unit, setUnit] = useState(DEFAULT_UNITS.count)
  const [lowerIsBetter, setLowerIsBetter] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void ensureSearchKeys(CATALOGUE.map((e) => e.name)).then(() => setKeysReady(true))
  }, [])

  const taken = new Set(existing.map((i) => i.catalogKey))
  const groups = useMemo(() => {
    const shown = CATALOGUE.filter((e) => searchScore(query, searchKeyOf(e.name)) > 0)
    return [...new Set(shown.map((e) => e.group))].map((g) => ({
      group: g,
      entries: shown.filter((e) => e.group === g),
    }))
  }, [query])

  const add = () => {
    if (tab === 'catalogue') {
      onAdd(CATALOGUE.filter((e) => chosen.has(e.key)).map((e) => indicatorFromCatalogue(e, e.key)))
      return
    }
    const trimmed = name.trim()
    if (!trimmed) return setError('请填写指标名称。')
    if (existing.some((i) => i.name === trimmed)) return setError('本报告已有同名指标。')
    onAdd([
      {
        id: `custom-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
        catalogKey: null,
        name: trimmed,
        group: '自定义',
        kind,
        unit: kind === 'percent' ? '%' : unit.trim(),
        current: null,
        previous: null,
        source: '',
        decimals: null,
        lowerIsBetter,
        gross: false,
        integer: kind === 'count',
      },
    ])
  }

  return (
    <Dialog
      title="添加指标"
      wide
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button
            type="button"
            className="primary"
            onClick={add}
            disabled={tab === 'catalogue' && chosen.size === 0}
          >
            {tab === 'catalogue' ? `添加所选（${chosen.size}）` : '添加'}
          </button>
        </>
      }
    >
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'catalogue'}
          onClick={() => setTab('catalogue')}
        >
          从常用指标中选
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'custom'}
          onClick={() => setTab('custom')}
        >
          自定义指标
        </button>
      </div>
      {tab === 'catalogue' ? (
        <>
          <input
            type="search"
            className="wide-input"
            placeholder="搜索，可用拼音首字母，如 gglv"
            aria-label="搜索常用指标"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="catalogue">
            {groups.map(({ group, entries }) => (
              <fieldset key={group}>
                <legend>{group}</legend>
                {entries.map((e) => (
                  <label
                    key={e.key}
                    className={taken.has(e.key) ? 'check taken' : 'check'}
                    title={e.definition}
                  >
                    <input
                      type="checkbox"
                      disabled={taken.has(e.key)}
                      checked={taken.has(e.key) || chosen.has(e.key)}
                      onChange={(ev) =>
                        setChosen((old) => {
                          const next = new Set(old)
                          if (ev.target.checked) next.add(e.key)
                          else next.delete(e.key)
                          return next
                        })
                      }
                    />
                    {e.name}
                    {taken.has(e.key) && <span className="hint">（已添加）</span>}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </>
      ) : (
        <>
          <label className="field">
            <span>指标名称</span>
            <input
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              placeholder="如：送教上门学生数"
            />
          </label>
          <label className="field">
            <span>类型</span>
            <select
              value={kind}
              onChange={(e) => {
                const k = indicatorKindSchema.parse(e.target.value)
                setKind(k)
                setUnit(DEFAULT_UNITS[k])
              }}
            >
              {indicatorKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {INDICATOR_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {kind !== 'percent' && kind !== 'ratio' && kind !== 'text' && (
            <label className="field">
              <span>单位</span>
              <input value={unit} maxLength={10} onChange={(e) => setUnit(e.target.value)} />
            </label>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={lowerIsBetter}
              onChange={(e) => setLowerIsBetter(e.target.checked)}
            />
            数值越低越好（如事故数、辍学率）
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Dialog>
  )
}

import { useEffect, useRef, useState } from 'react'

import { MAX_YEAR, MIN_YEAR, type DraftMeta } from '../../../domain/draft/draft.ts'
import { suggestTitle } from '../../../domain/draft/templates.ts'
import { chineseDate, isoDay } from '../../../domain/text/dates.ts'

/** 基本信息: the report's metadata. A bad year gets a message here and the last good one is kept. */
export function MetaForm({
  meta,
  onChange,
  focus = null,
}: {
  meta: DraftMeta
  onChange: (meta: DraftMeta) => void
  /** A field to focus, asked for by a 校对 finding; a new `n` asks again. */
  focus?: { field: 'date'; n: number } | null
}) {
  const dateInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (focus?.field !== 'date' || !dateInput.current) return
    dateInput.current.scrollIntoView({ block: 'nearest' })
    dateInput.current.focus()
  }, [focus])
  const [yearText, setYearText] = useState(String(meta.year))
  const [yearError, setYearError] = useState<string | null>(null)
  const set = <K extends keyof DraftMeta>(key: K, value: DraftMeta[K]) =>
    onChange({ ...meta, [key]: value })
  const effectiveDate = meta.date || isoDay(new Date())

  return (
    <form className="meta-form" onSubmit={(e) => e.preventDefault()} aria-label="基本信息">
      <label className="field">
        <span>标题</span>
        <textarea
          rows={2}
          value={meta.title}
          maxLength={200}
          onChange={(e) => set('title', e.target.value)}
        />
      </label>
      <button
        type="button"
        className="link-button"
        onClick={() => set('title', suggestTitle(meta))}
      >
        按单位和年度生成标题
      </button>
      <label className="field">
        <span>单位</span>
        <input value={meta.unit} maxLength={100} onChange={(e) => set('unit', e.target.value)} />
      </label>
      <label className="field">
        <span>年度</span>
        <input
          value={yearText}
          inputMode="numeric"
          maxLength={4}
          aria-invalid={yearError !== null}
          onChange={(e) => {
            const text = e.target.value
            setYearText(text)
            const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN
            if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) {
              setYearError(
                `请填写四位数的年份（${MIN_YEAR}—${MAX_YEAR}），当前仍按 ${meta.year} 年保存`,
              )
            } else {
              setYearError(null)
              set('year', year)
            }
          }}
        />
      </label>
      {yearError && (
        <p className="field-error" role="alert">
          {yearError}
        </p>
      )}
      <label className="field">
        <span>上级（常用语中的“在……领导下”）</span>
        <input
          value={meta.superior}
          maxLength={60}
          placeholder="如：县委、县政府"
          onChange={(e) => set('superior', e.target.value)}
        />
      </label>
      <label className="field">
        <span>主送机关（可不填）</span>
        <input
          value={meta.recipient}
          maxLength={100}
          placeholder="如：县人民政府"
          onChange={(e) => set('recipient', e.target.value)}
        />
      </label>
      <label className="field">
        <span>署名</span>
        <input
          value={meta.signature}
          maxLength={100}
          onChange={(e) => set('signature', e.target.value)}
        />
      </label>
      <label className="field">
        <span>成文日期</span>
        <input
          ref={dateInput}
          type="date"
          value={effectiveDate}
          onChange={(e) => set('date', e.target.value)}
        />
      </label>
      <p className="hint">文中写作：{chineseDate(effectiveDate)}</p>
      <label className="field">
        <span>字数要求（可不填，校对时提示）</span>
        <input
          inputMode="numeric"
          defaultValue={meta.lengthTarget ?? ''}
          placeholder="如：5000"
          onBlur={(e) => {
            const text = e.target.value.trim()
            const n = Number(text)
            if (text === '') set('lengthTarget', null)
            else if (Number.isInteger(n) && n > 0 && n <= 200000) set('lengthTarget', n)
            else e.target.value = meta.lengthTarget === null ? '' : String(meta.lengthTarget)
          }}
        />
      </label>
    </form>
  )
}

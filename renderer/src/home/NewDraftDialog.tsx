import { useState } from 'react'

import {
  DRAFT_KIND_LABELS,
  MAX_YEAR,
  MIN_YEAR,
  type DraftKind,
} from '../../../domain/draft/draft.ts'
import { TOPIC_NAMES, suggestTitle } from '../../../domain/draft/templates.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { isFieldEnter } from '../ui/keys.ts'

const KINDS: { kind: DraftKind; hint: string }[] = [
  { kind: 'annual', hint: '一年工作的全面总结' },
  { kind: 'half-year', hint: '上半年总结，附下半年思路' },
  { kind: 'topical', hint: '安全、资助、师资等单项工作' },
  { kind: 'blank', hint: '从空白开始' },
]

/** Reports are written late in the year or early the next: January and February mean last year. */
export function defaultReportYear(today = new Date()): number {
  return today.getMonth() < 2 ? today.getFullYear() - 1 : today.getFullYear()
}

export interface NewDraftInput {
  kind: DraftKind
  topic: string
  unit: string
  year: number
}

export function NewDraftDialog({
  initialUnit,
  onCreate,
  onClose,
}: {
  initialUnit: string
  onCreate: (input: NewDraftInput) => void
  onClose: () => void
}) {
  const [kind, setKind] = useState<DraftKind>('annual')
  const [topic, setTopic] = useState<string>(TOPIC_NAMES[0]!)
  const [unit, setUnit] = useState(initialUnit)
  const [yearText, setYearText] = useState(String(defaultReportYear()))
  const year = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : NaN
  const yearError =
    Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR
      ? `请填写四位数的年份（${MIN_YEAR}—${MAX_YEAR}）`
      : null

  const submit = () => {
    if (yearError) return
    onCreate({ kind, topic: kind === 'topical' ? topic : '', unit: unit.trim(), year })
  }

  return (
    <Dialog
      title="新建草稿"
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" onClick={submit} disabled={yearError !== null}>
            创建
          </button>
        </>
      }
    >
      <fieldset className="kind-choices">
        <legend>选择模板</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className={kind === k.kind ? 'kind-choice selected' : 'kind-choice'}>
            <input
              type="radio"
              name="kind"
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />
            <span className="kind-name">{DRAFT_KIND_LABELS[k.kind]}</span>
            <span className="kind-hint">{k.hint}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'topical' && (
        <label className="field">
          <span>专项内容</span>
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            {TOPIC_NAMES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>单位名称</span>
        <input
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          placeholder="如：某某县教育局"
          maxLength={100}
        />
      </label>
      <label className="field">
        <span>年度</span>
        <input
          value={yearText}
          onChange={(e) => setYearText(e.target.value)}
          inputMode="numeric"
          maxLength={4}
          aria-invalid={yearError !== null}
          aria-describedby="new-year-error"
          onKeyDown={(e) => isFieldEnter(e) && submit()}
        />
      </label>
      {yearError && (
        <p id="new-year-error" className="field-error" role="alert">
          {yearError}
        </p>
      )}
      {!yearError && (
        <p className="hint">
          标题将是：
          {suggestTitle({
            unit: unit.trim() || '（单位）',
            year,
            kind,
            topic: kind === 'topical' ? topic : '',
          })}
        </p>
      )}
    </Dialog>
  )
}

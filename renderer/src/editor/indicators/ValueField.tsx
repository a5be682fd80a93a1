import { useId, useState } from 'react'

import type { DraftIndicator } from '../../../../domain/indicators/model.ts'
import { parseIndicatorValue } from '../../../../domain/indicators/parse-value.ts'
import { isFieldEnter } from '../../ui/keys.ts'

/**
 * One value of an indicator. A readable value takes effect as it is typed, so every reference
 * follows at once; an unreadable one gets its message here on leaving the field, and the last
 * good value stays in force.
 */
export function ValueField({
  indicator,
  field,
  label,
  onValue,
}: {
  indicator: DraftIndicator
  field: 'current' | 'previous'
  label: string
  onValue: (value: string | null) => void
}) {
  const stored = indicator[field]
  const display = (v: string | null) =>
    v === null ? '' : indicator.kind === 'ratio' ? v.replace(':', '∶') : v
  const [text, setText] = useState(display(stored))
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const id = useId()

  const read = (raw: string, onLeave: boolean) => {
    const result = parseIndicatorValue(indicator, raw)
    if (result.ok) {
      if (result.value !== stored) onValue(result.value)
      setMessage(result.warning ? { error: false, text: result.warning } : null)
    } else if (onLeave) {
      setMessage({ error: true, text: `${result.message}仍按“${display(stored) || '空'}”使用。` })
    }
  }

  return (
    <div className="value-field">
      <label htmlFor={id}>{label}</label>
      <div className="value-input">
        <input
          id={id}
          value={text}
          inputMode={indicator.kind === 'text' ? 'text' : 'decimal'}
          aria-invalid={message?.error === true}
          aria-describedby={message ? `${id}-msg` : undefined}
          onChange={(e) => {
            setText(e.target.value)
            read(e.target.value, false)
          }}
          onBlur={(e) => read(e.target.value, true)}
          onKeyDown={(e) => isFieldEnter(e) && read((e.target as HTMLInputElement).value, true)}
        />
        <span className="value-unit">{indicator.kind === 'ratio' ? '' : indicator.unit}</span>
      </div>
      {message && (
        <p
          id={`${id}-msg`}
          className={message.error ? 'field-error' : 'field-warning'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  )
}

import type { KeyboardEvent } from 'react'

/**
 * Whether a key belongs to the IME (choosing or committing a word), not to the field: Enter
 * that commits a composition must not also submit, search or replace.
 */
export function isImeKey(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229
}

/** Enter pressed for the field itself, not to commit an IME composition. */
export function isFieldEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !isImeKey(event)
}

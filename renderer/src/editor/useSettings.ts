import type { Editor } from '@tiptap/core'
import { useState } from 'react'

import type { Settings } from '../../../domain/settings.ts'
import { ApiError, api } from '../api/client.ts'

/**
 * The editor's preferences: a change is applied at once (to the editor too), then kept by main;
 * if keeping fails, the old settings come back and the writer is told.
 */
export function useSettings(
  initial: Settings,
  editor: Editor | null,
  onMessage: (message: string) => void,
) {
  const [settings, setSettings] = useState(initial)

  const change = async (patch: Partial<Settings>) => {
    const before = settings
    const apply = (next: Settings) => {
      setSettings(next)
      editor?.commands.setLevel3Style(next.level3Numbering)
      editor?.commands.setFullWidthPunctuation(next.fullWidthPunctuation)
    }
    apply({ ...settings, ...patch })
    try {
      apply(await api.updateSettings(patch))
    } catch (e) {
      apply(before)
      onMessage(e instanceof ApiError ? e.message : '设置没有保存，请重试。')
    }
  }

  return [settings, change] as const
}

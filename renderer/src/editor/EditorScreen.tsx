import { useEffect, useState } from 'react'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import type { Settings } from '../../../domain/settings.ts'
import { ApiError, api } from '../api/client.ts'
import { DraftEditor } from './DraftEditor.tsx'
import { DraftSession } from './session/draft-session.ts'
import { EditorErrorBoundary, RenderErrorProbe } from './session/EditorErrorBoundary.tsx'

interface Loaded {
  draft: DraftFile
  notice: string | null
  settings: Settings
}

/** Loads a draft and the settings, then hands them to the editor; a recovery notice is shown on top. */
export function EditorScreen({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Bumped by 重新载入 after the editor broke: the draft is read again from disk.
  const [loads, setLoads] = useState(0)
  useEffect(() => {
    Promise.all([api.openDraft({ id }), api.getSettings({})]).then(
      ([opened, settings]) => setLoaded({ ...opened, settings }),
      (e: unknown) => setError(e instanceof ApiError ? e.message : '无法打开这份草稿。'),
    )
  }, [id, loads])
  if (error) {
    return (
      <div className="center-message">
        <p role="alert" className="error">
          {error}
        </p>
        <a href="#/">返回草稿箱</a>
      </div>
    )
  }
  if (!loaded) return <div className="center-message">正在打开…</div>
  return (
    <OpenDraft
      key={`${loads}:${loaded.draft.revision}`}
      loaded={loaded}
      onReplaced={(draft) => setLoaded({ ...loaded, draft, notice: null })}
      onReload={() => {
        setLoaded(null)
        setLoads((n) => n + 1)
      }}
    />
  )
}

/** One opened draft: its session outlives the editor, so a broken editor loses no text. */
function OpenDraft({
  loaded,
  onReplaced,
  onReload,
}: {
  loaded: Loaded
  onReplaced: (draft: DraftFile) => void
  onReload: () => void
}) {
  const [session] = useState(() => new DraftSession(loaded.draft, api))
  return (
    <EditorErrorBoundary session={session} onReload={onReload}>
      <DraftEditor
        draft={loaded.draft}
        session={session}
        notice={loaded.notice}
        initialSettings={loaded.settings}
        onReplaced={onReplaced}
        onReload={onReload}
      />
      <RenderErrorProbe />
    </EditorErrorBoundary>
  )
}

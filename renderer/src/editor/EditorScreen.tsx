import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'

import type { DraftFile, DraftMeta } from '../../../domain/draft/draft.ts'
import { ApiError, api } from '../api/client.ts'
import { RevisionsDialog } from '../revisions/RevisionsDialog.tsx'
import { formatClock } from '../ui/format.ts'
import { navigate } from '../ui/useRoute.ts'
import type { SaveState } from './autosave/autosave.ts'
import { createExtensions } from './createExtensions.ts'
import { MetaForm } from './MetaForm.tsx'
import { useAutosave } from './useAutosave.ts'

/** Loads a draft, then hands it to the editor; a damaged file's recovery notice is shown on top. */
export function EditorScreen({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<{ draft: DraftFile; notice: string | null } | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api
      .openDraft({ id })
      .then(setLoaded, (e: unknown) =>
        setError(e instanceof ApiError ? e.message : '无法打开这份草稿。'),
      )
  }, [id])
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
    <DraftEditor
      key={loaded.draft.revision}
      draft={loaded.draft}
      notice={loaded.notice}
      onReplaced={(draft) => setLoaded({ draft, notice: null })}
    />
  )
}

function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `已保存 ${formatClock(state.at)}` : '已保存'
    case 'dirty':
      return '有未保存的修改'
    case 'saving':
      return '保存中…'
    case 'error':
      return `保存失败：${state.message}`
  }
}

function DraftEditor({
  draft,
  notice,
  onReplaced,
}: {
  draft: DraftFile
  notice: string | null
  onReplaced: (draft: DraftFile) => void
}) {
  const [meta, setMeta] = useState<DraftMeta>(draft.meta)
  // The save reads the newest metadata from here; changeMeta keeps it current.
  const metaRef = useRef(meta)
  const [showRevisions, setShowRevisions] = useState(false)

  const editor = useEditor({
    extensions: createExtensions(),
    content: draft.body,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'page-body', 'aria-label': '正文', spellcheck: 'false', lang: 'zh-CN' },
    },
  })

  const session = useAutosave(draft, editor, () => ({
    meta: metaRef.current,
    indicators: draft.indicators,
  }))

  const changeMeta = (next: DraftMeta) => {
    setMeta(next)
    metaRef.current = next
    session.markDirty()
  }

  const back = async () => {
    if (await session.leave()) navigate({ screen: 'home' })
  }

  const openRevisions = async () => {
    // The newest text becomes a revision too before the writer looks back.
    await session.leave()
    setShowRevisions(true)
  }

  return (
    <div className="editor-screen">
      <header className="topbar editor-topbar">
        <button type="button" onClick={back} aria-label="返回草稿箱">
          ← 草稿箱
        </button>
        <h1 className="editor-title" title={meta.title}>
          {meta.title || '未命名'}
        </h1>
        <div className="topbar-actions">
          <button type="button" onClick={openRevisions}>
            历史版本
          </button>
        </div>
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <div className="editor-layout">
        <nav className="outline-panel" aria-label="大纲" />
        <main className="page-scroll">
          <article className="page">
            <EditorContent editor={editor} />
          </article>
        </main>
        <aside className="side-panel" aria-label="基本信息">
          <h2 className="panel-title">基本信息</h2>
          <MetaForm meta={meta} onChange={changeMeta} />
        </aside>
      </div>
      <footer className="statusbar editor-status">
        <span
          role="status"
          data-testid="save-state"
          className={session.state.kind === 'error' ? 'error' : undefined}
        >
          {saveStateText(session.state)}
        </span>
        {session.state.kind === 'error' && session.state.retryable && (
          <button type="button" onClick={() => session.retry()}>
            重试
          </button>
        )}
        <span data-testid="word-count">字数 {session.wordCount}</span>
      </footer>
      {showRevisions && (
        <RevisionsDialog
          id={draft.id}
          title={meta.title}
          onClose={() => setShowRevisions(false)}
          onRestored={(restored) => {
            setShowRevisions(false)
            onReplaced(restored)
          }}
        />
      )}
    </div>
  )
}

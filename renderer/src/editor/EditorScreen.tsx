import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'

import type { DraftFile, DraftMeta } from '../../../domain/draft/draft.ts'
import { pendingBeforeExport } from '../../../domain/export/export-model.ts'
import { proofread, summarizeFindings } from '../../../domain/proofread/proofread.ts'
import type { Settings } from '../../../domain/settings.ts'
import {
  categoriesForSection,
  fillSnippet,
  previewSnippet,
} from '../../../domain/snippets/snippets.ts'
import { ApiError, api } from '../api/client.ts'
import { pendingImportReports } from '../import/ImportDialog.tsx'
import { ImportReportDialog } from '../import/ImportReportDialog.tsx'
import { RevisionsDialog } from '../revisions/RevisionsDialog.tsx'
import { formatClock } from '../ui/format.ts'
import { navigate } from '../ui/useRoute.ts'
import type { SaveState } from './autosave/autosave.ts'
import { createExtensions } from './createExtensions.ts'
import { useExportFlow } from './export/ExportFlow.tsx'
import { posOfBlock } from './extensions/section-heading/index.ts'
import { FindPanel } from './find/FindPanel.tsx'
import { IndicatorStore } from './indicators/indicator-store.ts'
import { IndicatorPanel } from './indicators/IndicatorPanel.tsx'
import { MetaForm } from './MetaForm.tsx'
import { OutlinePanel } from './outline/OutlinePanel.tsx'
import { ProofreadPanel } from './proofread/ProofreadPanel.tsx'
import { SettingsDialog } from './SettingsDialog.tsx'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { SnippetLibrary } from './snippets/snippet-library.ts'
import { SnippetPanel } from './snippets/SnippetPanel.tsx'
import { SuggestBridge } from './suggest/suggest-bridge.ts'
import { SuggestPopup } from './suggest/SuggestPopup.tsx'
import { useAutosave } from './useAutosave.ts'
import { useEditorDerived } from './useEditorDerived.ts'

interface Loaded {
  draft: DraftFile
  notice: string | null
  settings: Settings
}

/** Loads a draft and the settings, then hands them to the editor; a recovery notice is shown on top. */
export function EditorScreen({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    Promise.all([api.openDraft({ id }), api.getSettings({})]).then(
      ([opened, settings]) => setLoaded({ ...opened, settings }),
      (e: unknown) => setError(e instanceof ApiError ? e.message : '无法打开这份草稿。'),
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
      initialSettings={loaded.settings}
      onReplaced={(draft) => setLoaded({ ...loaded, draft, notice: null })}
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

type Panel = 'meta' | 'indicators' | 'snippets' | 'proofread'
type Modal = 'revisions' | 'settings' | 'shortcuts' | 'import-report' | null

function DraftEditor({
  draft,
  notice,
  initialSettings,
  onReplaced,
}: {
  draft: DraftFile
  notice: string | null
  initialSettings: Settings
  onReplaced: (draft: DraftFile) => void
}) {
  const [meta, setMeta] = useState<DraftMeta>(draft.meta)
  // The save reads the newest metadata from here; changeMeta keeps it current.
  const metaRef = useRef(meta)
  const [settings, setSettings] = useState(initialSettings)
  const [ignored, setIgnored] = useState<readonly string[]>(draft.ignoredFindings)
  const ignoredRef = useRef(ignored)
  // A draft just imported opens with what the import found.
  const [importReport] = useState(() => pendingImportReports.get(draft.id) ?? null)
  const [modal, setModal] = useState<Modal>(importReport ? 'import-report' : null)
  const [find, setFind] = useState<'find' | 'replace' | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [panel, setPanel] = useState<Panel>('meta')
  const [indicators] = useState(() => new IndicatorStore(draft.indicators))
  const [indicatorSuggest] = useState(() => new SuggestBridge('插入指标'))
  const [snippetSuggest] = useState(() => new SuggestBridge('插入常用语'))
  const [snippets] = useState(() => new SnippetLibrary())
  // What the editor's callbacks read at the time they run.
  const editorRef = useRef<Editor | null>(null)
  const preferredRef = useRef<readonly string[]>([])

  const editor = useEditor({
    // The callbacks below read the refs when the editor calls them, never during render.
    // eslint-disable-next-line react-hooks/refs
    extensions: createExtensions(initialSettings, {
      onRefused: setMessage,
      onLargeDeletion: () => {
        api.snapshotDraft({ id: draft.id, reason: 'before-bulk-change' }).catch(() => {
          setMessage('删除前的历史版本没有保存成功。如删错了，可按 Ctrl+Z 撤销。')
        })
      },
      indicators,
      indicatorSuggest,
      snippetSuggest,
      searchSnippets: (query) =>
        snippets
          .search(query, { preferred: preferredRef.current })
          .slice(0, 8)
          .map((s) => {
            const text = previewSnippet(s.text, metaRef.current)
            return {
              id: s.id,
              label: text.length > 36 ? `${text.slice(0, 36)}…` : text,
              detail: s.category,
            }
          }),
      insertSnippetAt: (id, range) => {
        const snippet = snippets.get(id)
        const current = editorRef.current
        if (!snippet || !current) return
        current
          .chain()
          .focus()
          .deleteRange(range)
          .insertSnippet(fillSnippet(snippet.text, metaRef.current))
          .run()
        void snippets.recordUse(id)
      },
    }),
    content: draft.body,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'page-body', 'aria-label': '正文', spellcheck: 'false', lang: 'zh-CN' },
    },
    onBeforeCreate: ({ editor: created }) => {
      // EditorContent calls createNodeViews on mount with new node-view functions, so ProseMirror
      // draws the whole document a second time (tiptap#6286): ~160 ms on a 100k report. Our node
      // views are plain DOM, already given to the view when it was created.
      created.createNodeViews = () => {}
    },
  })

  const session = useAutosave(draft, editor, () => ({
    meta: metaRef.current,
    indicators: [...indicators.list()],
    ignoredFindings: [...ignoredRef.current],
  }))
  const derived = useEditorDerived(editor, settings.level3Numbering, indicators)
  const firstHeading = derived.sections[0]?.index ?? Infinity
  const preferred = categoriesForSection(
    derived.path.map((s) => s.title),
    derived.blockIndex < firstHeading,
    derived.blockCount > 0 && derived.blockIndex === derived.blockCount - 1,
  )

  useEffect(() => {
    editorRef.current = editor
    preferredRef.current = preferred
  })

  useEffect(() => {
    snippets.load().catch(() => setMessage('常用语没有读取成功，内置常用语仍可使用。'))
  }, [snippets])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      if (mod && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        setFind('find')
      } else if (mod && !event.altKey && event.key.toLowerCase() === 'h') {
        event.preventDefault()
        setFind('replace')
      } else if (event.key === 'F1') {
        event.preventDefault()
        setModal('shortcuts')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setMessage(null), 5000)
    return () => clearTimeout(timer)
  }, [message])

  const changeMeta = (next: DraftMeta) => {
    setMeta(next)
    metaRef.current = next
    session.markDirty()
  }

  /** Applied at once, then kept by main; if keeping fails, the old settings come back. */
  const changeSettings = async (patch: Partial<Settings>) => {
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
      setMessage(e instanceof ApiError ? e.message : '设置没有保存，请重试。')
    }
  }

  const exportFlow = useExportFlow({
    id: draft.id,
    save: session.flush,
    pending: () =>
      pendingBeforeExport({
        body: editor!.getJSON() as DraftFile['body'],
        indicators: [...indicators.list()],
      }),
    // Placeholders, guidance and slots are in the list above; the summary names the rest too.
    checks: () =>
      summarizeFindings(
        proofread({
          meta: metaRef.current,
          body: editor!.getJSON() as DraftFile['body'],
          indicators: [...indicators.list()],
          ignored: ignoredRef.current,
        }),
      ),
    jumpToBlock: (block) => {
      if (!editor) return
      const { view } = editor
      const pos = posOfBlock(view.state.doc, block) + 1
      view.dispatch(
        view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView(),
      )
      view.focus()
    },
  })

  const back = async () => {
    if (await session.leave()) navigate({ screen: 'home' })
  }

  const openRevisions = async () => {
    // Saved first; a restore itself keeps the current text as a revision before replacing it.
    await session.flush()
    setModal('revisions')
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
          <button type="button" className="primary" onClick={exportFlow.start}>
            导出 Word
          </button>
          <button type="button" onClick={() => setFind('replace')} title="Ctrl+H">
            查找替换
          </button>
          <button type="button" onClick={openRevisions}>
            历史版本
          </button>
          <button type="button" onClick={() => setModal('settings')}>
            设置
          </button>
          <button type="button" onClick={() => setModal('shortcuts')} title="F1">
            快捷键
          </button>
        </div>
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <div className="editor-layout">
        <nav className="outline-panel" aria-label="大纲">
          <h2 className="panel-title">大纲</h2>
          {editor && (
            <OutlinePanel
              editor={editor}
              sections={derived.sections}
              current={derived.current}
              onMessage={setMessage}
            />
          )}
        </nav>
        <main className="page-column">
          {find && editor && (
            <FindPanel
              editor={editor}
              withReplace={find === 'replace'}
              onClose={() => {
                setFind(null)
                editor.commands.focus()
              }}
            />
          )}
          <div className="page-scroll">
            <article
              className="page"
              style={{ ['--page-size' as string]: `${settings.editorFontSize}px` }}
            >
              <EditorContent editor={editor} />
            </article>
          </div>
          {derived.offer && (
            <p className="offer" role="status">
              按 Tab 键接着写“{derived.offer}”
            </p>
          )}
        </main>
        <aside className="side-panel" aria-label="侧栏">
          <div className="tabs" role="tablist" aria-label="侧栏">
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'meta'}
              onClick={() => setPanel('meta')}
            >
              基本信息
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'indicators'}
              onClick={() => setPanel('indicators')}
            >
              指标
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'snippets'}
              onClick={() => setPanel('snippets')}
            >
              常用语
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'proofread'}
              onClick={() => setPanel('proofread')}
            >
              校对
            </button>
          </div>
          {panel === 'meta' && <MetaForm meta={meta} onChange={changeMeta} />}
          {panel === 'indicators' && editor && (
            <IndicatorPanel editor={editor} store={indicators} onChange={session.markDirty} />
          )}
          {panel === 'snippets' && editor && (
            <SnippetPanel editor={editor} library={snippets} meta={meta} preferred={preferred} />
          )}
          {panel === 'proofread' && editor && (
            <ProofreadPanel
              editor={editor}
              meta={meta}
              indicators={indicators}
              ignored={ignored}
              onIgnore={(key) => {
                const next = [...ignored, key]
                ignoredRef.current = next
                setIgnored(next)
                session.markDirty()
              }}
            />
          )}
        </aside>
        <SuggestPopup bridge={indicatorSuggest} />
        <SuggestPopup bridge={snippetSuggest} />
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
        <span data-testid="word-count">字数 {derived.wordCount}</span>
        <span className="section-path" data-testid="section-path">
          {derived.path.map((s) => `${s.label}${s.title}`).join(' › ')}
        </span>
        {message && (
          <span className="statusbar-message" role="alert">
            {message}
          </span>
        )}
      </footer>
      {modal === 'revisions' && (
        <RevisionsDialog
          id={draft.id}
          title={meta.title}
          onClose={() => setModal(null)}
          onRestored={(restored) => {
            setModal(null)
            onReplaced(restored)
          }}
        />
      )}
      {modal === 'settings' && (
        <SettingsDialog
          settings={settings}
          onChange={changeSettings}
          onClose={() => setModal(null)}
        />
      )}
      {modal === 'shortcuts' && <ShortcutsDialog onClose={() => setModal(null)} />}
      {modal === 'import-report' && importReport && editor && (
        <ImportReportDialog
          editor={editor}
          report={importReport}
          jumpToBlock={exportFlow.jumpToBlock}
          onClose={() => {
            pendingImportReports.delete(draft.id)
            setModal(null)
          }}
        />
      )}
      {exportFlow.dialog}
    </div>
  )
}

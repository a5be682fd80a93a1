import { EditorContent } from '@tiptap/react'
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { flushSync } from 'react-dom'

import type { DraftFile } from '../../../domain/draft/draft.ts'
import { pendingBeforeExport } from '../../../domain/export/export-model.ts'
import { draftPageSpec, type PageSpec } from '../../../domain/export/page-spec.ts'
import { checkDraft, summarizeFindings } from '../../../domain/proofread/proofread.ts'
import type { Settings } from '../../../domain/settings.ts'
import { categoriesForSection } from '../../../domain/snippets/snippets.ts'
import { isoDay } from '../../../domain/text/dates.ts'
import { ApiError, api } from '../api/client.ts'
import type { CompareStart } from '../compare/CompareDialog.tsx'
import { pendingImportReports } from '../import/ImportDialog.tsx'
import { useLivePageCount } from '../pages/useLivePageCount.ts'
import { RevisionsDialog } from '../revisions/LazyRevisionsDialog.ts'
import { navigate } from '../ui/useRoute.ts'
import { useTransientMessage } from '../ui/useTransientMessage.ts'
import { useExportFlow } from './export/ExportFlow.tsx'
import { FindPanel } from './find/FindPanel.tsx'
import { EditorStatusBar } from './layout/EditorStatusBar.tsx'
import { EditorTopBar } from './layout/EditorTopBar.tsx'
import { SidePanel } from './layout/SidePanel.tsx'
import { OutlinePanel } from './outline/OutlinePanel.tsx'
import type { DraftSession } from './session/draft-session.ts'
import { useSaveTriggers } from './session/useSaveTriggers.ts'
import { SuggestPopup } from './suggest/SuggestPopup.tsx'
import { useEditorDerived } from './useEditorDerived.ts'
import { useReportEditor } from './useReportEditor.ts'
import { useSettings } from './useSettings.ts'
import { pendingYearUpdates, YearUpdateBar } from './year-update/YearUpdateBar.tsx'

// Dialogs load when first opened: the report opens without their code.
const CompareDialog = lazy(() =>
  import('../compare/CompareDialog.tsx').then((m) => ({ default: m.CompareDialog })),
)
const ImportReportDialog = lazy(() =>
  import('../import/ImportReportDialog.tsx').then((m) => ({ default: m.ImportReportDialog })),
)
const PageView = lazy(() => import('../pages/PageView.tsx').then((m) => ({ default: m.PageView })))
const SettingsDialog = lazy(() =>
  import('./SettingsDialog.tsx').then((m) => ({ default: m.SettingsDialog })),
)
const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
)

type Modal =
  'revisions' | 'settings' | 'shortcuts' | 'import-report' | { compare: CompareStart } | null

/** The editor screen's layout: top bar, outline, page, side panel, status bar, and the dialogs. */
export function DraftEditor({
  draft,
  session,
  notice,
  initialSettings,
  onReplaced,
  onReload,
}: {
  draft: DraftFile
  session: DraftSession
  notice: string | null
  initialSettings: Settings
  onReplaced: (draft: DraftFile) => void
  /** 重新载入: the draft read again from disk, in a new session. */
  onReload: () => void
}) {
  const { meta, save, conflict } = useSyncExternalStore(session.subscribe, session.getSnapshot)
  const [message, setMessage] = useTransientMessage()
  // A draft just imported opens with what the import found.
  const [importReport] = useState(() => pendingImportReports.get(draft.id) ?? null)
  const [modal, setModal] = useState<Modal>(importReport ? 'import-report' : null)
  // A draft just carried forward to the next year opens with the offer to move its dates on.
  const [yearOffer, setYearOffer] = useState(() => pendingYearUpdates.get(draft.id) ?? null)
  const closeYearOffer = () => {
    pendingYearUpdates.delete(draft.id)
    setYearOffer(null)
  }
  const [find, setFindState] = useState<{ mode: 'find' | 'replace'; request: number } | null>(null)
  // Rendered at once so the next keys reach the find field, not the text.
  const setFind = (mode: 'find' | 'replace') =>
    flushSync(() => setFindState((f) => ({ mode, request: (f?.request ?? 0) + 1 })))
  // Below 1,180 pixels the outline starts folded, so the page keeps its room.
  const [folded, setFolded] = useState(() => ({ outline: window.innerWidth < 1180, side: false }))
  const { editor, snippets, indicatorSuggest, snippetSuggest, preferredRef } = useReportEditor(
    session,
    draft.body,
    initialSettings,
    setMessage,
  )
  const [settings, changeSettings] = useSettings(initialSettings, editor, setMessage)
  useSaveTriggers(session, editor)
  // Another window saved first: this one takes no more edits until it is reloaded.
  useEffect(() => {
    if (conflict && editor && !editor.isDestroyed) editor.setEditable(false)
  }, [conflict, editor])

  const derived = useEditorDerived(editor, settings.level3Numbering, session.indicators)
  const firstHeading = derived.sections[0]?.index ?? Infinity
  const preferred = categoriesForSection(
    derived.path.map((s) => s.title),
    derived.blockIndex < firstHeading,
    derived.blockCount > 0 && derived.blockIndex === derived.blockCount - 1,
  )
  useEffect(() => {
    preferredRef.current = preferred
  })

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

  const exportFlow = useExportFlow({
    id: draft.id,
    save: () => session.flush(),
    pending: () => {
      const { body, indicators } = session.content()
      return pendingBeforeExport({ body, indicators })
    },
    // Placeholders, guidance and slots are in the list above; the summary names the rest too.
    checks: () => {
      return summarizeFindings(checkDraft(session.content()))
    },
    jumpToBlock: (block) => editor?.commands.revealBlock(block),
  })

  const [pagesView, setPagesView] = useState<PageSpec | null>(null)
  // The count of the last 分页预览, while the text is as it was laid out; else the live count.
  const [pageCount, setPageCount] = useState<{ pages: number; doc: unknown } | null>(null)
  const indicatorList = useSyncExternalStore(session.indicators.subscribe, session.indicators.list)
  const sessionContent = useCallback(() => session.content(), [session])
  const printed = useMemo(() => [meta, indicatorList], [meta, indicatorList])
  const livePages = useLivePageCount(editor, sessionContent, settings, printed)
  // What to do once the pages are laid out: save them as a PDF, or print them.
  const afterLayout = useRef<'pdf' | 'print' | null>(null)
  /** The pages of the text as it is now, laid out from the export model with the settings. */
  const openPages = (then: 'pdf' | 'print' | null) => {
    const content = session.content()
    afterLayout.current = then
    setPagesView(draftPageSpec(content, settings, isoDay(new Date())))
  }
  const pagesLaidOut = (count: number) => {
    setPageCount({ pages: count, doc: editor?.state.doc })
    const then = afterLayout.current
    afterLayout.current = null
    if (!then) return
    // The print stylesheet (print-css.ts) prints the pages alone.
    requestAnimationFrame(() => {
      if (then === 'print') return window.print()
      api.exportPdf({ id: draft.id }).then(
        (result) => {
          if (result.status === 'saved') setMessage(`已导出 PDF：${result.name}`)
        },
        (e: unknown) => {
          // The browser host has no printer of its own: its print dialog saves a PDF.
          if (e instanceof ApiError && e.code === 'FORBIDDEN') {
            setMessage('请在打印对话框中选择“另存为 PDF”。')
            window.print()
          } else setMessage(e instanceof ApiError ? e.message : 'PDF 没有导出，请重试。')
        },
      )
    })
  }

  /** Before a bulk change: what was typed saved, then kept as a revision. */
  const keepRevision = async () => {
    await session.flush()
    if (!(await session.keepRevision()))
      setMessage('修改前的历史版本没有保存成功，如需要可按 Ctrl+Z 撤销。')
  }

  const back = async () => {
    if (await session.leave()) navigate({ screen: 'home' })
  }

  const openCompare = async (start: CompareStart) => {
    await session.flush()
    setModal({ compare: start })
  }

  const openRevisions = async () => {
    // Saved first; a restore itself keeps the current text as a revision before replacing it.
    await session.flush()
    setModal('revisions')
  }

  return (
    <div className="editor-screen">
      {/* The first stop of Tab: past the top bar and the outline, straight to the text. */}
      <button type="button" className="skip-link" onClick={() => editor?.commands.focus()}>
        跳到正文
      </button>
      <EditorTopBar
        title={meta.title}
        onBack={back}
        onExport={() => void exportFlow.start()}
        onPages={() => openPages(null)}
        onPdf={() => void exportFlow.start(() => openPages('pdf'))}
        onPrint={() => void exportFlow.start(() => openPages('print'))}
        onFindReplace={() => setFind('replace')}
        onRevisions={openRevisions}
        onCompare={() => void openCompare({ kind: 'choose' })}
        onSettings={() => setModal('settings')}
        onShortcuts={() => setModal('shortcuts')}
      />
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      {yearOffer && editor && !conflict && (
        <YearUpdateBar
          editor={editor}
          offer={yearOffer}
          beforeBulkChange={keepRevision}
          onDone={(done) => {
            closeYearOffer()
            setMessage(done)
          }}
          onDismiss={closeYearOffer}
        />
      )}
      {conflict && (
        <div className="conflict-banner" role="alert" data-testid="conflict-banner">
          <p>
            <strong>本窗口已停止编辑。</strong>
            {conflict}
          </p>
          <div className="conflict-actions">
            <button type="button" className="primary" onClick={onReload}>
              重新载入
            </button>
            <button type="button" onClick={openRevisions}>
              历史版本
            </button>
          </div>
        </div>
      )}
      <div
        className={`editor-layout${folded.outline ? ' outline-folded' : ''}${folded.side ? ' side-folded' : ''}`}
      >
        <nav className="outline-panel" aria-label="大纲" inert={conflict !== null}>
          {folded.outline ? (
            <button
              type="button"
              className="panel-unfold"
              onClick={() => setFolded({ ...folded, outline: false })}
            >
              展开大纲
            </button>
          ) : (
            <>
              <button
                type="button"
                className="panel-fold"
                aria-label="收起大纲"
                title="收起大纲"
                onClick={() => setFolded({ ...folded, outline: true })}
              >
                «
              </button>
              <h2 className="panel-title">大纲</h2>
              {editor && (
                <OutlinePanel
                  editor={editor}
                  sections={derived.sections}
                  current={derived.current}
                  onMessage={setMessage}
                />
              )}
            </>
          )}
        </nav>
        <main className="page-column">
          {find && editor && !conflict && (
            <FindPanel
              editor={editor}
              withReplace={find.mode === 'replace'}
              focusRequest={find.request}
              beforeBulkChange={keepRevision}
              onClose={() => {
                setFindState(null)
                // In this same task, not a frame later as Tiptap's focus command does: the
                // next key after Esc must reach the text, not the page.
                editor.view.focus()
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
        <SidePanel
          editor={editor}
          session={session}
          snippets={snippets}
          preferred={preferred}
          folded={folded.side}
          locked={conflict !== null}
          onFold={(side) => setFolded({ ...folded, side })}
          beforeBulkChange={keepRevision}
        />
        <SuggestPopup bridge={indicatorSuggest} />
        <SuggestPopup bridge={snippetSuggest} />
      </div>
      <EditorStatusBar
        save={save}
        onRetry={() => void session.retry()}
        wordCount={derived.wordCount}
        pages={pageCount && pageCount.doc === editor?.state.doc ? pageCount.pages : livePages}
        path={derived.path}
        message={message}
      />
      <Suspense fallback={null}>
        {modal === 'revisions' && (
          <RevisionsDialog
            id={draft.id}
            title={meta.title}
            level3={settings.level3Numbering}
            onClose={() => setModal(null)}
            onCompare={(revision) => void openCompare({ kind: 'revision', revision })}
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
        {typeof modal === 'object' && modal?.compare && editor && (
          <CompareDialog
            draftId={draft.id}
            editor={editor}
            current={() => {
              const { meta, body, indicators } = session.content()
              return { meta, body, indicators }
            }}
            setMeta={(m) => session.setMeta(m)}
            start={modal.compare}
            beforeBulkChange={keepRevision}
            onClose={() => setModal(null)}
          />
        )}
        {modal === 'import-report' && importReport && editor && (
          <ImportReportDialog
            editor={editor}
            report={importReport}
            indicators={session.indicators}
            beforeBulkChange={keepRevision}
            level3={settings.level3Numbering}
            onClose={() => {
              pendingImportReports.delete(draft.id)
              setModal(null)
            }}
          />
        )}
        {pagesView && (
          <PageView
            spec={pagesView}
            note={message}
            onPages={pagesLaidOut}
            onClose={() => setPagesView(null)}
            onReveal={(node) => {
              setPagesView(null)
              editor?.commands.revealBlock(node)
            }}
            actions={
              <>
                <button
                  type="button"
                  className="primary"
                  onClick={() => void exportFlow.start(() => openPages('pdf'))}
                >
                  导出 PDF
                </button>
                <button
                  type="button"
                  onClick={() => void exportFlow.start(() => openPages('print'))}
                >
                  打印
                </button>
              </>
            }
          />
        )}
      </Suspense>
      {exportFlow.dialog}
    </div>
  )
}

import type { Editor } from '@tiptap/core'
import { useEditor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'

import type { Doc } from '../../../domain/draft/doc.ts'
import type { Settings } from '../../../domain/settings.ts'
import { fillSnippet, previewSnippet } from '../../../domain/snippets/snippets.ts'
import { createExtensions } from './createExtensions.ts'
import type { DraftSession } from './session/draft-session.ts'
import { SnippetLibrary } from './snippets/snippet-library.ts'
import { SuggestBridge } from './suggest/suggest-bridge.ts'

/**
 * EditorContent calls createNodeViews on mount with new node-view functions, so ProseMirror
 * draws the whole document a second time (tiptap#6286): ~160 ms on a 100k report. Our node
 * views are plain DOM, already given to the view when it was created.
 * test/e2e/editor-mount.e2e.ts fails if a Tiptap upgrade makes this stop working.
 */
export function skipRedundantNodeViewRedraw({ editor }: { editor: Editor }): void {
  editor.createNodeViews = () => {}
}

/**
 * The Tiptap editor of one draft, with what its extensions call back into: the session's
 * indicators and metadata, the snippet library and the two suggestion popups.
 */
export function useReportEditor(
  session: DraftSession,
  body: Doc,
  initialSettings: Settings,
  onMessage: (message: string) => void,
) {
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
      onRefused: onMessage,
      onLargeDeletion: () => {
        void session.keepRevision().then((kept) => {
          if (!kept) onMessage('删除前的历史版本没有保存成功。如删错了，可按 Ctrl+Z 撤销。')
        })
      },
      indicators: session.indicators,
      indicatorSuggest,
      snippetSuggest,
      searchSnippets: (query) =>
        snippets
          .search(query, { preferred: preferredRef.current })
          .slice(0, 8)
          .map((s) => {
            const text = previewSnippet(s.text, session.meta)
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
          .insertSnippet(fillSnippet(snippet.text, session.meta))
          .run()
        void snippets.recordUse(id)
      },
    }),
    content: body,
    // Opening a draft puts the caret in the text, ready to type; but a click or key that came
    // first (a slow machine) keeps its place: Tiptap's own autofocus would move the caret back.
    autofocus: false,
    onCreate: ({ editor: created }) => {
      // Checked and done in the same frame: Tiptap's focus command would take the keyboard a
      // frame later, from a find field opened in between.
      requestAnimationFrame(() => {
        const active = document.activeElement
        if (created.isDestroyed || created.view.hasFocus()) return
        if (active !== null && active !== document.body) return
        // The selection of a document just opened is already at its start.
        created.view.focus()
      })
    },
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'page-body', 'aria-label': '正文', spellcheck: 'false', lang: 'zh-CN' },
    },
    onBeforeCreate: skipRedundantNodeViewRedraw,
  })

  useEffect(() => {
    editorRef.current = editor
  })

  useEffect(() => {
    snippets.load().catch(() => onMessage('常用语没有读取成功，内置常用语仍可使用。'))
  }, [snippets, onMessage])

  return { editor, snippets, indicatorSuggest, snippetSuggest, preferredRef }
}

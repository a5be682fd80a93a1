import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

import {
  CATEGORIES,
  USER_CATEGORY,
  fillSnippet,
  previewSnippet,
  type Snippet,
  type SnippetMeta,
} from '../../../../domain/snippets/snippets.ts'
import { ApiError, api } from '../../api/client.ts'
import { ConfirmDialog } from '../../ui/Dialog.tsx'
import { SNIPPET_DRAG_TYPE } from '../extensions/snippet-slot/index.ts'
import type { SnippetLibrary } from './snippet-library.ts'
import { SnippetEditor } from './SnippetEditor.tsx'

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试。')

/** Inserts a snippet at the cursor, filled from the report, and counts the use. */
export function insertSnippet(
  editor: Editor,
  library: SnippetLibrary,
  snippet: Snippet,
  meta: SnippetMeta,
) {
  editor.chain().focus().insertSnippet(fillSnippet(snippet.text, meta)).run()
  void library.recordUse(snippet.id)
}

/** 常用语: the genre's set phrases, searchable by pinyin, filled with the report's unit and year. */
export function SnippetPanel({
  editor,
  library,
  meta,
  preferred,
}: {
  editor: Editor
  library: SnippetLibrary
  meta: SnippetMeta
  /** Categories that fit the cursor's section, most fitting first. */
  preferred: readonly string[]
}) {
  useSyncExternalStore(library.subscribe, library.snapshot)
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id?: string; text: string; category: string } | null>(
    null,
  )
  const [removing, setRemoving] = useState<Snippet | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [hasSelection, setHasSelection] = useState(() => !editor.state.selection.empty)

  useEffect(() => {
    const onSelection = () => setHasSelection(!editor.state.selection.empty)
    editor.on('selectionUpdate', onSelection)
    return () => {
      editor.off('selectionUpdate', onSelection)
    }
  }, [editor])

  const results = library.search(query, { category, preferred }).slice(0, 60)

  const importPack = async (file: File) => {
    try {
      const result = await api.importSnippetPack({ text: await file.text() })
      await library.load()
      setStatus(
        `已导入 ${result.added} 条常用语${result.skipped ? `，${result.skipped} 条与已有的重复，已跳过` : ''}。`,
      )
    } catch (e) {
      setStatus(message(e))
    }
  }

  const exportPack = async () => {
    try {
      const { text } = await api.exportSnippetPack({})
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
      const a = document.createElement('a')
      a.href = url
      a.download = '我的常用语.json'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
      setStatus('常用语包已导出，可以拷贝给同事导入。')
    } catch (e) {
      setStatus(message(e))
    }
  }

  return (
    <div className="snippet-panel">
      <input
        type="search"
        className="wide-input"
        placeholder="搜索常用语，可用拼音首字母，如 zqld"
        aria-label="搜索常用语"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="chips" role="group" aria-label="分类">
        <button type="button" aria-pressed={category === null} onClick={() => setCategory(null)}>
          全部
        </button>
        {CATEGORIES.map((c) => (
          <button
            type="button"
            key={c}
            aria-pressed={category === c}
            className={preferred.includes(c) ? 'chip-suggested' : undefined}
            onClick={() => setCategory(category === c ? null : c)}
          >
            {c}
          </button>
        ))}
      </div>
      {preferred.length > 0 && !category && !query && (
        <p className="hint">按光标所在章节，优先显示“{preferred.join('、')}”类。</p>
      )}
      <p className="hint">在正文中输入 // 或 、、 加几个字或拼音首字母，也可以快速插入。</p>
      <ul className="snippet-list" aria-label="常用语">
        {results.map((s) => (
          <li
            key={s.id}
            className="snippet-item"
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(SNIPPET_DRAG_TYPE, s.id)
              e.dataTransfer.setData('text/plain', previewSnippet(s.text, meta))
            }}
          >
            <button
              type="button"
              className="snippet-insert"
              onClick={() => insertSnippet(editor, library, s, meta)}
              title="插入到光标处"
            >
              {previewSnippet(s.text, meta)}
            </button>
            <div className="snippet-meta">
              <span className="tag">{s.category}</span>
              {!s.builtin && (
                <>
                  <button type="button" className="link-button" onClick={() => setEditing(s)}>
                    编辑
                  </button>
                  <button type="button" className="link-button" onClick={() => setRemoving(s)}>
                    删除
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
        {results.length === 0 && <li className="hint">没有找到。</li>}
      </ul>
      <div className="snippet-tools">
        <button
          type="button"
          disabled={!hasSelection}
          onClick={() => {
            const { from, to } = editor.state.selection
            setEditing({
              text: editor.state.doc.textBetween(from, to, '\n'),
              category: USER_CATEGORY,
            })
          }}
        >
          把选中文字存为常用语
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          导入常用语包
        </button>
        <button type="button" onClick={exportPack} disabled={library.ownSnippets().length === 0}>
          导出我的常用语
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="选择常用语包文件"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void importPack(file)
            e.target.value = ''
          }}
        />
      </div>
      {status && (
        <p role="status" className="hint">
          {status}
        </p>
      )}
      {editing && (
        <SnippetEditor
          initial={editing}
          onClose={() => setEditing(null)}
          onSave={async (s) => {
            await library.save(s)
            setEditing(null)
            setStatus('常用语已保存。')
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title="删除常用语"
          message={`删除这条常用语？“${removing.text.slice(0, 40)}”`}
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            setRemoving(null)
            try {
              await library.remove(removing.id)
            } catch (e) {
              setStatus(message(e))
            }
          }}
        />
      )}
    </div>
  )
}

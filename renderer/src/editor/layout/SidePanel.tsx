import type { Editor } from '@tiptap/core'
import { useState, useSyncExternalStore } from 'react'

import { IndicatorPanel } from '../indicators/IndicatorPanel.tsx'
import { MetaForm } from '../MetaForm.tsx'
import { ProofreadPanel } from '../proofread/ProofreadPanel.tsx'
import type { DraftSession } from '../session/draft-session.ts'
import type { SnippetLibrary } from '../snippets/snippet-library.ts'
import { SnippetPanel } from '../snippets/SnippetPanel.tsx'

type Panel = 'meta' | 'indicators' | 'snippets' | 'proofread'

const TABS: [Panel, string][] = [
  ['meta', '基本信息'],
  ['indicators', '指标'],
  ['snippets', '常用语'],
  ['proofread', '校对'],
]

/** The right-hand side: one panel at a time under the tabs 基本信息 · 指标 · 常用语 · 校对. */
export function SidePanel({
  editor,
  session,
  snippets,
  preferred,
  folded,
  locked,
  onFold,
  beforeBulkChange,
}: {
  editor: Editor | null
  session: DraftSession
  snippets: SnippetLibrary
  /** Snippet categories that fit where the cursor is. */
  preferred: readonly string[]
  /** Folded to a strip with the button that brings it back (small screens). */
  folded: boolean
  /** Shown but not usable: the window takes no edits (another window saved first). */
  locked: boolean
  onFold: (folded: boolean) => void
  /** Saves and keeps a revision before a bulk change (fix-all). */
  beforeBulkChange: () => Promise<unknown>
}) {
  const [panel, setPanel] = useState<Panel>('meta')
  // A finding about a field of 基本信息 (成文日期) opens that form at the field; the count makes a
  // second click focus it again.
  const [focusField, setFocusField] = useState<{ field: 'date'; n: number } | null>(null)
  const { meta, ignored } = useSyncExternalStore(session.subscribe, session.getSnapshot)
  if (folded) {
    return (
      <aside className="side-panel" aria-label="侧栏">
        <button type="button" className="panel-unfold" onClick={() => onFold(false)}>
          展开侧栏
        </button>
      </aside>
    )
  }
  return (
    <aside className="side-panel" aria-label="侧栏" inert={locked}>
      <div className="tabs" role="tablist" aria-label="侧栏">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={panel === id}
            onClick={() => setPanel(id)}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className="panel-fold"
          aria-label="收起侧栏"
          title="收起侧栏"
          onClick={() => onFold(true)}
        >
          »
        </button>
      </div>
      {panel === 'meta' && (
        <MetaForm meta={meta} onChange={(next) => session.setMeta(next)} focus={focusField} />
      )}
      {panel === 'indicators' && editor && (
        <IndicatorPanel
          editor={editor}
          store={session.indicators}
          returns={{
            draftId: session.id,
            flush: () => session.flush(),
            beforeBulkChange,
            unitTable: meta.unitTable,
            setUnitTable: (unitTable) => session.setMeta({ ...session.meta, unitTable }),
          }}
        />
      )}
      {panel === 'snippets' && editor && (
        <SnippetPanel editor={editor} library={snippets} meta={meta} preferred={preferred} />
      )}
      {panel === 'proofread' && editor && (
        <ProofreadPanel
          editor={editor}
          meta={meta}
          indicators={session.indicators}
          ignored={ignored}
          onIgnore={(key) => session.ignoreFinding(key)}
          beforeBulkChange={beforeBulkChange}
          onFocusField={(field) => {
            setPanel('meta')
            setFocusField((had) => ({ field, n: (had?.n ?? 0) + 1 }))
          }}
        />
      )}
    </aside>
  )
}

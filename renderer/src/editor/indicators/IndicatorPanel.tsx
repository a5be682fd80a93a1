import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { NodeSelection } from '@tiptap/pm/state'
import { Suspense, lazy, useEffect, useState, useSyncExternalStore } from 'react'

import type { UnitTable } from '../../../../domain/draft/draft.ts'
import {
  findInconsistencies,
  type Inconsistency,
} from '../../../../domain/indicators/consistency.ts'
import {
  REFERENCE_FORM_LABELS,
  referenceFormSchema,
  type DraftIndicator,
  type ReferenceForm,
} from '../../../../domain/indicators/model.ts'
import { INDICATOR_REF } from '../../../../domain/indicators/references.ts'
import { searchScore } from '../../../../domain/text/search.ts'
import { ConfirmDialog } from '../../ui/Dialog.tsx'
import {
  blockIndexAt,
  outlineOf,
  posOfBlock,
  sectionPath,
} from '../extensions/section-heading/index.ts'
import { AddIndicatorDialog } from './AddIndicatorDialog.tsx'
import type { IndicatorStore } from './indicator-store.ts'
import { IndicatorCard } from './IndicatorCard.tsx'
import { ensureSearchKeys, searchKeyOf } from './search-keys.ts'

// The 报送表 dialogs load when first opened.
const returnsDialog = () => import('./ReturnsDialog.tsx')
const MakeReturnsDialog = lazy(() =>
  returnsDialog().then((m) => ({ default: m.MakeReturnsDialog })),
)
const FillReturnDialog = lazy(() => returnsDialog().then((m) => ({ default: m.FillReturnDialog })))
const RollupDialog = lazy(() => returnsDialog().then((m) => ({ default: m.RollupDialog })))

/** Every reference to an indicator: its position and the section path it stands in. */
function referencesOf(editor: Editor, id: string): { pos: number; where: string }[] {
  const { doc } = editor.state
  const sections = outlineOf(doc, '1.')
  const found: { pos: number; where: string }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === INDICATOR_REF && node.attrs.indicatorId === id) {
      const path = sectionPath(sections, blockIndexAt(doc, pos))
      found.push({ pos, where: path.map((s) => `${s.label}${s.title}`).join(' › ') || '开头部分' })
    }
    return !node.isTextblock || node.childCount > 0
  })
  return found
}

function blockTexts(doc: PmNode): string[] {
  const texts: string[] = []
  doc.forEach((node) => texts.push(node.textBetween(0, node.content.size, undefined, '\ufffc')))
  return texts
}

/** 指标: the report's figures, each held once and shown in the text wherever it is used. */
export function IndicatorPanel({
  editor,
  store,
  returns,
}: {
  editor: Editor
  store: IndicatorStore
  /** 下发报送表 / 汇总 need the draft saved and, before applying totals, a revision kept. */
  returns?: {
    draftId: string
    flush: () => Promise<unknown>
    beforeBulkChange: () => Promise<unknown>
    /** The per-unit table printed as an appendix, if the writer added one. */
    unitTable: UnitTable | undefined
    setUnitTable: (table: UnitTable | undefined) => void
  }
}) {
  const indicators = useSyncExternalStore(store.subscribe, store.list)
  const [query, setQuery] = useState('')
  const form = useSyncExternalStore(store.subscribe, store.insertForm)
  const [adding, setAdding] = useState(false)
  const [returnsOpen, setReturnsOpen] = useState<'make' | 'sum' | 'fill' | null>(null)
  // Value fields keep what is typed in them; after totals are applied they start afresh.
  const [applied, setApplied] = useState(0)
  const [removing, setRemoving] = useState<{ indicator: DraftIndicator; places: string[] } | null>(
    null,
  )
  const [selectedRef, setSelectedRef] = useState<{ name: string; form: ReferenceForm } | null>(null)
  const [issues, setIssues] = useState<Inconsistency[]>([])
  const [, setKeysReady] = useState(0)

  useEffect(() => {
    void ensureSearchKeys(indicators.map((i) => i.name)).then(() => setKeysReady((n) => n + 1))
  }, [indicators])

  // The selected reference (to change its form) and the consistency check, when typing pauses.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const check = () => setIssues(findInconsistencies(blockTexts(editor.state.doc), store.list()))
    const onSelection = () => {
      const { selection } = editor.state
      const node = selection instanceof NodeSelection ? selection.node : null
      if (node?.type.name === INDICATOR_REF) {
        const form = referenceFormSchema.safeParse(node.attrs.form)
        setSelectedRef({
          name: store.get(node.attrs.indicatorId)?.name ?? '（已删除的指标）',
          form: form.success ? form.data : 'value',
        })
      } else setSelectedRef(null)
    }
    const onUpdate = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(check, 600)
    }
    check()
    editor.on('selectionUpdate', onSelection)
    editor.on('update', onUpdate)
    const unsubscribe = store.subscribe(onUpdate)
    return () => {
      editor.off('selectionUpdate', onSelection)
      editor.off('update', onUpdate)
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [editor, store])

  // The pinyin keys arrive a moment later; the counter above re-renders when they do.
  const shown = indicators.filter((i) => searchScore(query, searchKeyOf(i.name)) > 0)
  const groups = [...new Set(shown.map((i) => i.group))]

  /** Inserts at the cursor the writer left in the text, and puts the cursor after it. */
  const insert = (id: string) => {
    editor.commands.insertIndicatorRef(id, form)
    editor.view.focus()
  }

  const remove = (indicator: DraftIndicator) => {
    editor.commands.unlinkIndicator(indicator)
    store.remove(indicator.id)
    setRemoving(null)
  }

  return (
    <div className="indicator-panel">
      <div className="indicator-tools">
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          ＋ 添加指标
        </button>
        <input
          type="search"
          placeholder="搜索指标（可用拼音首字母）"
          aria-label="搜索指标"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {returns && indicators.length > 0 && (
        <div className="indicator-tools">
          <button type="button" onClick={() => setReturnsOpen('make')}>
            下发报送表
          </button>
          <button type="button" onClick={() => setReturnsOpen('sum')}>
            汇总
          </button>
          <button type="button" onClick={() => setReturnsOpen('fill')}>
            填写上级报送表
          </button>
        </div>
      )}
      {returns?.unitTable && (
        <p className="unit-table-note" data-testid="unit-table-note">
          报告末尾附有“{returns.unitTable.title}”（{returns.unitTable.rows.length - 1} 个单位）。
          <button
            type="button"
            className="link-button"
            onClick={() => {
              // A revision first: the table goes back with 历史版本.
              void returns.beforeBulkChange().then(() => returns.setUnitTable(undefined))
            }}
          >
            从报告中去掉
          </button>
        </p>
      )}
      <fieldset className="radio-group compact">
        <legend>插入方式</legend>
        {referenceFormSchema.options.map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="ref-form"
              checked={form === f}
              onChange={() => store.setInsertForm(f)}
            />
            {REFERENCE_FORM_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        在正文中输入 # 加指标名称或拼音首字母，也可以插入指标；也可以把指标拖到正文中。
      </p>

      {selectedRef && (
        <div className="selected-ref" role="group" aria-label="所选引用">
          <span>所选引用：{selectedRef.name}</span>
          <select
            aria-label="引用形式"
            value={selectedRef.form}
            onChange={(e) =>
              editor.chain().setIndicatorRefForm(referenceFormSchema.parse(e.target.value)).run()
            }
          >
            {referenceFormSchema.options.map((f) => (
              <option key={f} value={f}>
                {REFERENCE_FORM_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
      )}

      {issues.length > 0 && (
        <section className="issues" aria-label="可能不一致的数字">
          <h3>可能不一致（{issues.length}）</h3>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.block}-${issue.offset}`}>
                正文写“{issue.found}”，指标为 {issue.expected}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const from = posOfBlock(editor.state.doc, issue.block) + 1 + issue.offset
                    editor.commands.revealRange(from, from + issue.length)
                  }}
                >
                  跳转
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {indicators.length === 0 && (
        <p className="hint">还没有指标。点“添加指标”，从常用指标中选择或自定义。</p>
      )}
      {groups.map((group) => (
        <section key={group} className="indicator-group">
          <h3>{group}</h3>
          {shown
            .filter((i) => i.group === group)
            .map((i) => (
              <IndicatorCard
                key={`${i.id}:${applied}`}
                indicator={i}
                references={store.referenceCount(i.id)}
                onChange={(patch) => store.update(i.id, patch)}
                onInsert={() => insert(i.id)}
                onRemove={() =>
                  setRemoving({
                    indicator: i,
                    places: referencesOf(editor, i.id).map((p) => p.where),
                  })
                }
              />
            ))}
        </section>
      ))}

      {adding && (
        <AddIndicatorDialog
          existing={indicators}
          onClose={() => setAdding(false)}
          onAdd={(added) => {
            for (const i of added) store.add(i)
            setAdding(false)
          }}
        />
      )}
      <Suspense fallback={null}>
        {returns && returnsOpen === 'make' && (
          <MakeReturnsDialog
            draftId={returns.draftId}
            indicators={indicators}
            flush={returns.flush}
            onClose={() => setReturnsOpen(null)}
          />
        )}
        {returns && returnsOpen === 'fill' && (
          <FillReturnDialog
            draftId={returns.draftId}
            flush={returns.flush}
            onClose={() => setReturnsOpen(null)}
          />
        )}
        {returns && returnsOpen === 'sum' && (
          <RollupDialog
            draftId={returns.draftId}
            indicators={indicators}
            flush={returns.flush}
            beforeBulkChange={returns.beforeBulkChange}
            onApply={(patches, table) => {
              for (const p of patches) store.update(p.id, { current: p.current, source: p.source })
              if (table) returns.setUnitTable(table)
              setApplied((n) => n + 1)
            }}
            onClose={() => setReturnsOpen(null)}
          />
        )}
      </Suspense>
      {removing && (
        <ConfirmDialog
          title="删除指标"
          danger
          confirmLabel="删除"
          onCancel={() => setRemoving(null)}
          onConfirm={() => remove(removing.indicator)}
          message={
            removing.places.length === 0 ? (
              `删除“${removing.indicator.name}”？正文中没有引用它。`
            ) : (
              <>
                “{removing.indicator.name}”在正文中还有 {removing.places.length} 处引用：
                <ul className="places">
                  {removing.places.map((p, k) => (
                    <li key={k}>{p}</li>
                  ))}
                </ul>
                删除后这些地方会保留现在显示的文字，但不再随指标更新。
              </>
            )
          }
        />
      )}
    </div>
  )
}

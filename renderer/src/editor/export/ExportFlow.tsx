import { useState } from 'react'

import type { PendingItem } from '../../../../domain/export/export-model.ts'
import { ApiError, api } from '../../api/client.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { JobProgress, newJobId } from '../../ui/JobProgress.tsx'

type Step =
  | { kind: 'idle' }
  | { kind: 'pending'; items: PendingItem[]; checks: string }
  | { kind: 'working'; jobId: string }
  | { kind: 'done'; path: string; name: string; note: string | null }
  | { kind: 'failed'; message: string }
  | { kind: 'unsaved' }

const LABEL: Record<PendingItem['kind'], string> = {
  guidance: '未填写的段落',
  'missing-value': '未填写的指标',
  slot: '常用语中待填的空',
}

/** What each kind of open place becomes in the exported file: said as it is, never promised away. */
const IN_EXPORT: Record<PendingItem['kind'], string> = {
  guidance: '灰色的提示文字不会导出',
  'missing-value': '没有数值的指标在文件中是空白',
  slot: '常用语中待填的空会按“［…］”原样导出',
}

/**
 * 导出 Word: saves first, lists what is still open (guidance left, figures blank) with the
 * choice to go back or export anyway, then offers to open the file or its folder.
 */
export function useExportFlow(options: {
  id: string
  /** Saves now; false when the save failed. */
  save: () => Promise<boolean>
  pending: () => PendingItem[]
  /** The proofreading summary ("3 处待填写，5 处标点"), empty when clean. */
  checks: () => string
  jumpToBlock: (block: number) => void
}) {
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  // 导出 PDF and 打印 pass the same checks, then go on their own way instead of the Word export.
  const [then, setThen] = useState<{ go: () => void } | null>(null)

  const run = async () => {
    if (then) {
      setStep({ kind: 'idle' })
      then.go()
      return
    }
    await runWord()
  }

  const runWord = async () => {
    const jobId = newJobId()
    setStep({ kind: 'working', jobId })
    try {
      const result = await api.exportDraft({ id: options.id, jobId })
      if (result.status === 'cancelled') setStep({ kind: 'idle' })
      else setStep({ kind: 'done', path: result.path, name: result.name, note: null })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED') return setStep({ kind: 'idle' })
      setStep({ kind: 'failed', message: e instanceof ApiError ? e.message : '导出失败，请重试。' })
    }
  }

  const start = async (next?: () => void) => {
    setThen(next ? { go: next } : null)
    // The export reads the draft on disk: with the save failed it would write older text.
    if (!(await options.save())) {
      setStep({ kind: 'unsaved' })
      return
    }
    const items = options.pending()
    const checks = options.checks()
    if (items.length > 0 || checks) setStep({ kind: 'pending', items, checks })
    else if (next) next()
    else await runWord()
  }

  const open = async (path: string, reveal: boolean) => {
    try {
      await api.openExportedFile({ path, reveal })
    } catch (e) {
      setStep((s) =>
        s.kind === 'done' ? { ...s, note: e instanceof ApiError ? e.message : '无法打开。' } : s,
      )
    }
  }

  const close = () => setStep({ kind: 'idle' })

  const dialog =
    step.kind === 'pending' ? (
      <Dialog
        title="导出前请检查"
        wide
        onClose={close}
        actions={
          <>
            <button type="button" onClick={close} autoFocus>
              返回修改
            </button>
            <button type="button" className="primary" onClick={run}>
              仍然导出
            </button>
          </>
        }
      >
        {step.checks && (
          <p data-testid="export-checks">校对发现：{step.checks}。详见右侧“校对”。</p>
        )}
        {step.items.length > 0 && (
          <p>
            还有 {step.items.length} 处待填写（
            {Object.entries(
              step.items.reduce<Record<string, number>>(
                (acc, i) => ({ ...acc, [LABEL[i.kind]]: (acc[LABEL[i.kind]] ?? 0) + 1 }),
                {},
              ),
            )
              .map(([k, n]) => `${k} ${n} 处`)
              .join('，')}
            ）。{[...new Set(step.items.map((i) => IN_EXPORT[i.kind]))].join('；')}。
          </p>
        )}
        <ul className="pending-list">
          {step.items.map((item, i) => (
            <li key={i}>
              <span className="hint">{LABEL[item.kind]}：</span>
              {item.text}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  close()
                  options.jumpToBlock(item.block)
                }}
              >
                去填写
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    ) : step.kind === 'working' ? (
      <Dialog title="导出 Word" onClose={() => undefined} actions={null}>
        <JobProgress jobId={step.jobId} label="正在生成 Word 文件…" />
      </Dialog>
    ) : step.kind === 'done' ? (
      <Dialog
        title="已导出"
        onClose={close}
        actions={
          <>
            <button type="button" onClick={() => open(step.path, true)}>
              打开所在文件夹
            </button>
            <button type="button" onClick={() => open(step.path, false)}>
              打开文件
            </button>
            <button type="button" className="primary" onClick={close} autoFocus>
              完成
            </button>
          </>
        }
      >
        <p role="status" data-testid="export-done">
          已保存为“{step.name}”。
        </p>
        <p className="hint path">{step.path}</p>
        {step.note && (
          <p className="field-error" role="alert">
            {step.note}
          </p>
        )}
      </Dialog>
    ) : step.kind === 'unsaved' ? (
      <Dialog
        title="没有导出"
        onClose={close}
        actions={
          <>
            <button type="button" onClick={close}>
              关闭
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void start(then?.go)}
              autoFocus
            >
              重试
            </button>
          </>
        }
      >
        <p role="alert" data-testid="export-unsaved">
          保存没有成功，导出的会是旧内容，所以没有导出。
        </p>
        <p className="hint">您的文字还在编辑器里。请检查磁盘空间或文件夹权限，然后点“重试”。</p>
      </Dialog>
    ) : step.kind === 'failed' ? (
      <Dialog
        title="导出没有完成"
        onClose={close}
        actions={
          <>
            <button type="button" onClick={close}>
              关闭
            </button>
            <button type="button" className="primary" onClick={runWord}>
              另存为…
            </button>
          </>
        }
      >
        <p role="alert">{step.message}</p>
        <p className="hint">已保存的草稿不受影响；之前导出的文件也没有被改动。</p>
      </Dialog>
    ) : null

  return { start, dialog }
}

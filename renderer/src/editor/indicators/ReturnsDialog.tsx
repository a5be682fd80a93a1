import { useEffect, useState } from 'react'

import type { RollupView } from '../../../../domain/contract.ts'
import type { UnitTable } from '../../../../domain/draft/draft.ts'
import { formatValue } from '../../../../domain/indicators/format.ts'
import type { DraftIndicator } from '../../../../domain/indicators/model.ts'
import { LIMIT_MESSAGES, MAX_IMPORT_BYTES, MAX_RETURN_FILES } from '../../../../domain/limits.ts'
import { planReturn } from '../../../../domain/returns/plan.ts'
import { rollupTable } from '../../../../domain/returns/rollup-table.ts'
import { chineseDate, isoDay } from '../../../../domain/text/dates.ts'
import { ApiError, api } from '../../api/client.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { base64 } from '../../ui/file-data.ts'
import { JobProgress, newJobId } from '../../ui/JobProgress.tsx'

const STATUS_LABELS = {
  ok: '已报',
  missing: '未报',
  invalid: '有误',
  conflict: '数值冲突',
} as const

const unitsOf = (text: string) =>
  text
    .split(/[\n,，、；;]/)
    .map((u) => u.trim())
    .filter((u) => u !== '')

/**
 * The workbooks of a chosen folder, in name order: .xlsx only, without Excel's "~$" lock
 * files and hidden files, and only those directly in it (not in folders below).
 */
export function sheetsOfFolder(files: readonly File[]): File[] {
  return files
    .filter((f) => {
      const path = f.webkitRelativePath || f.name
      const depth = path.split('/').length
      return depth <= 2 && /\.xlsx$/i.test(f.name) && !/^(~\$|\.)/.test(f.name)
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : '操作没有完成，请重试。'

/**
 * One job at a time in a dialog: its progress bar, the message line cleared as it starts,
 * and any error said there in Chinese; `status` shows both.
 */
function useDialogJob() {
  const [job, setJob] = useState<{ id: string; label: string } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const run = async (label: string, work: (jobId: string) => Promise<void>) => {
    const id = newJobId()
    setJob({ id, label })
    setMessage(null)
    try {
      await work(id)
    } catch (error) {
      setMessage(messageOf(error))
    } finally {
      setJob(null)
    }
  }
  const status = (
    <>
      {job && <JobProgress jobId={job.id} label={job.label} />}
      {message && (
        <p role="status" data-testid="returns-message">
          {message}
        </p>
      )}
    </>
  )
  return { busy: job !== null, status, setMessage, run }
}

/** 下发报送表: which figures, which units; one .xlsx per unit into a folder. */
export function MakeReturnsDialog({
  draftId,
  indicators,
  flush,
  onClose,
}: {
  draftId: string
  indicators: readonly DraftIndicator[]
  flush: () => Promise<unknown>
  onClose: () => void
}) {
  const plan = planReturn(indicators)
  const skipped = new Map(plan.skipped.map((s) => [s.indicatorId, s.reason]))
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(indicators.filter((i) => !skipped.has(i.id)).map((i) => i.id)),
  )
  const [units, setUnits] = useState('')
  const { busy, status, setMessage, run } = useDialogJob()

  useEffect(() => {
    void api.getSettings({}).then((s) => setUnits((u) => u || s.returnUnits.join('\n')))
  }, [])

  const make = async () => {
    const list = unitsOf(units)
    if (list.length === 0) return setMessage('请填写要下发的单位，每行一个。')
    if (chosen.size === 0) return setMessage('请至少选择一个指标。')
    await run('正在生成报送表', async (jobId) => {
      // The sheets are made from the draft as saved.
      await flush()
      const result = await api.makeReturnSheets({
        id: draftId,
        indicatorIds: [...chosen],
        units: list,
        jobId,
      })
      if (result.status === 'saved') {
        setMessage(`已生成 ${result.files.length} 个报送表：${result.files.join('、')}。`)
      }
    })
  }

  return (
    <Dialog
      title="下发报送表"
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            关闭
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void make()}>
            生成报送表…
          </button>
        </>
      }
    >
      <p className="hint">
        每个单位生成一个 Excel
        文件（如“甲镇-报送表.xlsx”），只有填数的格子可以填写。比率只收构成它的两个数，汇总时由县里统一计算。
      </p>
      <fieldset className="returns-indicators">
        <legend>收集哪些指标</legend>
        {indicators.map((i) => (
          <label key={i.id} title={skipped.get(i.id)}>
            <input
              type="checkbox"
              disabled={skipped.has(i.id)}
              checked={chosen.has(i.id)}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(i.id)
                else next.delete(i.id)
                setChosen(next)
              }}
            />
            {i.name}
            {skipped.has(i.id) && <span className="hint">（不能汇总）</span>}
          </label>
        ))}
      </fieldset>
      <label className="returns-units">
        填报单位（每行一个，下次会记住）
        <textarea
          aria-label="填报单位"
          rows={6}
          value={units}
          onChange={(e) => setUnits(e.target.value)}
        />
      </label>
      {status}
    </Dialog>
  )
}

/** 汇总: returned sheets read, a units × figures table, county totals, applied on the word. */
export function RollupDialog({
  draftId,
  indicators,
  flush,
  beforeBulkChange,
  onApply,
  onClose,
}: {
  draftId: string
  indicators: readonly DraftIndicator[]
  flush: () => Promise<unknown>
  beforeBulkChange: () => Promise<unknown>
  /** The totals, and the per-unit table when it is to be printed as an appendix. */
  onApply: (
    patches: { id: string; current: string; source: string }[],
    table: UnitTable | null,
  ) => void
  onClose: () => void
}) {
  const [units, setUnits] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const { busy, status, setMessage, run } = useDialogJob()
  const [rollup, setRollup] = useState<RollupView | null>(null)
  const [withTable, setWithTable] = useState(true)
  const byId = new Map(indicators.map((i) => [i.id, i]))

  useEffect(() => {
    void api.getSettings({}).then((s) => setUnits((u) => u || s.returnUnits.join('\n')))
  }, [])

  const sum = async () => {
    const list = unitsOf(units)
    if (list.length === 0) return setMessage('请填写应报的单位，每行一个。')
    if (files.length === 0) return setMessage('请选择交回的报送表文件。')
    if (files.length > MAX_RETURN_FILES) return setMessage(LIMIT_MESSAGES.returnFiles)
    const big = files.find((f) => f.size > MAX_IMPORT_BYTES)
    if (big) return setMessage(`“${big.name}”：${LIMIT_MESSAGES.fileBytes}`)
    await run('正在读取报送表', async (jobId) => {
      await flush()
      const data = await Promise.all(
        files.map(async (f) => ({ fileName: f.name, data: base64(await f.arrayBuffer()) })),
      )
      const result = await api.rollUpReturns({ id: draftId, units: list, files: data, jobId })
      setRollup(result.rollup)
    })
  }

  const apply = async () => {
    if (!rollup) return
    await beforeBulkChange()
    const today = chineseDate(isoDay(new Date()))
    const patches = rollup.totals
      .filter((t) => t.value !== null && byId.has(t.indicatorId))
      .map((t) => ({
        id: t.indicatorId,
        current: t.value!,
        source: `${today}汇总各单位报送表（${t.counted}个单位${t.complete ? '' : '，不全'}）`,
      }))
    const table = withTable ? rollupTable(rollup, indicators, rollup.period) : null
    onApply(patches, table)
    setMessage(
      `已把 ${patches.length} 项合计写入指标的本年数值${table ? '，各单位的数字已作为附件加在报告末尾' : ''}；修改前的稿子已保存为历史版本。`,
    )
  }

  const saveTable = async () => {
    if (!rollup) return
    await run('正在保存汇总表', async (jobId) => {
      const table = rollupTable(rollup, indicators, rollup.period)
      const result = await api.saveRollupTable({ table, jobId })
      if (result.status === 'saved') setMessage(`汇总表已保存为：${result.name}`)
    })
  }

  const shown = (id: string, value: string | null) => {
    const ind = byId.get(id)
    if (value === null) return '—'
    return ind ? (formatValue(ind, value) ?? value) : value
  }
  const complete = rollup?.totals.every((t) => t.complete) ?? false

  return (
    <Dialog
      title="汇总报送表"
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            关闭
          </button>
          <button type="button" disabled={busy} onClick={() => void sum()}>
            读取并汇总
          </button>
          <button type="button" disabled={!rollup || busy} onClick={() => void saveTable()}>
            保存汇总表
          </button>
          <button
            type="button"
            className="primary"
            disabled={!rollup || busy}
            onClick={() => void apply()}
          >
            {complete ? '应用合计' : '应用合计（有单位未报或有误）'}
          </button>
        </>
      }
    >
      <div className="returns-inputs">
        <label className="returns-units">
          应报单位（每行一个）
          <textarea
            aria-label="应报单位"
            rows={4}
            value={units}
            onChange={(e) => setUnits(e.target.value)}
          />
        </label>
        <label>
          交回的报送表（可多选）
          <input
            type="file"
            aria-label="交回的报送表"
            multiple
            accept=".xlsx"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <label>
          或选择存放报送表的文件夹
          <input
            type="file"
            aria-label="存放报送表的文件夹"
            // Chromium's folder choice: every file under it; only workbooks are kept below.
            {...{ webkitdirectory: '' }}
            onChange={(e) => setFiles(sheetsOfFolder([...(e.target.files ?? [])]))}
          />
        </label>
      </div>
      {files.length > 0 && <p className="hint">已选择 {files.length} 个报送表文件。</p>}
      {status}
      {rollup && (
        <>
          <div className="rollup-table-wrap">
            <table className="rollup-table" aria-label="汇总表">
              <thead>
                <tr>
                  <th>单位</th>
                  <th>情况</th>
                  {rollup.totals.map((t) => (
                    <th key={t.indicatorId}>{t.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rollup.rows.map((row) => {
                  const figures = new Map(row.figures.map((f) => [f.indicatorId, f.value]))
                  return (
                    <tr key={row.unit} className={`rollup-${row.status}`}>
                      <th scope="row">{row.unit}</th>
                      <td>{STATUS_LABELS[row.status]}</td>
                      {rollup.totals.map((t) => (
                        <td key={t.indicatorId}>
                          {shown(t.indicatorId, figures.get(t.indicatorId) ?? null)}
                        </td>
                      ))}
                    </tr>
                  )
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">全县合计</th>
                  <td>
                    {rollup.totals[0]?.counted ?? 0}/{rollup.rows.length}
                  </td>
                  {rollup.totals.map((t) => (
                    <td key={t.indicatorId} title={t.warning ?? undefined}>
                      {shown(t.indicatorId, t.value)}
                      {t.warning && ' ⚠'}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={withTable}
              onChange={(e) => setWithTable(e.target.checked)}
            />
            应用合计时，把各单位的数字作为附件（{rollup.period}
            各乡镇（学校）主要指标统计表）加在报告末尾
          </label>
          <p className="hint">
            比率由各单位的分子、分母分别相加后重新计算，不是各单位比率的平均。未报、有误、数值冲突的单位不计入合计。
          </p>
          {rollup.problems.length > 0 && (
            <section aria-label="报送表中的问题">
              <h3>问题（{rollup.problems.length}）</h3>
              <ul className="rollup-problems">
                {rollup.problems.map((p, k) => (
                  <li key={k}>
                    {p.file}
                    {p.cell ? ` 第 ${p.cell} 格` : ''}：{p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {rollup.totals.some((t) => t.warning) && (
            <ul className="rollup-warnings">
              {rollup.totals
                .filter((t) => t.warning)
                .map((t) => (
                  <li key={t.indicatorId}>{t.warning}</li>
                ))}
            </ul>
          )}
        </>
      )}
    </Dialog>
  )
}

/** 填写上级报送表: a township fills the sheet it received with this draft's figures. */
export function FillReturnDialog({
  draftId,
  flush,
  onClose,
}: {
  draftId: string
  flush: () => Promise<unknown>
  onClose: () => void
}) {
  const [file, setFile] = useState<File | null>(null)
  const { busy, status, setMessage, run } = useDialogJob()
  const [result, setResult] = useState<{
    filled: string[]
    missing: string[]
    kept: string[]
  } | null>(null)

  const fill = async () => {
    if (!file) return setMessage('请选择上级下发的报送表文件。')
    if (file.size > MAX_IMPORT_BYTES)
      return setMessage(`“${file.name}”：${LIMIT_MESSAGES.fileBytes}`)
    setResult(null)
    await run('正在填写报送表', async (jobId) => {
      await flush()
      const data = base64(await file.arrayBuffer())
      const saved = await api.fillReturnSheet({ id: draftId, fileName: file.name, data, jobId })
      if (saved.status === 'saved') {
        setResult(saved)
        setMessage(`已填好并保存为：${saved.name}。请打开看一遍，补上空着的格子后交回。`)
      }
    })
  }

  return (
    <Dialog
      title="填写上级报送表"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            关闭
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void fill()}>
            用本稿数字填写…
          </button>
        </>
      }
    >
      <p className="hint">
        选择上级（如县教育局）用草稿下发的报送表，按指标名称和单位用本稿的今年数值填入空格子；已经填过的格子不改动。
      </p>
      <label>
        收到的报送表
        <input
          type="file"
          aria-label="收到的报送表"
          accept=".xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {status}
      {result && (
        <ul className="fill-result" aria-label="填写结果">
          {result.filled.length > 0 && <li>已填写：{result.filled.join('；')}</li>}
          {result.missing.length > 0 && (
            <li className="fill-missing">本稿中没有、请在表中手填：{result.missing.join('、')}</li>
          )}
          {result.kept.length > 0 && <li>原已填写、未改动：{result.kept.join('、')}</li>}
        </ul>
      )}
    </Dialog>
  )
}

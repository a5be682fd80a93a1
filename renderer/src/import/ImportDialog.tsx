import { useState } from 'react'

import type { MethodOutput } from '../../../domain/contract.ts'
import { LIMIT_MESSAGES, MAX_IMPORT_BYTES } from '../../../domain/limits.ts'
import { ApiError, api } from '../api/client.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { base64 } from '../ui/file-data.ts'
import { JobProgress, newJobId } from '../ui/JobProgress.tsx'

export type ImportReport = MethodOutput<'importDraft'>['report']

/** The report of the import just made, shown once when its draft opens. */
export const pendingImportReports = new Map<string, ImportReport>()

/** 导入: last year's Word or text file into a new sectioned draft. */
export function ImportDialog({
  onImported,
  onClose,
}: {
  onImported: (id: string) => void
  onClose: () => void
}) {
  const [file, setFile] = useState<File | null>(null)
  const [previousYear, setPreviousYear] = useState(true)
  const [error, setError] = useState<string | null>(null)
  /** The running import's job id, null when none runs. */
  const [jobId, setJobId] = useState<string | null>(null)
  const working = jobId !== null

  const start = async () => {
    if (!file) return setError('请先选择一个文件。')
    if (file.size > MAX_IMPORT_BYTES) return setError(LIMIT_MESSAGES.fileBytes)
    const id = newJobId()
    setJobId(id)
    setError(null)
    try {
      const result = await api.importDraft({
        fileName: file.name,
        data: base64(await file.arrayBuffer()),
        previousYear,
        jobId: id,
      })
      pendingImportReports.set(result.draft.id, result.report)
      onImported(result.draft.id)
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CANCELLED'))
        setError(e instanceof ApiError ? e.message : '导入失败，请重试。')
    } finally {
      setJobId(null)
    }
  }

  return (
    <Dialog
      title="导入已有的报告"
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            onClick={() =>
              // While an import runs, 取消 stops it; the dialog stays for another try.
              jobId ? void api.cancelJob({ jobId }).catch(() => undefined) : onClose()
            }
          >
            取消
          </button>
          <button type="button" className="primary" onClick={start} disabled={!file || working}>
            {working ? '正在导入…' : '导入'}
          </button>
        </>
      }
    >
      <p className="hint">支持 Word 文件（.docx、.doc）、WPS 文件（.wps）和文本文件（.txt）。</p>
      <label className="field">
        <span>选择文件</span>
        <input
          type="file"
          accept=".docx,.doc,.wps,.txt"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <fieldset className="radio-column">
        <legend>这是上一年度的报告吗？</legend>
        <label>
          <input
            type="radio"
            name="previous"
            checked={previousYear}
            onChange={() => setPreviousYear(true)}
          />
          是，以它为基础写今年的报告（其中的数字作为“上年”数值）
        </label>
        <label>
          <input
            type="radio"
            name="previous"
            checked={!previousYear}
            onChange={() => setPreviousYear(false)}
          />
          不是，它就是今年的报告（其中的数字作为“今年”数值）
        </label>
      </fieldset>
      {jobId && <JobProgress jobId={jobId} label="正在导入…" cancelButton={false} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

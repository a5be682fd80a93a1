import { basename, dirname } from 'node:path'

import { summarize } from '../../domain/draft/draft.ts'
import { draftFromTemplate } from '../../domain/draft/new-draft.ts'
import type { Handlers } from './dispatcher.ts'
import type { DraftStore } from './drafts/draft-store.ts'
import { defaultExportName, safeFileName, writeExport } from './export/export-service.ts'
import { JobRunner } from './jobs/job-runner.ts'
import { searchKeys } from './pinyin.ts'
import { returnHandlers } from './returns/return-handlers.ts'
import type { FilledSheet } from './returns/return-sheet.ts'
import { ServiceError } from './service-error.ts'
import type { SettingsService } from './settings-service.ts'
import type { SnippetStore } from './snippets/snippet-store.ts'

/** What a save dialog offers to save as. */
export type ExportKind = 'docx' | 'pdf' | 'xlsx'

/** The parts of exporting that differ between Electron (dialogs, shell) and the browser host. */
export interface ExportShell {
  /** Asks where to save; null when the writer cancels. */
  choosePath(defaultName: string, lastDir: string, kind?: ExportKind): Promise<string | null>
  open(path: string, reveal: boolean): Promise<void>
  /** The calling window printed to PDF (A4, no margins of its own); absent in the browser host. */
  printPdf?: () => Promise<Buffer>
}

export interface ServiceDeps {
  appInfo: { name: string; version: string; shell: 'electron' | 'browser-host'; dataDir: string }
  settings: SettingsService
  drafts: DraftStore
  snippets: SnippetStore
  exportShell: ExportShell
  /** Runs import and export off the main thread; one with the sources' worker by default. */
  jobs?: JobRunner
  log?: (error: unknown) => void
}

/** The implementation of the contract, shared by the Electron main process and the browser host. */
export function createHandlers({
  appInfo,
  settings,
  drafts,
  snippets,
  exportShell,
  jobs = new JobRunner(),
  log = console.error,
}: ServiceDeps): Handlers {
  // Only files this session wrote may be opened on the renderer's word.
  const exported = new Set<string>()
  /** Asks where, makes the file only then, writes it whole or not at all, remembers the folder. */
  async function saveExport(
    defaultName: string,
    lastDir: string,
    kind: ExportKind,
    make: () => Promise<Buffer>,
  ) {
    const target = await exportShell.choosePath(defaultName, lastDir, kind)
    if (!target) return { status: 'cancelled' as const }
    await writeExport(target, await make())
    exported.add(target)
    // The file is written: a settings file that cannot be written only loses the folder hint.
    try {
      settings.update({ lastExportDir: dirname(target) })
    } catch (error) {
      log(error)
    }
    return { status: 'saved' as const, path: target, name: basename(target) }
  }
  return {
    getAppInfo: () => appInfo,
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),

    listDrafts: () => drafts.list(),
    createDraft: async (choice) => summarize(await drafts.create(draftFromTemplate(choice))),
    openDraft: ({ id }) => drafts.open(id),
    saveDraft: ({ id, baseRevision, content }) => drafts.save(id, baseRevision, content),
    renameDraft: ({ id, title }) => drafts.rename(id, title),
    duplicateDraft: async ({ id }) => summarize(await drafts.duplicate(id)),
    carryForwardDraft: async ({ id }) => summarize(await drafts.carryForward(id)),
    trashDraft: async ({ id }) => {
      await drafts.trash(id)
      return {}
    },
    listTrash: async () => ({ drafts: await drafts.listTrash() }),
    restoreDraft: ({ id }) => drafts.restoreFromTrash(id),
    deleteDraftForever: async ({ id }) => {
      await drafts.deleteForever(id)
      return {}
    },
    snapshotDraft: async ({ id, reason }) => {
      await drafts.snapshot(id, reason)
      return {}
    },
    listRevisions: async ({ id }) => ({ revisions: await drafts.listRevisions(id) }),
    readRevision: async ({ id, revisionId }) => ({
      draft: await drafts.readRevision(id, revisionId),
    }),
    searchKeys: ({ texts }) => ({ keys: searchKeys(texts) }),
    async importDraft({ fileName, data, previousYear, jobId }) {
      const bytes = Buffer.from(data, 'base64')
      const { content, report } = await jobs.run(
        { kind: 'import', fileName, bytes, previousYear },
        jobId,
      )
      const draft = await drafts.create(content)
      return { draft: summarize(draft), report }
    },
    jobProgress: ({ jobId }) => {
      const fraction = jobs.progress(jobId)
      return { running: fraction !== null, fraction: fraction ?? 0 }
    },
    cancelJob: ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    listSnippets: () => snippets.list(),
    saveSnippet: (input) => snippets.save(input),
    deleteSnippet: async ({ id }) => {
      await snippets.remove(id)
      return {}
    },
    recordSnippetUse: async ({ id }) => {
      await snippets.recordUse(id)
      return {}
    },
    importSnippetPack: ({ text }) => snippets.importPack(text),
    exportSnippetPack: async () => ({ text: await snippets.exportPack() }),
    async exportDraft({ id, jobId }) {
      const { draft } = await drafts.open(id)
      const current = settings.get()
      return saveExport(
        defaultExportName(draft.meta.title),
        current.lastExportDir,
        'docx',
        async () => toBuffer(await jobs.run({ kind: 'export', draft, settings: current }, jobId)),
      )
    },
    async exportPdf({ id }) {
      const print = exportShell.printPdf
      if (!print)
        throw new ServiceError('FORBIDDEN', '浏览器预览中请用打印对话框里的“另存为 PDF”。')
      const { draft } = await drafts.open(id)
      return saveExport(
        defaultExportName(draft.meta.title, '', '.pdf'),
        settings.get().lastExportDir,
        'pdf',
        print,
      )
    },
    async openExportedFile({ path, reveal }) {
      if (!exported.has(path)) throw new ServiceError('FORBIDDEN', '只能打开本次导出的文件。')
      await exportShell.open(path, reveal)
      return {}
    },
    async readVersionFile({ fileName, data, jobId }) {
      const bytes = Buffer.from(data, 'base64')
      const { content } = await jobs.run(
        { kind: 'import', fileName, bytes, previousYear: false },
        jobId,
      )
      return { content: { meta: content.meta, body: content.body, indicators: content.indicators } }
    },
    compareVersions: async ({ older, newer, jobId }) => ({
      comparison: await jobs.run(
        { kind: 'compare', older, newer, settings: settings.get() },
        jobId,
      ),
    }),
    async exportComparison({ older, newer, style, olderName, newerName, jobId }) {
      const current = settings.get()
      const suffix = style === 'tracked' ? '（修订稿）' : '（花脸稿）'
      return saveExport(
        defaultExportName(newer.meta.title, suffix),
        current.lastExportDir,
        'docx',
        async () => {
          const { bytes } = await jobs.run(
            {
              kind: 'compare-export',
              older,
              newer,
              settings: current,
              style,
              olderName,
              newerName,
            },
            jobId,
          )
          return toBuffer(bytes)
        },
      )
    },
    ...returnHandlers({ drafts, settings, exportShell, jobs, log }),
    async fillReturnSheet({ id, fileName, data, jobId }) {
      const { draft } = await drafts.open(id)
      // What the worker filled, for the writer: known once the file is made.
      const made: { lists?: Omit<FilledSheet, 'bytes'> } = {}
      const saved = await saveExport(fileName, settings.get().lastExportDir, 'xlsx', async () => {
        const { bytes, ...lists } = await jobs.run(
          {
            kind: 'returns-fill',
            file: { name: fileName, bytes: new Uint8Array(Buffer.from(data, 'base64')) },
            indicators: draft.indicators,
          },
          jobId,
        )
        made.lists = lists
        return toBuffer(bytes)
      })
      if (saved.status === 'cancelled' || !made.lists) return { status: 'cancelled' as const }
      return { ...saved, ...made.lists }
    },
    saveRollupTable: ({ table, jobId }) =>
      saveExport(
        safeFileName(table.title, '.xlsx', '汇总表'),
        settings.get().lastExportDir,
        'xlsx',
        async () => toBuffer(await jobs.run({ kind: 'rollup-table', table }, jobId)),
      ),
    restoreRevision: async ({ id, revisionId }) => ({
      draft: await drafts.restoreRevision(id, revisionId),
    }),
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

import type { MethodName } from './contract.ts'

/** Kept in step with `contract` by the type below: a missing or extra name fails typecheck. */
export const methodNames = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listDrafts',
  'createDraft',
  'openDraft',
  'saveDraft',
  'renameDraft',
  'duplicateDraft',
  'carryForwardDraft',
  'trashDraft',
  'listTrash',
  'restoreDraft',
  'deleteDraftForever',
  'snapshotDraft',
  'listRevisions',
  'readRevision',
  'restoreRevision',
  'makeReturnSheets',
  'rollUpReturns',
  'saveRollupTable',
  'fillReturnSheet',
  'searchKeys',
  'exportDraft',
  'exportPdf',
  'openExportedFile',
  'listSnippets',
  'saveSnippet',
  'deleteSnippet',
  'recordSnippetUse',
  'importSnippetPack',
  'exportSnippetPack',
  'importDraft',
  'jobProgress',
  'cancelJob',
  'readVersionFile',
  'compareVersions',
  'exportComparison',
] as const

type Listed = (typeof methodNames)[number]
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatchContract: Exact<Listed, MethodName> = true
void namesMatchContract

/** The IPC channel of a method; one channel per method, no generic invoke. */
export function channelOf(method: MethodName): string {
  return `caogao:${method}`
}

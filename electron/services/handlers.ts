import { summarize } from '../../domain/draft/draft.ts'
import { suggestTitle, templateBody } from '../../domain/draft/templates.ts'
import type { Handlers } from './dispatcher.ts'
import type { DraftStore } from './drafts/draft-store.ts'
import { searchKeys } from './pinyin.ts'
import type { SettingsService } from './settings-service.ts'

export interface ServiceDeps {
  appInfo: { name: string; version: string; shell: 'electron' | 'browser-host'; dataDir: string }
  settings: SettingsService
  drafts: DraftStore
}

/** The implementation of the contract, shared by the Electron main process and the browser host. */
export function createHandlers({ appInfo, settings, drafts }: ServiceDeps): Handlers {
  return {
    getAppInfo: () => appInfo,
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),

    listDrafts: () => drafts.list(),
    async createDraft({ kind, topic, unit, year }) {
      const draft = await drafts.create({
        meta: {
          title: suggestTitle({ unit, year, kind, topic }),
          unit,
          year,
          kind,
          topic: kind === 'topical' ? topic : '',
          recipient: '',
          signature: unit,
          date: '',
        },
        body: templateBody(kind, topic),
        indicators: [],
      })
      return summarize(draft)
    },
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
    restoreRevision: async ({ id, revisionId }) => ({
      draft: await drafts.restoreRevision(id, revisionId),
    }),
  }
}

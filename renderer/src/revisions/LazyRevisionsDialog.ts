import { lazy } from 'react'

/** 版本记录, loaded when first opened (from the editor or the list of drafts). */
export const RevisionsDialog = lazy(() =>
  import('./RevisionsDialog.tsx').then((m) => ({ default: m.RevisionsDialog })),
)

import { useEffect, useState } from 'react'

import { api } from '../api/client.ts'
import { DraftsView } from './DraftsView.tsx'
import { TrashView } from './TrashView.tsx'

/** 草稿箱 and 回收站: the same frame around two views of one table. */
export function HomeScreen({ view }: { view: 'drafts' | 'trash' }) {
  const [version, setVersion] = useState<string | null>(null)
  useEffect(() => {
    api.getAppInfo({}).then(
      (info) => setVersion(info.version),
      () => setVersion(null),
    )
  }, [])
  return (
    <div className="home">
      <header className="topbar">
        <h1 className="brand">草稿</h1>
        <span className="brand-sub">教育工作总结写作助手</span>
        <nav className="topbar-nav" aria-label="视图">
          <a href="#/" aria-current={view === 'drafts' ? 'page' : undefined}>
            草稿箱
          </a>
          <a href="#/trash" aria-current={view === 'trash' ? 'page' : undefined}>
            回收站
          </a>
        </nav>
      </header>
      {view === 'drafts' ? <DraftsView version={version} /> : <TrashView version={version} />}
    </div>
  )
}

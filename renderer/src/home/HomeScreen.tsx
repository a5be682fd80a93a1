import { useEffect, useState } from 'react'

import type { MethodOutput } from '../../../domain/contract.ts'
import { ApiError, api } from '../api/client.ts'

type AppInfo = MethodOutput<'getAppInfo'>

/** 草稿箱: the list of local drafts. */
export function HomeScreen() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api
      .getAppInfo({})
      .then(setInfo, (e: unknown) =>
        setError(e instanceof ApiError ? e.message : '无法读取程序信息。'),
      )
  }, [])

  return (
    <div className="home">
      <header className="topbar">
        <h1 className="brand">草稿</h1>
        <span className="brand-sub">教育工作总结写作助手</span>
      </header>
      <main className="home-main" aria-labelledby="home-title">
        <h2 id="home-title">草稿箱</h2>
        <section className="empty-state" aria-live="polite">
          <p className="empty-title">还没有草稿</p>
          <p className="empty-hint">草稿只保存在这台电脑上，断网也能写。</p>
        </section>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </main>
      <footer className="statusbar">
        <span data-testid="app-version">{info ? `版本 ${info.version}` : '正在启动…'}</span>
      </footer>
    </div>
  )
}

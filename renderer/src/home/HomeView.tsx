import type { ReactNode } from 'react'

/** The parts every view has: heading, messages, the list, and the status bar. */
export function HomeView({
  title,
  headingActions,
  notices = [],
  error,
  status,
  version,
  children,
  dialogs,
}: {
  title: string
  headingActions?: ReactNode
  notices?: readonly string[]
  error: string | null
  status: string
  version: string | null
  children: ReactNode
  /** The view's open dialog, if any. */
  dialogs?: ReactNode
}) {
  return (
    <>
      <main className="home-main" aria-labelledby="home-title">
        <div className="home-heading">
          <h2 id="home-title">{title}</h2>
          {headingActions}
        </div>
        {notices.map((n) => (
          <p key={n} className="notice" role="status">
            {n}
          </p>
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {children}
      </main>
      <footer className="statusbar">
        <span role="status">{status}</span>
        <span className="statusbar-end" data-testid="app-version">
          {version ? `版本 ${version}` : ''}
        </span>
      </footer>
      {dialogs}
    </>
  )
}

import { Component, useEffect, useState, type ReactNode } from 'react'

import type { DraftSession } from './draft-session.ts'

type Rescue = 'saving' | 'saved' | 'failed'

interface Props {
  session: DraftSession
  onReload: () => void
  children: ReactNode
}

/**
 * If the editor breaks while drawing, the writer's text is saved from the session (which holds
 * the last body) and kept as a revision before the screen says what happened and offers 重新载入.
 */
export class EditorErrorBoundary extends Component<Props, { rescue: Rescue | null }> {
  override state: { rescue: Rescue | null } = { rescue: null }

  static getDerivedStateFromError(): { rescue: Rescue } {
    return { rescue: 'saving' }
  }

  override componentDidCatch(error: unknown): void {
    console.error('editor failed', error)
    void this.rescue()
  }

  private rescue = async () => {
    this.setState({ rescue: 'saving' })
    const saved = await this.props.session.rescue()
    this.setState({ rescue: saved ? 'saved' : 'failed' })
  }

  override render(): ReactNode {
    const { rescue } = this.state
    if (rescue === null) return this.props.children
    return (
      <div className="center-message" data-testid="editor-broken">
        {rescue === 'saving' && <p role="status">编辑器出了问题，正在保存您的文字…</p>}
        {rescue === 'saved' && <p role="alert">编辑器出了问题。您的文字已保存为历史版本。</p>}
        {rescue === 'failed' && (
          <>
            <p role="alert" className="error">
              编辑器出了问题，最后的修改没有保存成功。
            </p>
            <p className="hint">请先点“再试保存”；现在重新载入会丢失最后没有保存的修改。</p>
            <button type="button" onClick={() => void this.rescue()}>
              再试保存
            </button>
          </>
        )}
        {rescue !== 'saving' && (
          <button type="button" className="primary" onClick={this.props.onReload}>
            重新载入
          </button>
        )}
      </div>
    )
  }
}

const PROBE_EVENT = 'caogao:test-render-error'

/**
 * For the end-to-end test of the boundary: mounted only when the page's address asks for it
 * (?testRenderError), it throws while drawing once the page dispatches PROBE_EVENT.
 */
export function RenderErrorProbe() {
  const [enabled] = useState(() =>
    new URLSearchParams(window.location.search).has('testRenderError'),
  )
  const [broken, setBroken] = useState(false)
  useEffect(() => {
    if (!enabled) return
    const onProbe = () => setBroken(true)
    window.addEventListener(PROBE_EVENT, onProbe)
    return () => window.removeEventListener(PROBE_EVENT, onProbe)
  }, [enabled])
  if (broken) throw new Error('test: the editor failed to draw')
  return null
}

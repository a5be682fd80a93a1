// The in-page measuring code, injected before any script of the page (the app's or the bare
// editor's), so both are measured the same way. It must be self-contained: Playwright sends its
// source text.

export interface Probe {
  /** Milliseconds since navigation when the editor was editable with all its blocks, painted. */
  editableAt: number | null
  /** Latencies of every event of a recorded type, from the event's timestamp to after the next frame. */
  samples: Record<string, number[]>
  record(type: string): void
  /**
   * The latency of the next event of `type`: from its timestamp until after the first frame in
   * which `count` elements matching `selector` contain `text` (or simply the next frame).
   */
  once(type: string, until?: { selector: string; text: string; count: number }): Promise<number>
}

declare global {
  interface Window {
    __probe: Probe
  }
}

export function installProbe(expectedBlocks: number): void {
  // After the frame that follows now: rAF runs before style, layout and paint; a message posted
  // from it runs once that frame's main-thread work is done.
  const afterNextFrame = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      }),
    )
  const shown = (until: { selector: string; text: string; count: number }) => {
    let n = 0
    for (const el of document.querySelectorAll(until.selector))
      if (el.textContent!.includes(until.text)) n++
    return n >= until.count
  }
  const probe: Probe = {
    editableAt: null,
    samples: {},
    record(type) {
      const samples: number[] = (probe.samples[type] = [])
      addEventListener(
        type,
        (e) => void afterNextFrame().then((t) => samples.push(t - e.timeStamp)),
        true,
      )
    },
    once(type, until) {
      return new Promise((resolve) =>
        addEventListener(
          type,
          (e) => {
            const t0 = e.timeStamp
            const check = async () => {
              const t = await afterNextFrame()
              if (!until || shown(until)) resolve(t - t0)
              else void check()
            }
            void check()
          },
          { capture: true, once: true },
        ),
      )
    },
  }
  window.__probe = probe

  // Editable: a contenteditable ProseMirror root holding every block of the report.
  const observer = new MutationObserver(() => {
    const root = document.querySelector('.ProseMirror[contenteditable="true"]')
    if (!root || root.childElementCount < expectedBlocks) return
    observer.disconnect()
    void afterNextFrame().then((t) => (probe.editableAt = t))
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
}

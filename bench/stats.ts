// Figures of the benchmarks: samples, their median and tails, printed beside target and baseline.
import type { Profiler } from 'inspector'

export interface Row {
  name: string
  samples: number[]
  target?: string
  /** The same measurement on the baseline (bare editor, bare docx). */
  baseline?: number[]
  unit?: 'ms' | 'MB'
}

export const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!
export const median = (xs: readonly number[]) => quantile(xs, 0.5)

export async function time(n: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

/** A repeatable pseudo-random sequence, so app and baseline get the same typing rhythm. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function printRows(title: string, rows: readonly Row[]): void {
  console.log(
    `\n${title}:  median / p95 / max (n)   [target]   (baseline median, p95; ratio of medians, of p95s)`,
  )
  for (const r of rows) {
    const unit = r.unit ?? 'ms'
    const fmt = (x: number) => `${x.toFixed(1)} ${unit}`
    const stats = (xs: readonly number[]) =>
      xs.length > 1
        ? `${fmt(median(xs))} / ${fmt(quantile(xs, 0.95))} / ${fmt(Math.max(...xs))} (${xs.length})`
        : fmt(xs[0]!)
    const base = r.baseline
      ? `   (bare ${fmt(median(r.baseline))}, ${fmt(quantile(r.baseline, 0.95))}; ${(median(r.samples) / median(r.baseline)).toFixed(2)}×, ${(quantile(r.samples, 0.95) / quantile(r.baseline, 0.95)).toFixed(2)}×)`
      : ''
    console.log(
      `${r.name.padEnd(50)} ${stats(r.samples)}${r.target ? `   [${r.target}]` : ''}${base}`,
    )
  }
}

/** Milliseconds sampled in each node of a CPU profile. */
export function nodeMs(profile: Profiler.Profile): Map<number, number> {
  const ms = new Map<number, number>()
  profile.samples!.forEach((id, i) =>
    ms.set(id, (ms.get(id) ?? 0) + profile.timeDeltas![i]! / 1000),
  )
  return ms
}

/** Self time of each function (name, file, line, column) in a CPU profile, most first. */
export function selfTimes(profile: Profiler.Profile): [string, number][] {
  const ms = nodeMs(profile)
  const self = new Map<string, number>()
  for (const node of profile.nodes) {
    const f = node.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber}:${f.columnNumber}`
    self.set(key, (self.get(key) ?? 0) + (ms.get(node.id) ?? 0))
  }
  return [...self].sort((a, b) => b[1] - a[1])
}

import { describe, expect, it } from 'vitest'

import { generateReport } from '../../../bench/report-fixture.ts'
import { flattenVersion } from '../../../domain/compare/blocks.ts'
import { compareBlocks, compareVersions } from '../../../domain/compare/compare.ts'
import { paragraph, plainText, type DocNode } from '../../../domain/draft/doc.ts'
import type { DraftContent } from '../../../domain/draft/draft.ts'

const options = { level3: '1.' as const, today: '2026-11-23' }

/** A reviewer's round: every tenth paragraph's figures changed, a few moved, split, deleted. */
function reviewed(report: DraftContent): DraftContent {
  const out = structuredClone(report)
  const nodes = out.body.content as DocNode[]
  nodes.forEach((n, i) => {
    if (n.type === 'paragraph' && i % 10 === 0) {
      n.content = [{ type: 'text', text: plainText(n).replace(/\d+/g, (m) => `${Number(m) + 3}`) }]
    }
  })
  const moved = nodes.splice(5, 2)
  nodes.splice(nodes.length - 10, 0, ...moved)
  nodes.splice(40, 6)
  const split = plainText(nodes[60]!)
  nodes.splice(60, 1, paragraph(split.slice(0, 30)), paragraph(split.slice(30)))
  nodes.splice(80, 0, paragraph('新增的一段：全年共开展专项督导检查12次。'))
  return out
}

/** The least CPU time (ms) of a few runs: less swayed than the clock by other work on the machine. */
function fastest(run: () => void, times = 5): number {
  let best = Infinity
  for (let k = 0; k < times; k++) {
    const started = process.cpuUsage()
    run()
    const used = process.cpuUsage(started)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

describe('comparing long versions', () => {
  it('compares two 100,000-character versions and prints how long it takes', () => {
    const big = generateReport(100_000)
    const small = generateReport(12_500, 8, 38)
    const bigNewer = reviewed(big)
    const smallNewer = reviewed(small)
    const result = compareVersions(big, bigNewer, options)
    expect(result.counts.moved).toBeGreaterThan(0)
    expect(result.counts.figures).toBeGreaterThan(10)
    const started = performance.now()
    compareVersions(big, bigNewer, options)
    const wallMs = performance.now() - started
    // The pairing and character comparison timed apart from reading the drafts (the export model).
    const blocks = [big, bigNewer, small, smallNewer].map((v) => flattenVersion(v, options))
    const bigMs = fastest(() => compareBlocks(blocks[0]!, blocks[1]!))
    const smallMs = fastest(() => compareBlocks(blocks[2]!, blocks[3]!))
    console.log(
      `compare two 100,000-character versions: ${wallMs.toFixed(0)} ms; pairing and comparing their blocks: ${bigMs.toFixed(1)} ms of CPU (12,500 characters: ${smallMs.toFixed(1)} ms); ${result.counts.total} changes`,
    )
    // No bound on the ratio: on a shared machine the garbage collector moves it between 10
    // and 40 for eight times the text. Standalone (node, warm) it is about 1.3 ms → 13 ms.
  }, 120_000)

  it('stays bounded on versions that share little order: every paragraph reversed', () => {
    const report = generateReport(100_000)
    const reversed = structuredClone(report)
    reversed.body.content = [...reversed.body.content].reverse()
    const started = performance.now()
    const result = compareVersions(report, reversed, options)
    console.log(
      `compare 100,000 characters with its reversal: ${(performance.now() - started).toFixed(0)} ms, ${result.counts.total} changes`,
    )
    // Nothing lost: each version's text comes back from the entries.
    const older = result.entries.filter((e) => e.kind !== 'moved').flatMap((e) => e.old)
    const newer = result.entries.filter((e) => e.kind !== 'moved-away').flatMap((e) => e.new)
    expect(new Set(older).size).toBe(result.older.length)
    expect(new Set(newer).size).toBe(result.newer.length)
  }, 120_000)
})

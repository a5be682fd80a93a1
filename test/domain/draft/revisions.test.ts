import { describe, expect, it } from 'vitest'

import {
  ALWAYS_KEPT_REVISIONS,
  compareNewestFirst,
  nextSequence,
  parseRevisionId,
  revisionId,
  revisionsToPrune,
  type RevisionInfo,
} from '../../../domain/draft/revisions.ts'

const HOUR = 3600_000
const now = new Date('2026-11-23T12:00:00Z')

function rev(hoursAgo: number, n: number): RevisionInfo {
  return parseRevisionId(revisionId(new Date(now.getTime() - hoursAgo * HOUR), n, 'periodic', 100))!
}

describe('revision ids', () => {
  it('round-trip time, revision, reason and word count', () => {
    const id = revisionId(new Date('2026-11-23T08:05:03.042Z'), 17, 'before-restore', 12345)
    expect(id).toBe('20261123T080503042Z-r17-before-restore-w12345')
    expect(parseRevisionId(id)).toEqual({
      id,
      createdAt: '2026-11-23T08:05:03.042Z',
      revision: 17,
      reason: 'before-restore',
      wordCount: 12345,
    })
  })

  it('ignore foreign names', () => {
    for (const name of ['notes', '20261123T080503042Z-r1-unknown-w1', '.DS_Store']) {
      expect(parseRevisionId(name)).toBeNull()
    }
  })
})

describe('retention', () => {
  it('keeps every snapshot of the last 24 hours', () => {
    const recent = Array.from({ length: 100 }, (_, i) => rev(i * 0.2, i))
    expect(revisionsToPrune(recent, now)).toEqual([])
  })

  it('keeps one a day (the newest) from 1 to 90 days, nothing older', () => {
    // The newest ALWAYS_KEPT_REVISIONS are kept whatever their age; these come after them.
    const newest = Array.from({ length: ALWAYS_KEPT_REVISIONS }, (_, i) => rev(i * 0.5, 100 + i))
    const older = [
      ...newest,
      rev(25, 1),
      rev(25.5, 2),
      rev(26, 3),
      rev(24 * 10, 4),
      rev(24 * 10 + 1, 5),
      rev(24 * 91, 6),
    ]
    const pruned = revisionsToPrune(older, now)
      .map((r) => r.revision)
      .sort()
    // Of the day 25–26 h ago only revision 1 (the newest) stays; of day 10 only 4; day 91 goes.
    expect(pruned).toEqual([2, 3, 5, 6])
  })
})

describe('order by sequence, not by the clock', () => {
  const at = (iso: string) => new Date(iso)

  it('writes and reads the sequence in the name; old names without one still load', () => {
    const id = revisionId(at('2026-11-23T08:05:03.042Z'), 17, 'periodic', 9, 42)
    expect(id).toBe('20261123T080503042Z-s42-r17-periodic-w9')
    expect(parseRevisionId(id)).toMatchObject({ sequence: 42, revision: 17, wordCount: 9 })
    expect(parseRevisionId('20261123T080503042Z-r17-periodic-w9')!.sequence).toBeUndefined()
  })

  it('puts the highest sequence first even when its time is older (clock set back)', () => {
    const before = parseRevisionId(revisionId(at('2026-11-23T12:00:00Z'), 5, 'periodic', 1, 7))!
    const after = parseRevisionId(revisionId(at('2026-11-20T12:00:00Z'), 6, 'periodic', 1, 8))!
    const legacy = parseRevisionId(revisionId(at('2027-01-01T00:00:00Z'), 1, 'created', 1))!
    expect([legacy, before, after].sort(compareNewestFirst)).toEqual([after, before, legacy])
    expect(nextSequence([legacy, before, after])).toBe(9)
    expect(nextSequence([legacy])).toBe(1)
  })

  it('never prunes the newest revisions, even when the clock jumps years ahead', () => {
    const revisions = Array.from({ length: 30 }, (_, i) =>
      parseRevisionId(
        revisionId(new Date(now.getTime() - i * HOUR), 30 - i, 'periodic', 1, 30 - i),
      )!,
    )
    const farFuture = new Date('2031-01-01T00:00:00Z')
    const pruned = revisionsToPrune(revisions, farFuture)
    const kept = revisions.filter((r) => !pruned.includes(r))
    expect(kept.map((r) => r.sequence)).toEqual(
      Array.from({ length: ALWAYS_KEPT_REVISIONS }, (_, i) => 30 - i),
    )
  })

  it('keeps revisions dated after now (the clock was set back) as recent', () => {
    const revisions = Array.from({ length: 30 }, (_, i) =>
      parseRevisionId(
        revisionId(new Date(now.getTime() + (i + 1) * HOUR), i, 'periodic', 1, 100 - i),
      )!,
    )
    expect(revisionsToPrune(revisions, now)).toEqual([])
  })
})

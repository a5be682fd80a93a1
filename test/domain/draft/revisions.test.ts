import { describe, expect, it } from 'vitest'

import {
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
    const older = [
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

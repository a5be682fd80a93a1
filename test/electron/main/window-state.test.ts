import { describe, expect, it } from 'vitest'

import { restorableState } from '../../../electron/main/window-state.ts'

const laptop = { x: 0, y: 0, width: 1366, height: 728 }
const secondScreen = { x: 1366, y: 0, width: 1920, height: 1040 }

describe('restorableState', () => {
  it('restores a window that is on a connected screen', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 700, maximized: true }
    expect(restorableState(saved, [laptop])).toEqual(saved)
  })

  it('forgets a window left on a screen that is gone', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800, maximized: false }
    expect(restorableState(saved, [laptop, secondScreen])).toEqual(saved)
    expect(restorableState(saved, [laptop])).toBeNull()
  })

  it('ignores damaged or missing state', () => {
    expect(restorableState(undefined, [laptop])).toBeNull()
    expect(restorableState({ x: 'a' }, [laptop])).toBeNull()
    expect(restorableState({ x: 0, y: 0, width: 10, height: 10 }, [laptop])).toBeNull()
  })
})

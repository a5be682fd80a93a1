import { describe, expect, it } from 'vitest'

import { catalogueEntry } from '../../../domain/indicators/catalogue.ts'
import { findInconsistencies } from '../../../domain/indicators/consistency.ts'
import { indicatorFromCatalogue } from '../../../domain/indicators/model.ts'

const retention = {
  ...indicatorFromCatalogue(catalogueEntry('retention-9y')!, 'r'),
  current: '99.66',
  previous: null,
}
const pupils = {
  ...indicatorFromCatalogue(catalogueEntry('primary-students')!, 'p'),
  current: '24341',
  previous: null,
}

describe('findInconsistencies', () => {
  it('lists a typed figure that contradicts the field, by name or alias', () => {
    const blocks = [
      '全区九年义务教育巩固率为99.5%，比上年有所提高。',
      '小学在校学生24340人，初中在校学生12458人。',
    ]
    expect(findInconsistencies(blocks, [retention, pupils])).toEqual([
      { indicatorId: 'r', block: 0, offset: 12, length: 5, found: '99.5%', expected: '99.66%' },
      { indicatorId: 'p', block: 1, offset: 6, length: 6, found: '24340人', expected: '24341人' },
    ])
  })

  it('is quiet when the figure agrees or the app wrote it', () => {
    expect(findInconsistencies(['巩固率达到99.66%。', '巩固率为\ufffc。'], [retention])).toEqual([])
  })

  it('ignores figures far from the name', () => {
    expect(findInconsistencies(['巩固率稳步提升，全年培训教师98.2%以上。'], [retention])).toEqual(
      [],
    )
  })
})

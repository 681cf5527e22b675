import { describe, expect, it } from 'vitest'
import { placeCell } from '../../core/row-context.ts'

describe('placeCell', () => {
  it('points an issue at the cell as the user sees it', () => {
    expect(placeCell({ value: 'x', text: 'x', column: 'F' }, 12, 'deadline')).toEqual({
      row: 12,
      column: 'F',
      field: 'deadline',
      value: 'x',
    })
  })
})

import { describe, expect, it } from 'vitest'
import { computeFilledCells } from '../../core/index.ts'

describe('computeFilledCells with hostile merges', () => {
  it('clips a merge reaching column 300,000,000 to the grid: nothing past the data is materialised', () => {
    const { values, covered } = computeFilledCells({
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [
        ['STT', 'Nội dung'],
        [1, 'Rà soát'],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 300_000_000 }],
    })
    expect(values.map((r) => r.length)).toEqual([2, 2])
    expect(values[0]).toEqual(['STT', 'STT'])
    expect(covered[0]).toEqual([false, true])
  })
})

import { describe, expect, it } from 'vitest'
import { findShiftedCell } from '../../core/row-deadline.ts'
import { validateTable } from '../../core/index.ts'
import { createPlanGrid } from '../helpers/grid.ts'

describe('row deadlines', () => {
  it('finds a deadline shifted into the cooperating-agency column', () => {
    const cell = { value: 'Quý IV/2026', text: 'Quý IV/2026', column: 'D' }
    expect(
      findShiftedCell({
        row: 5,
        kind: 'task',
        stt: '1',
        level: 1,
        section: null,
        cells: { coop: cell },
      }),
    ).toEqual({ ...cell, field: 'coop' })
  })

  it('reads the deadline column, reporting a deadline it cannot understand', () => {
    const report = validateTable(
      createPlanGrid([
        [1, 'Việc A', 'Sở Nội vụ', null, 'Trước năm 2027'],
        [2, 'Việc B', 'Sở Nội vụ', null, 'Tháng 13/2026'],
      ]),
      { asOf: '2026-09-14' },
    )
    expect(report.tasks.map((t) => [t.stt, t.deadline?.due ?? null, t.status])).toEqual([
      ['1', '2026-12-31', 'not-started'],
      ['2', null, 'unknown'],
    ])
    expect(report.issues.map((i) => [i.code, `${i.column}${i.row}`])).toEqual([
      ['cell/invalid-deadline', 'E5'],
    ])
  })
})

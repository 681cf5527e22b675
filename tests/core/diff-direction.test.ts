import { describe, expect, it } from 'vitest'
import { computeChangeDirection, type ChangeDirection, type DiffField } from '../../core/index.ts'

describe('computeChangeDirection', () => {
  it.each<[DiffField, string, string, ChangeDirection]>([
    ['status', 'not-started', 'done-on-time', 'better'],
    ['status', 'overdue', 'done-late', 'better'],
    ['status', 'done-on-time', 'not-started', 'worse'],
    ['status', 'done-on-time', 'overdue', 'worse'],
    ['status', 'in-progress', 'overdue', 'worse'],
    ['status', 'in-progress', 'ongoing', 'neutral'],
    ['progress', 'Chưa thực hiện', 'Đã hoàn thành', 'better'],
    ['progress', 'Đã hoàn thành', 'Chưa thực hiện', 'worse'],
    ['progress', '60%', '40%', 'worse'],
    ['progress', 'Đang thực hiện', '80%', 'better'],
    ['progress', 'Đang triển khai', 'Đang thực hiện', 'neutral'],
    ['progress', 'Hoàn thành', '', 'worse'],
    ['doneDate', '', '2026-09-10', 'better'],
    ['doneDate', '2026-09-10', '', 'worse'],
    ['doneDate', '2026-09-10', '2026-09-12', 'neutral'],
    ['achieved', '', '95,5%', 'better'],
    ['evidence', 'Báo cáo số 12/BC-UBND ngày 15/3/2026', '', 'worse'],
    ['evidence', 'Kế hoạch số 3/KH-UBND', 'Kế hoạch số 3/KH-UBND ngày 2/3/2026', 'neutral'],
  ])('%s “%s” → “%s” is %s', (field, before, after, direction) => {
    expect(computeChangeDirection({ field, before, after })).toBe(direction)
  })
})

import { describe, expect, it } from 'vitest'
import { parseDateValue } from '../../core/row-checks.ts'
import { validateTable } from '../../core/index.ts'
import { createPlanGrid } from '../helpers/grid.ts'

const asOf = '2026-09-14'

describe('parseDateValue', () => {
  it('reads real dates, day-first text and Excel serials, and nothing else', () => {
    expect(parseDateValue({ date: '2026-03-01' }, '01/03/2026')).toBe('2026-03-01')
    expect(parseDateValue('01/03/2026', '01/03/2026')).toBe('2026-03-01')
    expect(parseDateValue(46082, '46082')).toBe('2026-03-01')
    expect(parseDateValue(12, '12')).toBeNull()
    expect(parseDateValue('31/02/2026', '31/02/2026')).toBeNull()
  })
})

describe('row checks', () => {
  it('reports a task without lead agency, a done task without evidence, a completion date after the report date and a self score above the maximum', () => {
    const grid = createPlanGrid([
      [1, 'Kiểm tra CCHC ít nhất 30% số cơ quan', null, null, 'Quý IV/2026'],
      [2, 'Ban hành kế hoạch', 'Sở Nội vụ', null, 'Quý I/2026', 'Đã hoàn thành', '20/10/2026'],
      [3, 'Đạt 100% hồ sơ', 'Sở Nội vụ', null, 'Năm 2026', 'Đang thực hiện', null, '98%', null, 3],
    ])
    const profile = {
      name: 'Thử',
      year: 2026,
      provisional: false,
      items: { '3': { maxPoints: 2, method: 'self' as const, rule: 'proportional' as const } },
    }
    const report = validateTable(grid, { asOf, profile })
    expect(report.issues.map((i) => [i.code, `${i.column}${i.row}`])).toEqual([
      ['cell/required', 'C4'],
      ['row/done-without-evidence', 'F5'],
      ['cell/completion-in-future', 'G5'],
      ['row/score-exceeds-max', 'J6'],
    ])
    expect(report.tasks.find((t) => t.stt === '3')).toMatchObject({
      targetMet: false,
      score: 1.96,
      maxScore: 2,
    })
  })
})

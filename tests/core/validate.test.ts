import { describe, expect, it } from 'vitest'
import { findTitleYear, validateTable } from '../../core/validate.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'

describe('findTitleYear', () => {
  it('reads the plan year from title rows, with or without diacritics', () => {
    expect(findTitleYear('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026')).toBe(2026)
    expect(findTitleYear('Ke hoach CCHC nam 2025 cua UBND tinh')).toBe(2025)
    expect(findTitleYear('PHỤ LỤC (Kèm theo Kế hoạch số 0156/KH-UBND)')).toBeNull()
  })
})

describe('validateTable', () => {
  it('reports table/not-found for a sheet without an annex table, with the plan year from the options', () => {
    const report = validateTable(createGrid([['Báo cáo'], ['Không có bảng']]), {
      asOf: '2026-09-14',
      year: 2026,
    })
    expect(report).toMatchObject({ header: null, planYear: 2026, valid: false, tasks: [] })
    expect(report.issues.map((i) => i.code)).toEqual(['table/not-found'])
  })

  it('takes the plan year from --year over the title, and computes statuses as of asOf', () => {
    const grid = createPlanGrid([
      [1, 'Ban hành kế hoạch', 'Sở Nội vụ', null, 'Quý I', 'Đã hoàn thành', '20/03/2025'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', null, 'Quý II', 'Đang thực hiện'],
    ])
    const report = validateTable(grid, { asOf: '2025-09-14', year: 2025 })
    expect(report.planYear).toBe(2025)
    expect(report.tasks.map((t) => [t.stt, t.deadline?.due, t.status])).toEqual([
      ['1', '2025-03-31', 'done-on-time'],
      ['2', '2025-06-30', 'overdue'],
    ])
  })

  it('marks a provisional profile with an info issue', () => {
    const grid = createPlanGrid([[1, 'Kiểm tra CCHC', 'Sở Nội vụ', null, 'Quý IV/2026']])
    const profile = {
      name: 'Thử',
      year: 2026,
      provisional: true,
      items: { '1': { maxPoints: 1, method: 'self' as const, rule: 'binary' as const } },
    }
    const report = validateTable(grid, { asOf: '2026-09-14', profile })
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([
      ['report/provisional-profile', 'info'],
    ])
    expect(report.profile).toEqual({ name: 'Thử', provisional: true })
  })
})

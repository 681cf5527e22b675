import { describe, expect, it } from 'vitest'
import { computeMarkPlan } from '../../core/marks.ts'
import { validateTable } from '../../core/index.ts'
import { createGrid } from '../helpers/grid.ts'

describe('computeMarkPlan', () => {
  const report = validateTable(
    createGrid([
      ['KẾ HOẠCH NĂM 2026'],
      ['STT', 'Tên nhiệm vụ', 'ĐV chủ trì', 'Thời gian dự kiến hoàn thành', 'Nguồn kinh phí'],
      [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Quý II/2026', 'Ngân sách tỉnh'],
    ]),
    { asOf: '2026-09-14' },
  )
  const plan = computeMarkPlan(report)

  it('adds the computed columns after the table and colours the status', () => {
    expect(plan.columns.map((c) => [c.field, c.column, c.added])).toEqual([
      ['status', 'F', true],
      ['score', 'G', true],
      ['check', 'H', true],
    ])
    expect(plan.values).toContainEqual({ address: 'F3', value: 'Quá hạn', fill: 'FFFFC7CE' })
  })

  it('shows on the "Kiểm tra" sheet how every column was read', () => {
    const rows = plan.checkSheet.rows
    const start = rows.findIndex((r) => r[0] === 'CÁCH ĐỌC CỘT')
    const both = (cells: string) => `theo tiêu đề; ô trong cột: 1/1 là ${cells}`
    expect(rows.slice(start + 1, start + 7)).toEqual([
      ['Cột', 'Tiêu đề', 'Đọc là', 'Độ tin cậy', 'Căn cứ'],
      ['A', 'STT', 'Số thứ tự', 1, 'theo tiêu đề'],
      ['B', 'Tên nhiệm vụ', 'Nội dung nhiệm vụ', 1, both('nội dung công việc')],
      ['C', 'ĐV chủ trì', 'Cơ quan chủ trì', expect.any(Number), both('tên cơ quan')],
      ['D', 'Thời gian dự kiến hoàn thành', 'Thời hạn', expect.any(Number), both('thời hạn')],
      ['E', 'Nguồn kinh phí', 'không dùng', expect.any(Number), 'tiêu đề chỉ nội dung không dùng'],
    ])
    // The issue list follows, so its header comes after the mapping.
    expect(plan.checkSheet.headerIndex).toBeGreaterThan(start + 7)
  })

  it('marks a guessed column and gives the reason the cells gave', () => {
    const guessed = computeMarkPlan(
      validateTable(
        createGrid([
          ['KẾ HOẠCH NĂM 2026'],
          ['STT', 'Nội dung', 'Chủ trì', 'Thời điểm ghi nhận'],
          [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'abc'],
        ]),
        { asOf: '2026-09-14' },
      ),
    )
    expect(guessed.checkSheet.rows).toContainEqual([
      'D',
      'Thời điểm ghi nhận',
      'Thời hạn (đoán)',
      expect.any(Number),
      'theo tiêu đề',
    ])
  })
})

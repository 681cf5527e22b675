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
    // Laid out under the issue list's columns: letter in "Ô", header text in "Vấn đề", confidence in
    // "Mức độ", the reading in "Cách sửa".
    expect(rows.slice(start + 1, start + 7)).toEqual([
      ['Cột', null, 'Tiêu đề', 'Độ tin cậy', 'Đọc là'],
      ['A', null, 'STT', '100%', 'Số thứ tự'],
      ['B', null, 'Tên nhiệm vụ', '100%', 'Nội dung nhiệm vụ'],
      ['C', null, 'ĐV chủ trì', expect.stringMatching(/^\d+%$/), 'Cơ quan chủ trì'],
      ['D', null, 'Thời gian dự kiến hoàn thành', expect.stringMatching(/^\d+%$/), 'Thời hạn'],
      ['E', null, 'Nguồn kinh phí', expect.stringMatching(/^\d+%$/), 'không dùng'],
    ])
    // The issue list follows, so its header comes after the mapping.
    expect(plan.checkSheet.headerIndex).toBeGreaterThan(start + 7)
  })
})

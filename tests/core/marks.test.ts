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
    // Laid out under the issue list's columns: the letter in "Ô", the header text in "Vấn đề", the
    // confidence in "Mức độ", the reading and its reason in "Cách sửa".
    const sure = expect.stringMatching(/^\d+%$/)
    expect(rows.slice(start + 1, start + 7)).toEqual([
      ['Cột', null, 'Tiêu đề', 'Độ tin cậy', 'Đọc là — căn cứ'],
      ['A', null, 'STT', '100%', 'Số thứ tự — theo tiêu đề'],
      ['B', null, 'Tên nhiệm vụ', '100%', `Nội dung nhiệm vụ — ${both('nội dung công việc')}`],
      ['C', null, 'ĐV chủ trì', sure, `Cơ quan chủ trì — ${both('tên cơ quan')}`],
      ['D', null, 'Thời gian dự kiến hoàn thành', sure, `Thời hạn — ${both('thời hạn')}`],
      ['E', null, 'Nguồn kinh phí', sure, 'không dùng — tiêu đề chỉ nội dung không dùng'],
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
      null,
      'Thời điểm ghi nhận',
      expect.stringMatching(/^\d+%$/),
      'Thời hạn (đoán) — theo tiêu đề',
    ])
  })
})

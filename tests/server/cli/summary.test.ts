import { describe, expect, it } from 'vitest'
import { validateTable } from '../../../core/index.ts'
import { renderSummary } from '../../../server/cli/summary.ts'
import { createGrid } from '../../helpers/grid.ts'
import { buildTrackerCase } from '../../helpers/reading-cases.ts'

const report = validateTable(
  createGrid([
    ['KẾ HOẠCH NĂM 2026'],
    ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian dự kiến hoàn thành', 'Nguồn kinh phí'],
    [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Quý IV/2026', 'Ngân sách tỉnh'],
  ]),
  { asOf: '2026-09-14' },
)

describe('renderSummary', () => {
  it('shows how every column was read, in Vietnamese', () => {
    const text = renderSummary(report)
    expect(text).toContain('Cách đọc cột:')
    expect(text).toContain('  Cột D “Thời gian dự kiến hoàn thành” → Thời hạn')
    expect(text).toContain('  Cột E “Nguồn kinh phí” → không dùng')
  })

  it('shows it in English with --lang en', () => {
    const text = renderSummary(report, 'en')
    expect(text).toContain('How the columns were read:')
    expect(text).toContain('  Column D “Thời gian dự kiến hoàn thành” → Deadline')
  })

  it('says why a column was read by its cells, and marks a guessed column', () => {
    const tracker = buildTrackerCase()
    const text = renderSummary(validateTable(tracker.grid, { asOf: tracker.asOf }))
    expect(text).toContain(
      '  Cột F “Tiến độ thực hiện” → Thời hạn (chắc 71%) — ô trong cột: 36/36 là thời hạn',
    )
    expect(text).toContain(
      '  Cột A “STT” → Số thứ tự — theo tiêu đề; ô trong cột: 36/36 là số thứ tự',
    )
    const guessed = renderSummary(
      validateTable(
        createGrid([
          ['KẾ HOẠCH NĂM 2026'],
          ['STT', 'Nội dung', 'Chủ trì', 'Thời điểm ghi nhận'],
          [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'abc'],
        ]),
        { asOf: '2026-09-14' },
      ),
      'en',
    )
    expect(guessed).toContain(
      '  Column D “Thời điểm ghi nhận” → Deadline (guessed) — from the header',
    )
    expect(guessed).toContain('header/guessed-column')
  })
})

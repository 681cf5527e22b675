import { describe, expect, it } from 'vitest'
import { validateTable } from '../../../core/index.ts'
import { renderSummary } from '../../../server/cli/summary.ts'
import { createGrid } from '../../helpers/grid.ts'

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
})

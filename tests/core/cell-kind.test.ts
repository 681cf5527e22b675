import { describe, expect, it } from 'vitest'
import { readCellKind } from '../../core/cell-kind.ts'

describe('readCellKind', () => {
  it.each([
    ['Quý I/2026', 'period'],
    ['Tỉnh đoàn', 'agency'],
    ['Bưu điện tỉnh', 'agency'],
    ['HCTH/ Lộc, Minh', 'agency'],
    // Lists numbered or bulleted, bodies named by their kind, teams and faculties.
    ['(1) Giám đốc Trung tâm Chuyển đổi số; (2) Cục trưởng Cục Du lịch', 'agency'],
    ['Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh', 'agency'],
    ['Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan', 'agency'],
    ['Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ', 'agency'],
    ['Trung ương Mặt trận Tổ quốc Việt Nam', 'agency'],
    ['Khoa CNTT', 'agency'],
    ['Tổ Văn phòng', 'agency'],
    ['BCĐ xã + Sở KH&CN', 'agency'],
    // "phần đầu tư" (the investment part) is no "phấn đấu" (strive for); "Tổ 2" names no team.
    ['- Bộ Nông nghiệp và Môi trường (chủ trì phần đầu tư)', 'agency'],
    ['Tổ 2', 'text'],
    // A task code in any case numbers the rows.
    ['T076', 'numbering'],
    ['t076', 'numbering'],
    ['Tờ trình UBND tỉnh', 'product'],
    ['Phòng họp 2 tầng 3', 'text'],
    ['Thứ 5 hàng tuần', 'period'],
    // A day with its weekday or part of the day written before it.
    ['Thứ Năm, ngày 09/01/2025', 'period'],
    ['Sáng thứ Hai, 14/7/2025', 'period'],
    // A span of days, however its first day is written; a figure to reach by a year is an aim.
    ['25/12/2025 đến 04/01/2026', 'period'],
    ['10-12/8/2025', 'period'],
    ['2026 đạt 80%; 2030 đạt 100%', 'task'],
    // A time to finish by ("Xong trong Quý II/2026", "Hoàn thành quý II/2026") is a time; a report
    // that it was finished then is a progress.
    ['Xong trong Quý II/2026', 'period'],
    ['Hoàn thành quý II/2026', 'period'],
    ['Đã xong trong tháng 5/2026', 'progress'],
    // (so is a time planned: "Dự kiến tháng 10/2026")
    ['Dự kiến tháng 10/2026', 'period'],
    // A time spelled out in words is as short as it is in figures.
    ['Trong thời gian: từ ngày 03 tháng 2 năm 2020 đến ngày 01 tháng 12 năm 2020', 'period'],
    // Agencies named with their roles.
    ['Chủ trì: Sở Công Thương.\nPhối hợp: Sở Tài chính, UBND các xã', 'agency'],
    ['Sáng kiến cải cách hành chính', 'task'],
    ['Theo quy định', 'period'],
    ['20/05/2026', 'date'],
    ['0,5 ngày', 'duration'],
    ['Đã hoàn thành', 'progress'],
    ['Đang lấy ý kiến các đơn vị', 'progress'],
    ['x', 'progress'],
    ['100%', 'percent'],
    ['8%/năm', 'percent'],
    ['7,5% - 8,0%', 'percent'],
    ['≥ 95%', 'target'],
    ['Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng', 'target'],
    ['Tỷ lệ hồ sơ trực tuyến trên 95%', 'target'],
    // "trên địa bàn tỉnh" (in the province) is no "trên 95%".
    ['Hỗ trợ doanh nghiệp trên địa bàn tỉnh chuyển đổi số', 'task'],
    ['1.1', 'numbering'],
    ['II', 'numbering'],
    ['a)', 'numbering'],
    ['Sở Tư pháp, Sở Nội vụ', 'agency'],
    ['UBND các xã, phường', 'agency'],
    ['Đ/c Hùng', 'agency'],
    ['CV 694 ngày 16/3/2026', 'docref'],
    ['Quyết định số 12/QĐ-UBND ngày 1/2/2026', 'docref'],
    ['Kế hoạch của UBND tỉnh', 'product'],
    ['Ban hành Kế hoạch CCHC năm 2026', 'task'],
    ['Tổ chức hội nghị tập huấn nghiệp vụ', 'task'],
    ['Xây dựng Đảng trong sạch vững mạnh', 'task'],
    ['Tiếp tục rà soát, đơn giản hóa TTHC', 'task'],
    ['Kè chống sạt lở', 'text'],
    ['260514-01', 'numbering'],
    ['T076', 'numbering'],
    ['NV01', 'numbering'],
    // Abbreviated bodies, whatever letter follows a document's abbreviation ("BC", "KH").
    ['BCĐ', 'agency'],
    ['KHĐT', 'agency'],
    ['KH', 'text'],
    // A checkbox exported as text is a mark, not an abbreviated body.
    ['FALSE', 'progress'],
    ['TRUE', 'progress'],
    ['12/KH-UBND', 'docref'],
    ['2025-2026', 'period'],
    // People who do the work, written in capitals or with a name cut to its initial; a family name
    // that folds as a progress word does ("Đặng" as "đang") is still a name.
    ['BÙI HẢI PHƯƠNG', 'agency'],
    ['Đặng T.Ngọc Yến', 'agency'],
    ['ĐẶNG T.NGỌC YẾN', 'agency'],
    ['Ng.Mai Hương', 'agency'],
    ['Đặng tiến độ báo cáo', 'text'],
    ['ĐANG THỰC HIỆN', 'progress'],
    // A list of times, one a line after its label, is a time; a list of tasks is not.
    [
      '- Báo cáo tháng: Ngày 24 tháng báo cáo.\n- Báo cáo năm: Ngày 31 tháng 3 năm kế tiếp sau năm báo cáo.',
      'period',
    ],
    ['- Đợt 1: Quý I/2026\n- Đợt 2: Quý III/2026', 'period'],
    ['- Hội nghị sơ kết: tổ chức tại tỉnh\n- Hội nghị tổng kết: tổ chức tại xã', 'product'],
    ['dang thuc hien', 'progress'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(readCellKind(text)).toBe(kind)
  })

  it('reads a cell of many short lines in bounded time, each line read once', () => {
    const lines = (line: string) => Array.from({ length: 400 }, () => line).join('\n')
    for (const text of [
      lines('- a: Quý I/2026'),
      lines('-:'),
      lines('Tháng 1'),
      lines('x'.repeat(39) + ':'),
    ]) {
      const started = performance.now()
      readCellKind(text)
      readCellKind(text.slice(0, 400))
      expect(performance.now() - started).toBeLessThan(200)
    }
  })

  it('reads real dates, years and numbers from their values, and dashes as nothing', () => {
    expect(readCellKind({ date: '2026-05-01' })).toBe('date')
    expect(readCellKind(2026)).toBe('period')
    expect(readCellKind(3)).toBe('number')
    expect(readCellKind('–')).toBeNull()
    expect(readCellKind(null)).toBeNull()
  })
})

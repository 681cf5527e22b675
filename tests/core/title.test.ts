import { describe, expect, it } from 'vitest'
import { findTitleIssued, findTitleMonth, findTitleYear } from '../../core/title.ts'

describe('findTitleYear', () => {
  it.each<[string, number | null]>([
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026', 2026],
    ['Ke hoach CCHC nam 2025 cua UBND tinh', 2025],
    ['NHIỆM VỤ THÁNG 02/2026', 2026],
    [
      'KẾ HOẠCH 100 NGÀY\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026 của UBND thành phố)',
      2026,
    ],
    ['(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 14 tháng 7 năm 2025)', 2025],
    // "NĂM" names the plan year before any date in the title (the plan is signed the year before).
    ['KẾ HOẠCH CCHC NĂM 2026\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 20/12/2025)', 2026],
    ['PHỤ LỤC (Kèm theo Kế hoạch số 0156/KH-UBND)', null],
    // A year the work runs up to is its horizon: the span's first year, or the document's, is its year.
    ['DANH MỤC NHIỆM VỤ GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045', 2026],
    [
      'CHIẾN LƯỢC ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045\n(Kèm theo Quyết định số 9/QĐ-TTg ngày 14/7/2026)',
      2026,
    ],
    ['KẾ HOẠCH THỰC HIỆN ĐẾN HẾT NĂM 2030', 2030],
    ['Quyết định số 13/2026/QĐ-UBND', null],
    // A title cites older documents before its own date: the latest date is the document's.
    [
      'DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 66-NQ/TW NGÀY 30 THÁNG 4 NĂM 2025 CỦA BỘ CHÍNH TRỊ\n(Kèm theo Nghị quyết số 97/NQ-CP ngày 06 tháng 4 năm 2026 của Chính phủ)',
      2026,
    ],
    ['KẾ HOẠCH thực hiện Quyết định số 5/QĐ-TTg ngày 03/01/2025\n(ngày 10/02/2026)', 2026],
    // (a month's plan "THÁNG 02 NĂM 2026" still names its year)
    ['NHIỆM VỤ THÁNG 02 NĂM 2026', 2026],
  ])('reads "%s" as %s', (title, year) => {
    expect(findTitleYear(title)).toBe(year)
  })
})

describe('findTitleIssued', () => {
  it.each<[string, string | null]>([
    ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026 của UBND thành phố)', '2026-07-14'],
    ['(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 14 tháng 7 năm 2026)', '2026-07-14'],
    ['PHỤ LỤC\n(Kèm theo Kế hoạch số /KH-UBND ngày /12/2025 của UBND tỉnh Đắk Lắk)', null],
    ['(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND tỉnh)', null],
    ['BÁO CÁO TIẾN ĐỘ (Số liệu tính đến ngày 14/6/2026)', null],
    ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 31/02/2026)', null],
    // The document the table is attached to, not one its title cites.
    [
      'DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 66-NQ/TW NGÀY 30 THÁNG 4 NĂM 2025\n(Kèm theo Nghị quyết số 97/NQ-CP ngày 06 tháng 4 năm 2026 của Chính phủ)',
      '2026-04-06',
    ],
    [
      'Kế hoạch số 12/KH-UBND ngày 10/01/2026 thực hiện Quyết định số 5/QĐ-TTg ngày 03/01/2025',
      '2026-01-10',
    ],
  ])('reads "%s" as issued %s', (title, issued) => {
    expect(findTitleIssued(title)).toBe(issued)
  })
})

describe('findTitleMonth', () => {
  it.each([
    ['KẾ HOẠCH CÔNG TÁC THÁNG 10/2026', { year: 2026, month: 10 }],
    ['NHIỆM VỤ THÁNG 02 NĂM 2026', { year: 2026, month: 2 }],
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026', null],
    ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026)', null],
    ['(Kèm theo Quyết định số 12/QĐ-UBND ngày 14 tháng 7 năm 2026)', null],
  ])('reads the month a plan is for in "%s"', (title, month) => {
    expect(findTitleMonth(title)).toEqual(month)
  })
})

import { describe, expect, it } from 'vitest'
import { parseAmendedDocument, parseIssuingDocument } from '../../core/index.ts'

describe('parseIssuingDocument', () => {
  it.each([
    [
      [
        'KẾ HOẠCH CỤ THỂ …',
        '(Kèm theo Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh Đắk Lắk)',
      ],
      [],
      { kind: 'Kế hoạch', number: '0156/KH-UBND', date: '2025-12-26' },
    ],
    [
      ['(Ban hành kèm theo Quyết định số 12/2026/QĐ-UBND ngày 5 tháng 3 năm 2026 của UBND tỉnh)'],
      [],
      { kind: 'Quyết định', number: '12/2026/QĐ-UBND', date: '2026-03-05' },
    ],
    // Blanks left to be filled in are no number and no date; the heading supplies them.
    [
      ['(Kèm theo Kế hoạch số /KH-UBND ngày /12/2025 của UBND tỉnh Đắk Lắk)'],
      ['ỦY BAN NHÂN DÂN', 'Số: 0156/KH-UBND', 'Đắk Lắk, ngày 26 tháng 12 năm 2025'],
      { kind: 'Kế hoạch', number: '0156/KH-UBND', date: '2025-12-26' },
    ],
    [
      ['(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND tỉnh)'],
      [],
      { kind: 'Kế hoạch', number: null, date: null },
    ],
    [
      ['PHỤ LỤC'],
      ['Số: 45/QĐ-SNV', 'Buôn Ma Thuột, ngày 01/7/2026'],
      { kind: 'Quyết định', number: '45/QĐ-SNV', date: '2026-07-01' },
    ],
    [
      ['PHỤ LỤC'],
      ['Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021'],
      { kind: null, number: null, date: null },
    ],
  ])('reads %j (heading %j)', (title, heading, expected) => {
    expect(parseIssuingDocument(title, heading)).toEqual(expected)
  })
})

describe('parseAmendedDocument', () => {
  it('names the plan an amendment changes', () => {
    expect(
      parseAmendedDocument([
        'KẾ HOẠCH sửa đổi, bổ sung một số nội dung của Kế hoạch số 0156/KH-UBND ngày 26/12/2025',
      ]),
    ).toEqual({ kind: 'Kế hoạch', number: '0156/KH-UBND' })
    expect(parseAmendedDocument(['Bãi bỏ một phần Quyết định số 12/2026/QĐ-UBND'])).toEqual({
      kind: 'Quyết định',
      number: '12/2026/QĐ-UBND',
    })
    expect(parseAmendedDocument(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027'])).toBeNull()
  })
})

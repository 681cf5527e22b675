import { describe, expect, it } from 'vitest'
import {
  askPeriodMismatch,
  askSendWithErrors,
  computeReportState,
  describeReportState,
  describeTarget,
  parsePeriod,
  parseReturnReason,
  type Review,
} from '../../core/index.ts'

const review = (decision: Review['decision'], reason: string | null = null): Review => ({
  submissionId: 7,
  decision,
  reason,
  by: 'can-bo@sonoivu.daklak.gov.vn',
  at: '2026-09-18T02:00:00.000Z',
})

describe('a report’s life', () => {
  it('is not sent, sent, accepted or returned', () => {
    expect([
      computeReportState(false, null),
      computeReportState(true, null),
      computeReportState(true, review('accepted')),
      computeReportState(true, review('returned', 'Thiếu tài liệu kiểm chứng')),
    ]).toEqual(['missing', 'sent', 'accepted', 'returned'])
  })

  it('says "Trả lại: lý do" for a return, in Vietnamese and English', () => {
    expect(describeReportState('returned', 'Thiếu tài liệu kiểm chứng')).toEqual({
      vi: 'Trả lại: Thiếu tài liệu kiểm chứng',
      en: 'Returned: Thiếu tài liệu kiểm chứng',
    })
    expect(describeReportState('accepted')).toEqual({ vi: 'Đã tiếp nhận', en: 'Accepted' })
    expect(describeReportState('missing').vi).toBe('Chưa gửi')
  })

  it.each<[unknown, string | null]>([
    ['  Thiếu   tài liệu\nkiểm chứng ', 'Thiếu tài liệu kiểm chứng'],
    ['ok', null],
    ['', null],
    [null, null],
    [42, null],
    ['x'.repeat(501), null],
    ['x'.repeat(500), 'x'.repeat(500)],
  ])('reads the return reason %j as %j', (text, reason) => {
    expect(parseReturnReason(text)).toBe(reason)
  })
})

describe('the period a report goes to', () => {
  const q3 = parsePeriod('2026-Q3')!
  const q4 = parsePeriod('2026-Q4')!

  it('names the period and its report date', () => {
    expect(describeTarget(q3, '2026-09-14')).toEqual({
      vi: 'Quý III/2026 (số liệu đến 14/09/2026)',
      en: 'Quý III/2026 (data up to 14/09/2026)',
    })
  })

  it('asks only when the period does not hold the report date', () => {
    expect(askPeriodMismatch(q3, '2026-09-14')).toBeNull()
    expect(askPeriodMismatch(parsePeriod('2026')!, '2026-09-14')).toBeNull()
    expect(askPeriodMismatch(q4, '2026-09-14')).toEqual({
      vi: 'Số liệu đến ngày 14/09/2026 thuộc Quý III/2026, nhưng báo cáo sẽ được gửi vào Quý IV/2026. Vẫn gửi vào Quý IV/2026?',
      en: 'Data up to 14/09/2026 belongs to Quý III/2026, but the report will be sent to Quý IV/2026. Send it to Quý IV/2026 anyway?',
    })
  })

  it('asks before a report with errors is sent', () => {
    expect(askSendWithErrors(4).vi).toBe(
      'Báo cáo còn 4 lỗi: Sở Nội vụ có thể trả lại để sửa. Nên sửa các ô được đánh dấu đỏ trước khi gửi. Vẫn gửi?',
    )
  })
})

import { formatVietnameseDate, formatVietnamTime, type IsoDate } from './date.ts'
import type { Bilingual } from './issue.ts'
import { computeReportPeriod, isDateInPeriod, type Period } from './period.ts'
import type { ReportState, Review } from './report-state.ts'

// What the dashboard, the Excel task pane and the Sheets sidebar say about a report's life and the
// period it is sent to: one text for every surface.

export const reportStateLabels = {
  missing: { vi: 'Chưa gửi', en: 'Not sent' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
} as const satisfies Record<ReportState, Bilingual>

/**
 * A report's state as the agency reads it: "Trả lại: <lý do>" for a return.
 * @example describeReportState('returned', 'Thiếu tài liệu kiểm chứng').vi // 'Trả lại: Thiếu tài liệu kiểm chứng'
 */
export function describeReportState(state: ReportState, reason: string | null = null): Bilingual {
  const label = reportStateLabels[state]
  if (state !== 'returned' || !reason) return label
  return { vi: `${label.vi}: ${reason}`, en: `${label.en}: ${reason}` }
}

/**
 * Where an agency's report of a period stands at Sở Nội vụ, as the add-ins show it:
 * "Báo cáo Quý III/2026 tại Sở Nội vụ: Trả lại: <lý do>, phiên bản 1 (can-bo@…, 16/09/2026 09:00)."
 */
export function describeReportStanding(
  periodLabel: string,
  standing: { state: ReportState; version: number | null; review: Review | null },
): Bilingual {
  const state = describeReportState(standing.state, standing.review?.reason ?? null)
  const version = standing.version
    ? { vi: `, phiên bản ${standing.version}`, en: `, version ${standing.version}` }
    : { vi: '', en: '' }
  const by = standing.review
    ? ` (${standing.review.by}, ${formatVietnamTime(standing.review.at)})`
    : ''
  return {
    vi: `Báo cáo ${periodLabel} tại Sở Nội vụ: ${state.vi}${version.vi}${by}.`,
    en: `Report ${periodLabel} at Sở Nội vụ: ${state.en}${version.en}${by}.`,
  }
}

/** "Quý III/2026 (số liệu đến 14/09/2026)": where a report goes, said before it is sent. */
export function describeTarget(period: Period, asOf: IsoDate): Bilingual {
  const date = formatVietnameseDate(asOf)
  return {
    vi: `${period.label} (số liệu đến ${date})`,
    en: `${period.label} (data up to ${date})`,
  }
}

/**
 * The question asked before a report is sent to a period that does not hold its report date;
 * null when the period holds it (nothing to ask).
 */
export function askPeriodMismatch(chosen: Period, asOf: IsoDate): Bilingual | null {
  if (isDateInPeriod(asOf, chosen)) return null
  const own = computeReportPeriod(asOf, chosen.kind)
  const date = formatVietnameseDate(asOf)
  return {
    vi: `Số liệu đến ngày ${date} thuộc ${own.label}, nhưng báo cáo sẽ được gửi vào ${chosen.label}. Vẫn gửi vào ${chosen.label}?`,
    en: `Data up to ${date} belongs to ${own.label}, but the report will be sent to ${chosen.label}. Send it to ${chosen.label} anyway?`,
  }
}

/** The question asked before a report with errors is sent. */
export function askSendWithErrors(errors: number): Bilingual {
  return {
    vi: `Báo cáo còn ${errors} lỗi: Sở Nội vụ có thể trả lại để sửa. Nên sửa các ô được đánh dấu đỏ trước khi gửi. Vẫn gửi?`,
    en: `The report still has ${errors} errors: Sở Nội vụ may return it for correction. Fix the cells marked red before sending. Send anyway?`,
  }
}

import { describeReportState, formatVietnameseDate } from '../../core/index.ts'
import type { AgencyStatus, PeriodStatus } from './period-status.ts'

/** The two groups a province reports in: provincial departments and units, then communes and wards. */
export const agencyGroups = [
  { id: 'so', label: 'Sở, ban, ngành và đơn vị cấp tỉnh' },
  { id: 'xa', label: 'Xã, phường' },
] as const
export type AgencyGroupId = (typeof agencyGroups)[number]['id']

/** The group an agency belongs to (anything but a xã/phường reports with the provincial units). */
export function computeAgencyGroup(kind: string): AgencyGroupId {
  return kind === 'xa' ? 'xa' : 'so'
}

/** An agency whose report Sở Nội vụ still waits for. */
export type OutstandingAgency = {
  id: string
  name: string
  /** "Chưa gửi", or "Trả lại: <lý do>" while the corrected version has not come. */
  state: string
  daysLate: number | null
  contacts: string[]
}

/** The agencies still to send, by group. */
export type Outstanding = { group: (typeof agencyGroups)[number]; agencies: OutstandingAgency[] }[]

/**
 * Who has not sent (or was sent back and has not sent again), grouped provincial units first,
 * the longest late first within a group, in registry order otherwise.
 */
export function computeOutstanding(status: Pick<PeriodStatus, 'agencies'>): Outstanding {
  const waiting = status.agencies.filter((a) => a.state === 'missing' || a.state === 'returned')
  return agencyGroups.map((group) => ({
    group,
    agencies: waiting
      .filter((a) => computeAgencyGroup(a.kind) === group.id)
      .map((a, order) => ({ a, order }))
      .sort((x, y) => (y.a.daysLate ?? 0) - (x.a.daysLate ?? 0) || x.order - y.order)
      .map(({ a }) => describeOutstanding(a)),
  }))
}

function describeOutstanding(a: AgencyStatus): OutstandingAgency {
  return {
    id: a.id,
    name: a.name,
    state: describeReportState(a.state, a.review?.reason ?? null).vi,
    daysLate: a.daysLate,
    contacts: a.contacts,
  }
}

/**
 * The reminder to every agency still to send, as of the status's day: before the due date it asks
 * for the report by that date; after it, it says how late and asks for it at once (never a date
 * already past).
 */
export function buildMissingReminder(
  status: Pick<PeriodStatus, 'agencies' | 'label' | 'due' | 'today' | 'daysToDue'>,
): string {
  const names = computeOutstanding(status).flatMap((g) => g.agencies.map((a) => a.name))
  if (!names.length) return ''
  const due = formatVietnameseDate(status.due)
  const ask =
    status.daysToDue > 0
      ? `Đề nghị quý cơ quan hoàn thành và gửi báo cáo trước ngày ${due} (còn ${status.daysToDue} ngày).`
      : status.daysToDue === 0
        ? `Hạn gửi báo cáo là hôm nay, ngày ${due}; đề nghị quý cơ quan gửi báo cáo trong ngày.`
        : `Hạn gửi báo cáo là ngày ${due}, đã quá ${-status.daysToDue} ngày. Đề nghị quý cơ quan khẩn trương hoàn thành và gửi báo cáo về Sở Nội vụ ngay khi nhận được thông báo này.`
  return [
    `Kính gửi: ${names.join('; ')}.`,
    `Đến ngày ${formatVietnameseDate(status.today)}, Sở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${status.label} (hoặc bản đã sửa của báo cáo được trả lại) của quý cơ quan. ${ask}`,
  ].join('\n')
}

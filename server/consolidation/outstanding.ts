import { describeReportState } from '../../core/index.ts'
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

/**
 * Who has not sent (or was sent back and has not sent again), grouped provincial units first,
 * the longest late first within a group, in registry order otherwise.
 */
export function computeOutstanding(
  status: Pick<PeriodStatus, 'agencies'>,
): { group: (typeof agencyGroups)[number]; agencies: OutstandingAgency[] }[] {
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

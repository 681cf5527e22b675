import { foldText, reportStates, statusLabels, taskStatuses } from '../../../core/index.ts'
import { computeAgencyGroup, type AgencyGroupId } from '../../consolidation/outstanding.ts'
import type { AgencyStatus } from '../../consolidation/period-status.ts'

// What the overview's agency table can be narrowed to and ordered by: pure, so that the tiles, the
// filter boxes, the table and its printout all agree on one list.

/** The states a tile or the state box filters on, each with its test. */
export const stateFilters = [
  {
    id: 'missing',
    label: 'Chưa gửi',
    tile: 'Chưa gửi',
    test: (a: AgencyStatus) => a.state === 'missing',
  },
  {
    id: 'returned',
    label: 'Trả lại, chờ bản sửa',
    tile: 'Trả lại',
    test: (a: AgencyStatus) => a.state === 'returned',
  },
  {
    id: 'sent',
    label: 'Đã gửi, chờ tiếp nhận',
    tile: 'Chờ tiếp nhận',
    test: (a: AgencyStatus) => a.state === 'sent',
  },
  {
    id: 'accepted',
    label: 'Đã tiếp nhận',
    tile: 'Đã tiếp nhận',
    test: (a: AgencyStatus) => a.state === 'accepted',
  },
  {
    id: 'late',
    label: 'Trễ hạn',
    tile: 'Trễ hạn',
    test: (a: AgencyStatus) => (a.daysLate ?? 0) > 0,
  },
  {
    id: 'errors',
    label: 'Báo cáo có lỗi',
    tile: 'Có lỗi',
    test: (a: AgencyStatus) => a.submitted && a.errors > 0,
  },
  {
    id: 'overdue',
    label: 'Có nhiệm vụ quá hạn',
    tile: 'Việc quá hạn',
    test: (a: AgencyStatus) => a.submitted && a.byStatus.overdue > 0,
  },
] as const
export type StateFilterId = (typeof stateFilters)[number]['id']

export const groupFilters: { id: AgencyGroupId; label: string }[] = [
  { id: 'so', label: 'Sở, ban, ngành và đơn vị cấp tỉnh' },
  { id: 'xa', label: 'Xã, phường' },
]

export type Filters = { query: string; group: AgencyGroupId | ''; state: StateFilterId | '' }
export const noFilters: Filters = { query: '', group: '', state: '' }

/** The agencies the filters let through, in the registry's order. */
export function filterAgencies(agencies: AgencyStatus[], f: Filters): AgencyStatus[] {
  const query = foldText(f.query)
  const state = stateFilters.find((s) => s.id === f.state)
  return agencies.filter(
    (a) =>
      (!query || foldText(a.name).includes(query)) &&
      (!f.group || computeAgencyGroup(a.kind) === f.group) &&
      (!state || state.test(a)),
  )
}

/** The filters in words, for the sentence an empty result shows. */
export function describeFilters(f: Filters): string {
  const parts: string[] = []
  const state = stateFilters.find((s) => s.id === f.state)
  if (state) parts.push(`tình trạng “${state.label}”`)
  const group = groupFilters.find((g) => g.id === f.group)
  if (group) parts.push(`nhóm “${group.label}”`)
  if (f.query.trim()) parts.push(`tên có “${f.query.trim()}”`)
  return parts.join(', ')
}

/** A sortable column of the agency table: its heading and the value it sorts by. */
export type AgencyColumn = {
  id: string
  label: string
  numeric: boolean
  sortValue: (a: AgencyStatus) => string | number | null
}

const stateOrder = Object.fromEntries(reportStates.map((s, i) => [s, i]))

export const agencyColumns: AgencyColumn[] = [
  { id: 'name', label: 'Cơ quan', numeric: false, sortValue: (a) => a.name },
  { id: 'state', label: 'Tình trạng', numeric: false, sortValue: (a) => stateOrder[a.state]! },
  { id: 'daysLate', label: 'Số ngày trễ', numeric: true, sortValue: (a) => a.daysLate },
  { id: 'version', label: 'Phiên bản', numeric: true, sortValue: (a) => a.version },
  { id: 'submittedAt', label: 'Thời gian gửi', numeric: false, sortValue: (a) => a.submittedAt },
  {
    id: 'tasks',
    label: 'Số nhiệm vụ',
    numeric: true,
    sortValue: (a) => (a.submitted ? a.tasks : null),
  },
  ...taskStatuses.map((s) => ({
    id: s,
    label: statusLabels[s].vi,
    numeric: true,
    sortValue: (a: AgencyStatus) => (a.submitted ? a.byStatus[s] : null),
  })),
  { id: 'errors', label: 'Lỗi', numeric: true, sortValue: (a) => (a.submitted ? a.errors : null) },
  {
    id: 'warnings',
    label: 'Cảnh báo',
    numeric: true,
    sortValue: (a) => (a.submitted ? a.warnings : null),
  },
  {
    id: 'score',
    label: 'Điểm',
    numeric: true,
    sortValue: (a) => (a.score !== null && a.maxScore ? a.score / a.maxScore : null),
  },
  {
    id: 'evidence',
    label: 'Kiểm chứng được',
    numeric: true,
    sortValue: (a) => (a.evidence.done ? a.evidence.verifiable / a.evidence.done : null),
  },
]

export type Sort = { column: string; direction: 'ascending' | 'descending' }

const collator = new Intl.Collator('vi')

/**
 * Orders agencies by a column; agencies without a value (not sent) go last either way, ties keep
 * the registry's order.
 */
export function sortAgencies(agencies: AgencyStatus[], sort: Sort | null): AgencyStatus[] {
  const column = agencyColumns.find((c) => c.id === sort?.column)
  if (!column || !sort) return agencies
  const sign = sort.direction === 'ascending' ? 1 : -1
  return agencies
    .map((a, order) => ({ a, order, v: column.sortValue(a) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null)
        return x.v === y.v ? x.order - y.order : x.v === null ? 1 : -1
      const c =
        typeof x.v === 'number' && typeof y.v === 'number'
          ? x.v - y.v
          : collator.compare(String(x.v), String(y.v))
      return c * sign || x.order - y.order
    })
    .map(({ a }) => a)
}

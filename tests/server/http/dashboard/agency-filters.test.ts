import { describe, expect, it } from 'vitest'
import type { AgencyStatus } from '../../../../server/consolidation/period-status.ts'
import {
  describeFilters,
  filterAgencies,
  noFilters,
  sortAgencies,
} from '../../../../server/http/dashboard/agency-filters.ts'

const byStatus = { 'done-on-time': 0, 'done-late': 0, overdue: 0, ongoing: 0 }
const make = (a: Partial<AgencyStatus> & { id: string; name: string }) =>
  ({
    kind: 'so',
    submitted: true,
    state: 'sent',
    daysLate: null,
    tasks: 10,
    errors: 0,
    score: null,
    maxScore: null,
    evidence: { done: 0, verifiable: 0 },
    byStatus: { ...byStatus, 'not-started': 0, 'in-progress': 0, unknown: 0 },
    ...a,
  }) as AgencyStatus

const agencies = [
  make({ id: 'so-noi-vu', name: 'Sở Nội vụ', tasks: 59 }),
  make({ id: 'bmt', name: 'Phường Buôn Ma Thuột', kind: 'xa', tasks: 82, errors: 4 }),
  make({
    id: 'xa-a',
    name: 'Xã Ea Kao',
    kind: 'xa',
    submitted: false,
    state: 'missing',
    daysLate: 2,
    tasks: 0,
  }),
  make({ id: 'ubnd', name: 'Văn phòng UBND tỉnh', kind: 'other', tasks: 12, state: 'returned' }),
]
const ids = (list: AgencyStatus[]) => list.map((a) => a.id)

describe('the overview’s agency filters and order', () => {
  it('filters by name without diacritics, by group and by state', () => {
    expect(ids(filterAgencies(agencies, { ...noFilters, query: 'buon ma thuot' }))).toEqual(['bmt'])
    expect(ids(filterAgencies(agencies, { ...noFilters, group: 'so' }))).toEqual([
      'so-noi-vu',
      'ubnd',
    ])
    expect(ids(filterAgencies(agencies, { ...noFilters, state: 'errors' }))).toEqual(['bmt'])
    expect(ids(filterAgencies(agencies, { ...noFilters, state: 'late' }))).toEqual(['xa-a'])
    expect(ids(filterAgencies(agencies, { ...noFilters, state: 'returned' }))).toEqual(['ubnd'])
    expect(describeFilters({ query: ' ea ', group: 'xa', state: 'missing' })).toBe(
      'tình trạng “Chưa gửi”, nhóm “Xã, phường”, tên có “ea”',
    )
  })

  it('sorts any column either way, agencies without a value last, names in Vietnamese order', () => {
    expect(ids(sortAgencies(agencies, { column: 'tasks', direction: 'ascending' }))).toEqual([
      'ubnd',
      'so-noi-vu',
      'bmt',
      'xa-a',
    ])
    expect(ids(sortAgencies(agencies, { column: 'tasks', direction: 'descending' }))).toEqual([
      'bmt',
      'so-noi-vu',
      'ubnd',
      'xa-a',
    ])
    expect(ids(sortAgencies(agencies, { column: 'name', direction: 'ascending' }))).toEqual([
      'bmt',
      'so-noi-vu',
      'ubnd',
      'xa-a',
    ])
    expect(ids(sortAgencies(agencies, { column: 'daysLate', direction: 'descending' }))).toEqual([
      'xa-a',
      'so-noi-vu',
      'bmt',
      'ubnd',
    ])
    expect(sortAgencies(agencies, null)).toBe(agencies)
  })
})

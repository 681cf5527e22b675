import { signal } from '@preact/signals'
import { describeReportState } from '../../../core/index.ts'
import { agencyGroups, computeAgencyGroup } from '../../consolidation/outstanding.ts'
import type { AgencyStatus, PeriodStatus } from '../../consolidation/period-status.ts'
import {
  agencyColumns,
  describeFilters,
  filterAgencies,
  groupFilters,
  noFilters,
  sortAgencies,
  stateFilters,
  type Filters,
  type Sort,
} from './agency-filters.ts'
import { formatNumber, formatScore, formatShare, formatTime } from './format.ts'
import { formatRoute } from './state.ts'

/** The table's filters and order: kept across periods (they are the officer's, not the data's). */
export const filters = signal<Filters>(noFilters)
export const sort = signal<Sort | null>(null)

const sourceLabels = { upload: 'Tải lên', 'add-in': 'Bổ trợ Excel', 'google-sheet': 'Google Sheet' }

/** Where the agency's latest report came from, and its Google Sheet's last pull when it has one. */
function describeOrigin(a: AgencyStatus): string {
  const parts: string[] = []
  if (a.submitted && a.source) parts.push(`Nguồn: ${sourceLabels[a.source]}`)
  if (a.sheet) {
    if (a.sheet.pullError) parts.push(`Google Sheet: lần lấy gần nhất lỗi (${a.sheet.pullError})`)
    else if (a.sheet.pulledAt) parts.push(`Google Sheet: lấy lúc ${formatTime(a.sheet.pulledAt)}`)
    else parts.push('Google Sheet: đã đăng ký, chưa lấy')
  }
  return parts.join(' · ')
}

/** A cell's text for a column (the name column is rendered apart, as the row's header). */
function formatCell(a: AgencyStatus, id: string): string {
  if (id === 'state') return describeReportState(a.state, a.review?.reason ?? null).vi
  if (id === 'daysLate') return a.daysLate ? String(a.daysLate) : ''
  if (id === 'submittedAt') return formatTime(a.submittedAt)
  if (!a.submitted) return ''
  if (id === 'version') return String(a.version)
  if (id === 'tasks') return String(a.tasks)
  if (id === 'errors') return String(a.errors)
  if (id === 'warnings') return String(a.warnings)
  if (id === 'score') return formatScore(a.score, a.maxScore)
  if (id === 'evidence') return formatShare(a.evidence.verifiable, a.evidence.done)
  return formatNumber(a.byStatus[id as keyof AgencyStatus['byStatus']])
}

function SortHeader({ id, label }: { id: string; label: string }) {
  const s = sort.value
  const active = s?.column === id
  const next = (): Sort | null =>
    !active
      ? { column: id, direction: 'ascending' }
      : s.direction === 'ascending'
        ? { column: id, direction: 'descending' }
        : null
  return (
    <th scope="col" aria-sort={active ? s.direction : undefined}>
      <button type="button" class="sort" onClick={() => (sort.value = next())}>
        {label}
        <span aria-hidden="true">
          {active ? (s.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
      {/* Printed headings repeat on every page as plain text (a repeated button prints empty). */}
      <span class="print-label" aria-hidden="true">
        {label}
      </span>
    </th>
  )
}

function AgencyRow({ a }: { a: AgencyStatus }) {
  const origin = describeOrigin(a)
  return (
    <tr data-agency={a.id} class={`state-${a.state}`}>
      <th scope="row" data-label="Cơ quan">
        <a href={formatRoute({ page: 'agency', id: a.id })}>{a.name}</a>
        {origin && <small class="origin">{origin}</small>}
      </th>
      {agencyColumns.slice(1).map((c) => (
        <td
          key={c.id}
          data-label={c.label}
          data-column={c.id}
          class={`${c.numeric ? 'n' : ''}${c.id === 'overdue' && a.byStatus.overdue ? ' status-overdue' : ''}${c.id === 'errors' && a.errors ? ' has-errors' : ''}`}
        >
          {formatCell(a, c.id)}
        </td>
      ))}
    </tr>
  )
}

function FilterBar({ shown, total }: { shown: number; total: number }) {
  const f = filters.value
  const set = (change: Partial<Filters>) => (filters.value = { ...f, ...change })
  const s = sort.value
  return (
    <div class="filters no-print">
      <label>
        Tìm cơ quan
        <input
          id="search"
          type="search"
          value={f.query}
          placeholder="Ví dụ: buon ma thuot"
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
      </label>
      <label>
        Nhóm
        <select
          id="filter-kind"
          value={f.group}
          onChange={(e) => set({ group: e.currentTarget.value as Filters['group'] })}
        >
          <option value="">Tất cả cơ quan</option>
          {groupFilters.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tình trạng
        <select
          id="filter-state"
          value={f.state}
          onChange={(e) => set({ state: e.currentTarget.value as Filters['state'] })}
        >
          <option value="">Mọi tình trạng</option>
          {stateFilters.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sắp xếp theo
        <select
          id="sort-column"
          value={s ? `${s.column}|${s.direction}` : ''}
          onChange={(e) => {
            const [column = '', direction] = e.currentTarget.value.split('|')
            sort.value = column ? { column, direction: direction as Sort['direction'] } : null
          }}
        >
          <option value="">Thứ tự danh mục</option>
          {agencyColumns.flatMap((c) => [
            <option key={`${c.id}a`} value={`${c.id}|ascending`}>
              {c.label} (tăng dần)
            </option>,
            <option key={`${c.id}d`} value={`${c.id}|descending`}>
              {c.label} (giảm dần)
            </option>,
          ])}
        </select>
      </label>
      <span id="filter-count" role="status">
        Đang hiện {shown}/{total} cơ quan
      </span>
      <button type="button" id="print" onClick={() => window.print()}>
        In danh sách
      </button>
    </div>
  )
}

/**
 * Every registered agency, grouped sở, ban, ngành / xã, phường: filtered by the tiles and boxes,
 * sorted by any column (within its group), as cards on a phone, and printed whole with its
 * headings on every page.
 */
export function AgencyTable({ status }: { status: PeriodStatus }) {
  const f = filters.value
  const shown = sortAgencies(filterAgencies(status.agencies, f), sort.value)
  const described = describeFilters(f)
  return (
    <section id="agency-table" class="print-area" aria-labelledby="agency-table-title">
      <h2 id="agency-table-title">
        Tình hình theo cơ quan — {status.label}
        {described && <span class="filtered"> (lọc: {described})</span>}
      </h2>
      <FilterBar shown={shown.length} total={status.agencies.length} />
      {shown.length === 0 ? (
        <p class="empty" role="status">
          Không có cơ quan nào khớp với bộ lọc: {described}.{' '}
          <button type="button" onClick={() => (filters.value = noFilters)}>
            Bỏ lọc
          </button>
        </p>
      ) : (
        <div
          class="scroll wide"
          tabIndex={0}
          role="region"
          aria-label={`Bảng cơ quan, ${status.label}`}
        >
          <table class="agencies">
            <caption class="print-only">
              {status.label}: {shown.length}/{status.agencies.length} cơ quan
              {described ? ` (lọc: ${described})` : ''}
            </caption>
            <thead>
              <tr>
                {agencyColumns.map((c) => (
                  <SortHeader key={c.id} id={c.id} label={c.label} />
                ))}
              </tr>
            </thead>
            {agencyGroups.map((g) => {
              const members = shown.filter((a) => computeAgencyGroup(a.kind) === g.id)
              if (!members.length) return null
              return (
                <tbody key={g.id} data-group={g.id}>
                  <tr class="group">
                    <th scope="rowgroup" colSpan={agencyColumns.length}>
                      {g.label} ({members.length})
                    </th>
                  </tr>
                  {members.map((a) => (
                    <AgencyRow key={a.id} a={a} />
                  ))}
                </tbody>
              )
            })}
          </table>
        </div>
      )}
    </section>
  )
}

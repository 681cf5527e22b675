import type { PeriodStatus } from '../../consolidation/period-status.ts'
import { downloadFile, readJson } from './api.ts'
import { AgencyTable, filters } from './agency-table.tsx'
import { stateFilters, type StateFilterId } from './agency-filters.ts'
import { formatDate } from './format.ts'
import { MissingList } from './missing-list.tsx'
import { CompletionChart, CrossChecks, OverdueTasks, ProvinceTrend } from './province-review.tsx'
import { period, revision, showNotice, useResource } from './state.ts'
import { Upload } from './upload.tsx'

/** "Còn 3 ngày", "Hôm nay là hạn nộp", "Đã quá hạn 81 ngày": the deadline as quarter-end counts it. */
function DeadlineLine({ status }: { status: PeriodStatus }) {
  const days = status.daysToDue
  return (
    <p class="deadline">
      Số liệu đến {formatDate(status.cutOff)} · Hạn nộp {formatDate(status.due)} ·{' '}
      <strong class={days < 0 ? 'past' : 'ahead'}>
        {days > 0
          ? `còn ${days} ngày`
          : days === 0
            ? 'hôm nay là hạn nộp'
            : `đã quá hạn ${-days} ngày`}
      </strong>{' '}
      <span class="today">(hôm nay {formatDate(status.today)})</span>
    </p>
  )
}

/** The period's workbooks: the consolidated one, and the agencies to remind. */
function Downloads({ status }: { status: PeriodStatus }) {
  const get = (path: string, name: string) =>
    void downloadFile(path, name).catch((e: Error) =>
      showNotice(`Không tải được: ${e.message}`, 'error'),
    )
  const p = encodeURIComponent(status.period)
  return (
    <p class="buttons downloads no-print">
      <button
        type="button"
        id="download"
        onClick={() =>
          get(`/api/consolidated.xlsx?period=${p}`, `tong-hop-cchc-${status.period}.xlsx`)
        }
      >
        Tải sổ tổng hợp (.xlsx)
      </button>{' '}
      <button
        type="button"
        id="download-reminders"
        onClick={() => get(`/api/reminders.xlsx?period=${p}`, `don-doc-${status.period}.xlsx`)}
      >
        Danh sách cần đôn đốc (.xlsx)
      </button>
    </p>
  )
}

/** The tiles: how many agencies are in each state; a click filters the table to them. */
function Tiles({ status }: { status: PeriodStatus }) {
  const chosen = filters.value.state
  const choose = (id: StateFilterId) => {
    filters.value = { ...filters.value, state: chosen === id ? '' : id }
    document.getElementById('agency-table')?.scrollIntoView({ block: 'start' })
  }
  return (
    <div class="tiles" role="group" aria-label="Lọc bảng cơ quan theo tình trạng">
      {stateFilters.map((f) => {
        const count = status.agencies.filter(f.test).length
        return (
          <button
            key={f.id}
            type="button"
            id={`tile-${f.id}`}
            class={`tile tile-${f.id}${count ? '' : ' zero'}`}
            aria-pressed={chosen === f.id}
            onClick={() => choose(f.id)}
          >
            <span class="count">{count}</span>{' '}
            <span class="label" title={f.label}>
              {f.tile}
            </span>{' '}
            <span class="of">/{status.agencies.length} cơ quan</span>
          </button>
        )
      })}
    </div>
  )
}

/**
 * The overview at quarter-end: the deadline, the tiles, who has not sent (first, grouped, with days
 * late and contacts), the sortable agency table, overdue tasks, charts, cross-checks and the
 * upload on behalf of an agency. Everything renders from the status of the period asked for:
 * while it loads or after an error, no figure of another period is shown.
 */
export function Overview() {
  const p = period.value
  const status = useResource(`status|${p.id}|${revision.value}`, () =>
    readJson<PeriodStatus>(`/api/status?period=${encodeURIComponent(p.id)}`),
  )
  return (
    <>
      <section class="quarter" aria-labelledby="quarter-title">
        <h1 id="quarter-title">Báo cáo {p.label}</h1>
        {status.status === 'loading' && (
          <p class="loading" role="status">
            Đang tải số liệu {p.label}…
          </p>
        )}
        {status.status === 'error' && (
          <p class="failed" role="alert">
            Không tải được số liệu {p.label}: {status.message}{' '}
            <button type="button" onClick={() => revision.value++}>
              Thử lại
            </button>
          </p>
        )}
        {status.status === 'ready' && (
          <>
            <div class="deadline-row">
              <DeadlineLine status={status.data} />
              <Downloads status={status.data} />
            </div>
            <Tiles status={status.data} />
          </>
        )}
      </section>
      {status.status === 'ready' && (
        <>
          <MissingList status={status.data} />
          <AgencyTable status={status.data} />
          <OverdueTasks status={status.data} />
          <CompletionChart status={status.data} />
          <ProvinceTrend year={p.year} />
          <CrossChecks status={status.data} />
          <Upload key={status.data.period} status={status.data} />
        </>
      )}
    </>
  )
}

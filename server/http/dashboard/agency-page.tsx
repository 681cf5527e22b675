import { useState } from 'preact/hooks'
import { describeReportState, formatPeriod } from '../../../core/index.ts'
import type { HistoryEntry } from '../../consolidation/history.ts'
import type { AgencyStatus, PeriodStatus } from '../../consolidation/period-status.ts'
import type { Trends } from '../../consolidation/trends.ts'
import type { AgencyRecord } from '../../store/index.ts'
import { AgencySheetSection } from './agency-sheet.tsx'
import { readJson } from './api.ts'
import { Compare } from './compare.tsx'
import { formatDate, formatDaysLate, formatTime } from './format.ts'
import { Reminder } from './reminder.tsx'
import { ReviewActions } from './review-actions.tsx'
import { period, revision, useResource, user } from './state.ts'
import { TrendChart } from './trend-chart.tsx'
import { Issues, Versions } from './versions.tsx'

type History = { agency: AgencyRecord; submissions: HistoryEntry[] }

/** The report of the period on screen: its state ("Trả lại: lý do"), days late, who decided. */
function CurrentReport(props: {
  row: AgencyStatus | undefined
  status: PeriodStatus
  latest: HistoryEntry | undefined
  name: string
}) {
  const { row, status, latest, name } = props
  if (!row) return null
  const state = describeReportState(row.state, row.review?.reason ?? null).vi
  return (
    <section
      id="current-report"
      class={`current state-${row.state}`}
      aria-labelledby="current-title"
    >
      <h2 id="current-title">Báo cáo {status.label}</h2>
      <p id="report-state" class="state-line">
        <strong>{state}</strong>
        {row.submitted && ` — phiên bản ${row.version}, gửi lúc ${formatTime(row.submittedAt)}`}
        {row.daysLate ? ` (${formatDaysLate(row.daysLate)})` : ''}
      </p>
      {row.review && (
        <p class="decided">
          {row.review.decision === 'accepted' ? 'Tiếp nhận' : 'Trả lại'} bởi {row.review.by} lúc{' '}
          {formatTime(row.review.at)}.
          {row.review.decision === 'returned' &&
            ' Hãy sửa theo lý do trên rồi gửi lại: bản mới sẽ thành phiên bản tiếp theo.'}
        </p>
      )}
      {!row.submitted && (
        <p>
          Hạn nộp {formatDate(status.due)}
          {status.daysToDue < 0 ? `, đã quá ${-status.daysToDue} ngày.` : '.'}
        </p>
      )}
      {user.value?.role === 'admin' && latest && <ReviewActions version={latest} name={name} />}
    </section>
  )
}

/**
 * An agency's page for the period on screen. It is mounted anew for each agency and period (its key),
 * so every heading, picker and list starts from that agency's data; while data loads, it says so.
 */
export function AgencyPage({ id }: { id: string }) {
  const p = period.value
  const r = revision.value
  const history = useResource(`history|${id}|${r}`, () =>
    readJson<History>(`/api/agencies/${encodeURIComponent(id)}/history`),
  )
  const status = useResource(`status|${p.id}|${r}`, () =>
    readJson<PeriodStatus>(`/api/status?period=${encodeURIComponent(p.id)}`),
  )
  const trends = useResource(`trends|${p.year}|${r}`, () =>
    readJson<Trends>(`/api/trends?year=${p.year}`),
  )
  const [selected, setSelected] = useState<number | null>(null)
  if (history.status === 'error')
    return (
      <section>
        <h1>Không mở được trang cơ quan</h1>
        <p role="alert">{history.message}</p>
        <p>
          <a href="#/">← Về trang tổng hợp</a>
        </p>
      </section>
    )
  if (history.status === 'loading')
    return (
      <section>
        <h1>Trang cơ quan</h1>
        <p role="status">Đang tải trang cơ quan…</p>
      </section>
    )
  const { agency, submissions } = history.data
  const ofPeriod = submissions.filter((s) => s.period === p.id)
  const shown = selected ?? ofPeriod[0]?.id ?? submissions[0]?.id ?? null
  const row = status.status === 'ready' ? status.data.agencies.find((a) => a.id === id) : undefined
  const series =
    trends.status === 'ready' ? trends.data.agencies.find((a) => a.id === id) : undefined
  return (
    <>
      <section class="agency-head" aria-labelledby="agency-title">
        {user.value?.role === 'admin' && (
          <p class="no-print">
            <a href="#/">← Tất cả cơ quan</a>
          </p>
        )}
        <h1 id="agency-title">{agency.name}</h1>
        <p id="agency-summary">
          {submissions.length
            ? `${submissions.length} phiên bản đã gửi; mới nhất lúc ${formatTime(submissions[0]!.submittedAt)} (${formatPeriod(submissions[0]!.period)}).`
            : `${agency.name} chưa gửi phiên bản báo cáo nào.`}
        </p>
      </section>
      {status.status === 'loading' && <p role="status">Đang tải tình trạng {p.label}…</p>}
      {status.status === 'error' && (
        <p role="alert">
          Không tải được tình trạng {p.label}: {status.message}
        </p>
      )}
      {status.status === 'ready' && (
        <CurrentReport row={row} status={status.data} latest={ofPeriod[0]} name={agency.name} />
      )}
      {user.value?.role === 'agency' && <AgencySheetSection id={id} name={agency.name} />}
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Các phiên bản đã gửi</h2>
        <Versions
          name={agency.name}
          versions={submissions}
          selected={shown}
          onSelect={setSelected}
        />
      </section>
      <section id="issues" aria-labelledby="issues-heading">
        <h2 id="issues-heading">Vấn đề của báo cáo</h2>
        {shown === null ? (
          <p class="empty">Chưa có phiên bản nào để xem vấn đề.</p>
        ) : (
          <Issues key={shown} submissionId={shown} />
        )}
      </section>
      <section id="compare" aria-labelledby="compare-title">
        <h2 id="compare-title">So sánh hai phiên bản</h2>
        <Compare agencyId={id} versions={submissions} period={p.id} />
      </section>
      <section id="agency-trend" aria-labelledby="agency-trend-title">
        <h2 id="agency-trend-title">Xu hướng theo quý năm {p.year}</h2>
        {trends.status === 'loading' && <p role="status">Đang tải…</p>}
        {trends.status === 'error' && <p role="alert">Không tải được xu hướng: {trends.message}</p>}
        {trends.status === 'ready' &&
          (series && series.points.some((pt) => pt.submitted) ? (
            <TrendChart
              points={series.points}
              title={`Xu hướng của ${agency.name} năm ${p.year}`}
            />
          ) : (
            <p class="empty">
              {agency.name} chưa gửi báo cáo quý nào trong năm {p.year}.
            </p>
          ))}
      </section>
      {user.value?.role === 'admin' && status.status === 'ready' && row && (
        <Reminder agencyId={id} period={p.id} />
      )}
    </>
  )
}

import { crossCheckLabels } from '../../consolidation/crosscheck.ts'
import type { CrossCheck } from '../../consolidation/types.ts'
import type { PeriodStatus } from '../../consolidation/period-status.ts'
import type { Trends } from '../../consolidation/trends.ts'
import { readJson } from './api.ts'
import { formatDate, formatShare } from './format.ts'
import { formatRoute, revision, useResource } from './state.ts'
import { TrendChart } from './trend-chart.tsx'

/** Overdue tasks of every agency, oldest deadline first. */
export function OverdueTasks({ status }: { status: PeriodStatus }) {
  return (
    <section id="overdue" aria-labelledby="overdue-title">
      <h2 id="overdue-title">Nhiệm vụ quá hạn ({status.overdue.length})</h2>
      {status.overdue.length === 0 ? (
        <p class="empty">Không có nhiệm vụ quá hạn trong các báo cáo {status.label} đã nhận.</p>
      ) : (
        <div class="scroll short" tabIndex={0} role="region" aria-label="Nhiệm vụ quá hạn">
          <table>
            <thead>
              <tr>
                <th scope="col">Cơ quan</th>
                <th scope="col">STT</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Thời hạn</th>
                <th scope="col">Hạn</th>
                <th scope="col">Tiến độ</th>
              </tr>
            </thead>
            <tbody id="overdue-body">
              {status.overdue.map((t) => (
                <tr key={`${t.submissionId}-${t.row}`}>
                  <td>
                    <a href={formatRoute({ page: 'agency', id: t.agencyId })}>{t.agencyName}</a>
                  </td>
                  <td>{t.stt}</td>
                  <td>{t.content}</td>
                  <td>{t.deadlineText}</td>
                  <td>{formatDate(t.due)}</td>
                  <td>{t.progress}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** Each agency's done tasks as a bar, in percent with a decimal comma. */
export function CompletionChart({ status }: { status: PeriodStatus }) {
  const submitted = status.agencies.filter((a) => a.submitted)
  return (
    <section id="completion" aria-labelledby="completion-title">
      <h2 id="completion-title">Tỷ lệ hoàn thành theo cơ quan</h2>
      {submitted.length === 0 ? (
        <p class="empty">Chưa có cơ quan nào gửi báo cáo {status.label}.</p>
      ) : (
        <div
          id="chart"
          class="scroll short"
          tabIndex={0}
          role="region"
          aria-label="Tỷ lệ hoàn thành"
        >
          {submitted.map((a) => {
            const done = a.byStatus['done-on-time'] + a.byStatus['done-late']
            const share = a.tasks ? (done / a.tasks) * 100 : 0
            return (
              <div key={a.id} class="barrow">
                <span>{a.name}</span>
                <span class="track" aria-hidden="true">
                  <span class="bar" style={{ width: `${share}%` }} />
                </span>
                <span>{formatShare(done, a.tasks)}</span>
              </div>
            )
          })}
        </div>
      )}
    </section>
  )
}

/** The province's quarters of the year as a chart. */
export function ProvinceTrend({ year }: { year: number }) {
  const trends = useResource(`trends|${year}|${revision.value}`, () =>
    readJson<Trends>(`/api/trends?year=${year}`),
  )
  return (
    <section id="province-trend" aria-labelledby="trend-heading">
      <h2 id="trend-heading">Xu hướng toàn tỉnh theo quý năm {year}</h2>
      {trends.status === 'loading' && <p role="status">Đang tải…</p>}
      {trends.status === 'error' && <p role="alert">Không tải được xu hướng: {trends.message}</p>}
      {trends.status === 'ready' && (
        <TrendChart points={trends.data.province.points} title={`Xu hướng toàn tỉnh năm ${year}`} />
      )}
    </section>
  )
}

/** Contradictions between agencies' reports of the same task. */
export function CrossChecks({ status }: { status: PeriodStatus }) {
  const checks = useResource(`crosschecks|${status.period}|${revision.value}`, () =>
    readJson<{ findings: CrossCheck[] }>(`/api/crosschecks?period=${status.period}`),
  )
  const names = new Map(status.agencies.map((a) => [a.id, a.name]))
  const role = { lead: ' (chủ trì)', coop: ' (phối hợp)' }
  return (
    <section id="crosschecks" aria-labelledby="crosschecks-title">
      <h2 id="crosschecks-title">Đối chiếu giữa các cơ quan</h2>
      {checks.status === 'loading' && <p role="status">Đang tải…</p>}
      {checks.status === 'error' && <p role="alert">Không tải được: {checks.message}</p>}
      {checks.status === 'ready' && checks.data.findings.length === 0 && (
        <p class="empty">Không phát hiện mâu thuẫn giữa các báo cáo {status.label}.</p>
      )}
      {checks.status === 'ready' && checks.data.findings.length > 0 && (
        <div
          class="scroll short"
          tabIndex={0}
          role="region"
          aria-label="Đối chiếu giữa các cơ quan"
        >
          <table>
            <thead>
              <tr>
                <th scope="col">Loại</th>
                <th scope="col">STT</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Cơ quan báo cáo</th>
                <th scope="col">Chi tiết</th>
              </tr>
            </thead>
            <tbody id="crosscheck-body">
              {checks.data.findings.map((f, i) => (
                <tr key={i}>
                  <td>{crossCheckLabels[f.kind].vi}</td>
                  <td>{f.stt}</td>
                  <td>{f.content}</td>
                  <td>
                    {f.agencies
                      .map(
                        (a) =>
                          `${names.get(a.id) ?? a.id}${a.role ? role[a.role] : ''}${a.reported ? `: ${a.reported}` : ''}`,
                      )
                      .join('; ')}
                  </td>
                  <td>{f.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

import {
  describeReportState,
  formatPeriod,
  severityLabels,
  statusLabels,
  taskStatuses,
  type Report,
} from '../../../core/index.ts'
import type { HistoryEntry } from '../../consolidation/history.ts'
import { sourceLabels } from '../../intake/sources.ts'
import { downloadFile, readJson } from './api.ts'
import { formatScore, formatTime } from './format.ts'
import { showNotice, useResource } from './state.ts'

/** "Quý III/2026 — phiên bản 2". */
export function describeVersion(s: { period: string; version: number }): string {
  return `${formatPeriod(s.period)} — phiên bản ${s.version}`
}

/** The decisions on a version, as the audit trail reads: who, when, and why for a return. */
function describeDecisions(v: HistoryEntry): string {
  return v.reviews
    .map(
      (r) =>
        `${r.decision === 'accepted' ? 'Tiếp nhận' : `Trả lại (${r.reason ?? ''})`} bởi ${r.by} lúc ${formatTime(r.at)}`,
    )
    .join('; ')
}

/** Every version an agency sent: when, how, by whom, its counts, its state and the decisions on it. */
export function Versions(props: {
  name: string
  versions: HistoryEntry[]
  selected: number | null
  onSelect: (id: number) => void
}) {
  const { name, versions, selected, onSelect } = props
  if (!versions.length) return <p class="empty">{name} chưa gửi phiên bản báo cáo nào.</p>
  return (
    <div class="scroll short" tabIndex={0} role="region" aria-label="Các phiên bản đã gửi">
      <table>
        <thead>
          <tr>
            <th scope="col">Kỳ</th>
            <th scope="col">Phiên bản</th>
            <th scope="col">Thời gian gửi</th>
            <th scope="col">Nguồn</th>
            <th scope="col">Người gửi</th>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Lỗi</th>
            <th scope="col">Cảnh báo</th>
            <th scope="col">Điểm</th>
            <th scope="col">Tình trạng</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody id="version-body">
          {versions.map((s) => (
            <tr key={s.id} data-submission={s.id} class={s.id === selected ? 'selected' : ''}>
              <td>{formatPeriod(s.period)}</td>
              <td class="n">{s.version}</td>
              <td class={s.late ? 'late' : ''}>
                {formatTime(s.submittedAt)}
                {s.late ? ' (muộn)' : ''}
              </td>
              <td>{sourceLabels[s.source].vi}</td>
              <td>{s.sender}</td>
              <td class="n">{s.tasks}</td>
              <td class={`n${s.errors ? ' has-errors' : ''}`}>{s.errors}</td>
              <td class="n">{s.warnings}</td>
              <td class="n">{formatScore(s.score, s.maxScore)}</td>
              <td class={`state-${s.state}`}>
                {s.latest
                  ? describeReportState(s.state, s.review?.reason ?? null).vi
                  : 'Đã có bản mới hơn'}
                {s.reviews.length > 0 && <small class="decisions">{describeDecisions(s)}</small>}
              </td>
              <td>
                <button
                  type="button"
                  class="issues"
                  aria-pressed={s.id === selected}
                  onClick={() => onSelect(s.id)}
                >
                  Xem vấn đề
                </button>{' '}
                <button
                  type="button"
                  class="download"
                  onClick={() =>
                    void downloadFile(
                      `/api/submissions/${s.id}/file`,
                      `${s.agencyId}-${s.period}-v${s.version}.${s.contentType === 'application/json' ? 'json' : 'xlsx'}`,
                    ).catch((e: Error) => showNotice(`Không tải được: ${e.message}`, 'error'))
                  }
                >
                  Tải tệp gốc
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The issues of one version, with its counts by status; a clean version says so. */
export function Issues({ submissionId }: { submissionId: number }) {
  const s = useResource(`issues|${submissionId}`, () =>
    readJson<{ version: number; period: string; report: Report }>(
      `/api/submissions/${submissionId}`,
    ),
  )
  if (s.status === 'loading') return <p role="status">Đang tải các vấn đề…</p>
  if (s.status === 'error') return <p role="alert">Không tải được các vấn đề: {s.message}</p>
  const { report } = s.data
  return (
    <>
      <p id="issues-title" class="sub">
        Phiên bản đang xem: {describeVersion(s.data)}
      </p>
      <p id="issues-status">
        {taskStatuses
          .filter((t) => report.summary.byStatus[t])
          .map((t) => `${statusLabels[t].vi}: ${report.summary.byStatus[t]}`)
          .join(' · ')}
      </p>
      {report.issues.length === 0 ? (
        <p class="empty">Phiên bản này không có lỗi hay cảnh báo nào.</p>
      ) : (
        <div class="scroll short" tabIndex={0} role="region" aria-label="Các vấn đề của báo cáo">
          <table>
            <thead>
              <tr>
                <th scope="col">Mức độ</th>
                <th scope="col">Ô</th>
                <th scope="col">Nội dung</th>
              </tr>
            </thead>
            <tbody id="issues-body">
              {report.issues.map((issue, i) => (
                <tr key={i} data-code={issue.code}>
                  <td class={`severity-${issue.severity}`}>{severityLabels[issue.severity].vi}</td>
                  <td>{issue.row ? `${issue.column ?? ''}${issue.row}` : ''}</td>
                  <td>
                    {issue.message.vi} {issue.hint.vi}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

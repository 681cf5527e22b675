import { useRef } from 'preact/hooks'
import { buildMissingReminder, computeOutstanding } from '../../consolidation/outstanding.ts'
import type { PeriodStatus } from '../../consolidation/period-status.ts'
import { copyText, downloadFile } from './api.ts'
import { formatDaysLate } from './format.ts'
import { formatRoute, showNotice } from './state.ts'

/**
 * Who has not sent, on the first screen: grouped sở, ban, ngành / xã, phường, the longest late first,
 * each with its days late and whom to call; the list downloads as .xlsx and the reminder to all of
 * them copies in one click.
 */
export function MissingList({ status }: { status: PeriodStatus }) {
  const groups = computeOutstanding(status)
  const total = groups.reduce((n, g) => n + g.agencies.length, 0)
  const reminder = buildMissingReminder(status)
  const reachable = groups.reduce(
    (n, g) => n + g.agencies.filter((a) => a.contacts.length).length,
    0,
  )
  const area = useRef<HTMLTextAreaElement>(null)
  if (!total)
    return (
      <section id="missing" aria-labelledby="missing-title">
        <h2 id="missing-title">
          Tất cả {status.agencies.length} cơ quan đã gửi báo cáo {status.label}.
        </h2>
      </section>
    )
  return (
    <section id="missing" aria-labelledby="missing-title">
      <h2 id="missing-title">
        Chưa gửi báo cáo: {total}/{status.agencies.length} cơ quan
      </h2>
      <p class="buttons">
        <button
          type="button"
          id="download-missing"
          onClick={() =>
            void downloadFile(
              `/api/status/missing.xlsx?period=${encodeURIComponent(status.period)}`,
              `chua-gui-${status.period}.xlsx`,
            ).catch((e: Error) => showNotice(`Không tải được: ${e.message}`, 'error'))
          }
        >
          Tải danh sách (.xlsx)
        </button>{' '}
        <button
          type="button"
          id="copy-reminder"
          onClick={() =>
            void copyText(reminder, area.current ?? undefined).then(() =>
              showNotice(`Đã sao chép thư nhắc gửi ${total} cơ quan.`),
            )
          }
        >
          Sao chép thư nhắc
        </button>
      </p>
      <p class="note">
        Liên hệ: e-mail tài khoản của từng cơ quan
        {reachable < total
          ? `; ${total - reachable} cơ quan chưa có tài khoản (tạo ở trang “Tài khoản”).`
          : '.'}
      </p>
      <div
        class="missing-groups"
        tabIndex={0}
        role="region"
        aria-label="Danh sách cơ quan chưa gửi"
      >
        {groups
          .filter((g) => g.agencies.length)
          .map(({ group, agencies }) => (
            <div key={group.id} class="missing-group" data-group={group.id}>
              <h3>
                {group.label} ({agencies.length})
              </h3>
              <ul>
                {agencies.map((a) => (
                  <li key={a.id} data-agency={a.id}>
                    <a href={formatRoute({ page: 'agency', id: a.id })}>{a.name}</a>
                    {a.state !== 'Chưa gửi' && <span class="returned"> · {a.state}</span>}
                    {a.daysLate ? <span class="late"> · {formatDaysLate(a.daysLate)}</span> : null}
                    {a.contacts.length > 0 && (
                      <span class="contact"> · Liên hệ: {a.contacts.join(', ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </div>
      <details>
        <summary>Xem thư nhắc</summary>
        <label class="stack">
          Nội dung thư nhắc (dán vào thư điện tử hoặc văn bản)
          <textarea id="reminder" ref={area} readOnly value={reminder} rows={6} />
        </label>
      </details>
    </section>
  )
}

import { useRef, useState } from 'preact/hooks'
import {
  computeReportPeriod,
  formatPeriod,
  isDateInPeriod,
  listPeriodChoices,
  parsePeriod,
  type Period,
} from '../../../core/index.ts'
import type { PeriodStatus } from '../../consolidation/period-status.ts'
import { requestApi } from './api.ts'
import { AgencySelect } from './agency-select.tsx'
import { formatDate } from './format.ts'
import { revision, showNotice } from './state.ts'

type Receipt = {
  version: number
  period: string
  duplicate?: boolean
  report: { summary: { tasks: number }; errorCount: number; warningCount: number }
}

/** What the officer is told after an upload: never good news for a report with errors. */
function describeReceipt(r: Receipt, name: string): [string, 'ok' | 'warn'] {
  const where = `${name} cho ${formatPeriod(r.period)}`
  if (r.duplicate)
    return [`Tệp này giống hệt phiên bản ${r.version} đã nhận của ${where}; không lưu thêm.`, 'ok']
  const counts = `${r.report.summary.tasks} nhiệm vụ, ${r.report.errorCount} lỗi, ${r.report.warningCount} cảnh báo`
  if (r.report.errorCount > 0)
    return [
      `Đã lưu phiên bản ${r.version} của ${where} (${counts}), nhưng báo cáo còn lỗi: cần sửa trước khi tiếp nhận. Mở trang cơ quan để xem các lỗi và trả lại kèm lý do.`,
      'warn',
    ]
  return [`Đã nhận phiên bản ${r.version} của ${where}: ${counts}.`, 'ok']
}

/**
 * "Nộp thay cho cơ quan": an officer uploads an agency's workbook. The period it goes to is shown
 * (the period on screen by default) and confirmed before sending; a period that does not hold
 * today's date (an earlier quarter sent late, or a later one) is named in the question.
 */
export function Upload({ status }: { status: PeriodStatus }) {
  const [agency, setAgency] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [periodId, setPeriodId] = useState(status.period)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const confirmRef = useRef<HTMLDivElement>(null)
  const chosen: Period = parsePeriod(periodId) ?? parsePeriod(status.period)!
  const current = computeReportPeriod(status.today, chosen.kind)
  const years = [...new Set([status.today.slice(0, 4), String(chosen.year)].map(Number))].sort()
  const choices = years.flatMap((y) => listPeriodChoices(y))
  const name = status.agencies.find((a) => a.id === agency)?.name ?? agency

  const ask = (e: Event) => {
    e.preventDefault()
    if (!agency) return showNotice('Chọn cơ quan được nộp thay.', 'error')
    if (!file) return showNotice('Chọn tệp .xlsx cần nộp.', 'error')
    setAsking(true)
    setTimeout(() => confirmRef.current?.focus(), 0)
  }
  const send = () => {
    if (!file) return
    const form = new FormData()
    form.append('file', file)
    form.append('period', chosen.id)
    form.append('agency', agency)
    setBusy(true)
    showNotice(`Đang gửi và kiểm tra ${file.name} cho ${name}, ${chosen.label}…`)
    requestApi('/api/submissions', { method: 'POST', body: form })
      .then(async (res) => {
        const [text, kind] = describeReceipt((await res.json()) as Receipt, name)
        showNotice(text, kind)
        setAsking(false)
        revision.value++
      })
      .catch((error: Error) => showNotice(`Không nộp được: ${error.message}`, 'error'))
      .finally(() => setBusy(false))
  }

  return (
    <section id="upload" class="no-print" aria-labelledby="upload-title">
      <h2 id="upload-title">Nộp thay cho cơ quan</h2>
      <form id="upload-form" class="row" onSubmit={ask}>
        <AgencySelect id="upload-agency" label="Cơ quan" value={agency} onChange={setAgency} />
        <label class="file-pick">
          Tệp báo cáo (.xlsx)
          <span class="file-button">
            <input
              id="upload-file"
              type="file"
              accept=".xlsx"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <span aria-hidden="true">Chọn tệp…</span>
          </span>
          <span class="file-name">{file ? file.name : 'Chưa chọn tệp'}</span>
        </label>
        <label>
          Nộp vào kỳ
          <select
            id="upload-period"
            value={chosen.id}
            onChange={(e) => {
              setPeriodId(e.currentTarget.value)
              setAsking(false)
            }}
          >
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Nộp báo cáo
        </button>
      </form>
      <p id="upload-target">
        Báo cáo sẽ vào <strong>{chosen.label}</strong> (số liệu đến {formatDate(chosen.cutOff)}, hạn
        nộp {formatDate(chosen.due)}); máy chủ kiểm tra tệp với ngày số liệu này.
      </p>
      {asking && file && (
        <div
          id="upload-confirm"
          class="confirm"
          role="group"
          aria-labelledby="upload-question"
          tabIndex={-1}
          ref={confirmRef}
        >
          <p id="upload-question">
            Nộp tệp “{file.name}” thay cho <strong>{name}</strong> vào{' '}
            <strong>{chosen.label}</strong>?
            {!isDateInPeriod(status.today, chosen) &&
              ` Lưu ý: hôm nay (${formatDate(status.today)}) thuộc ${current.label}, không thuộc ${chosen.label}.`}
          </p>
          <p class="buttons">
            <button type="button" class="primary" id="upload-send" disabled={busy} onClick={send}>
              Nộp vào {chosen.label}
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              Hủy
            </button>
          </p>
        </div>
      )}
    </section>
  )
}

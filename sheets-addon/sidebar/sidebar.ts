import {
  askPeriodMismatch,
  askSendWithErrors,
  computeReportPeriod,
  describeReportStanding,
  describeTarget,
  formatColumnReading,
  formatVietnameseDate,
  formatVietnamTime,
  listPeriodChoices,
  parsePeriodInput,
  severityLabels,
  statusLabels,
  type Report,
  type TaskStatus,
} from '../../core/index.ts'
import type { ReportStanding } from '../code.ts'
import { filterProblems, formatIssueCell } from '../../core/index.ts'

/** The server functions of `code.ts` as `google.script.run` exposes them. */
type ServerFunctions = {
  readDefaults(): void
  checkActiveSheet(asOf: string, issued: string): void
  fixActiveSheet(asOf: string, issued: string): void
  clearActiveSheet(): void
  selectCell(sheet: string, address: string): void
  sendReport(period: string): void
  readReportState(period: string): void
  saveSettings(settings: { server: string; token: string }): void
}
type Runner = ServerFunctions & {
  withSuccessHandler(handler: (value: never) => void): Runner
  withFailureHandler(handler: (error: Error) => void): Runner
}
declare const google: { script: { run: Runner } }

/** A required element of the sidebar; missing markup is a bug, reported at once. */
function find<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`Thiếu phần tử #${id} trong bảng CCHC`)
  return element as T
}

const ui = {
  message: find<HTMLDivElement>('message'),
  asOf: find<HTMLInputElement>('as-of'),
  issued: find<HTMLInputElement>('issued'),
  check: find<HTMLButtonElement>('check'),
  fix: find<HTMLButtonElement>('fix'),
  clear: find<HTMLButtonElement>('clear'),
  summary: find<HTMLElement>('summary'),
  summaryLine: find<HTMLParagraphElement>('summary-line'),
  counts: find<HTMLTableSectionElement>('status-counts'),
  mapping: find<HTMLElement>('mapping'),
  mappingList: find<HTMLUListElement>('mapping-list'),
  problems: find<HTMLElement>('problems'),
  problemCount: find<HTMLSpanElement>('problem-count'),
  problemList: find<HTMLOListElement>('problem-list'),
  period: find<HTMLInputElement>('period'),
  periodChoices: find<HTMLDataListElement>('period-choices'),
  periodNote: find<HTMLParagraphElement>('period-note'),
  send: find<HTMLButtonElement>('send'),
  confirm: find<HTMLDivElement>('confirm'),
  confirmText: find<HTMLParagraphElement>('confirm-text'),
  confirmSend: find<HTMLButtonElement>('confirm-send'),
  confirmCancel: find<HTMLButtonElement>('confirm-cancel'),
  receipt: find<HTMLParagraphElement>('receipt'),
  reportState: find<HTMLParagraphElement>('report-state'),
  server: find<HTMLInputElement>('server'),
  token: find<HTMLInputElement>('token'),
  save: find<HTMLButtonElement>('save'),
}

function say(text: string, kind: 'info' | 'error' = 'info') {
  ui.message.textContent = text
  ui.message.className = kind
}

/** Whether the last report has automatic fixes ("Sửa tự động" is enabled only then). */
let fixable = false
/** The last check's report: sending asks first when it has errors. */
let lastReport: Report | null = null
/** Whether the person chose the period themselves (else it follows the report date). */
let periodChosen = false

function enableButtons() {
  for (const b of [ui.check, ui.clear, ui.send]) b.disabled = false
  ui.fix.disabled = !fixable
}

/** Calls a server function; failures are shown in Vietnamese in the pane. */
function call<T>(busy: string, run: (runner: Runner) => void, done: (value: T) => void) {
  say(busy)
  for (const b of [ui.check, ui.fix, ui.clear, ui.send]) b.disabled = true
  const runner = google.script.run
    .withSuccessHandler((value: never) => {
      enableButtons()
      say('')
      done(value as T)
    })
    .withFailureHandler((error: Error) => {
      enableButtons()
      say(error.message || 'Có lỗi xảy ra.', 'error')
    })
  run(runner)
}

function renderReport(report: Report) {
  ui.summary.hidden = false
  ui.summaryLine.textContent = `Trang “${report.sheet}”, ngày báo cáo ${formatVietnameseDate(report.asOf)}: ${report.summary.tasks} nhiệm vụ, ${report.errorCount} lỗi, ${report.warningCount} cảnh báo${report.summary.maxScore !== null ? `, điểm ${report.summary.score ?? 0}/${report.summary.maxScore}` : ''}.`
  ui.counts.replaceChildren(
    ...(Object.entries(report.summary.byStatus) as [TaskStatus, number][])
      .filter(([, n]) => n > 0)
      .map(([status, n]) => {
        const row = document.createElement('tr')
        const label = document.createElement('td')
        label.textContent = statusLabels[status].vi
        const count = document.createElement('td')
        count.textContent = String(n)
        row.append(label, count)
        return row
      }),
  )
  renderMapping(report)
  const problems = filterProblems(report.issues, 'all').filter((i) => i.severity !== 'info')
  ui.problems.hidden = problems.length === 0
  ui.problemCount.textContent = `(${problems.length})`
  ui.problemList.replaceChildren(
    ...problems.map((issue) => {
      const item = document.createElement('li')
      item.className = issue.severity
      const cell = formatIssueCell(issue)
      item.textContent = `${cell ?? '—'} · ${severityLabels[issue.severity].vi}: ${issue.message.vi}`
      item.title = issue.hint.vi
      if (cell)
        item.addEventListener('click', () =>
          call(
            '',
            (r) => r.selectCell(report.sheet, cell),
            () => undefined,
          ),
        )
      return item
    }),
  )
  fixable = report.issues.some((i) => i.fix !== undefined)
  ui.fix.disabled = !fixable
  lastReport = report
}

/** The period a report goes to: the one typed, else the quarter of the report date ("số liệu đến"). */
function readTarget() {
  const asOf = ui.asOf.value
  return { asOf, period: parsePeriodInput(ui.period.value) }
}

/** Shows where a report would go, and follows the report date until the person picks a period. */
function showTarget() {
  if (!periodChosen && /^\d{4}-\d{2}-\d{2}$/.test(ui.asOf.value))
    ui.period.value = computeReportPeriod(ui.asOf.value).label
  const { asOf, period } = readTarget()
  ui.periodNote.textContent = !period
    ? 'Chưa hiểu kỳ báo cáo: gõ như Quý III/2026, Quý 3/2026, Q3/2026, 6 tháng đầu năm 2026.'
    : `Báo cáo sẽ gửi vào ${describeTarget(period, asOf).vi}.`
  ui.periodChoices.replaceChildren(
    ...listPeriodChoices(Number(asOf.slice(0, 4)) || new Date().getFullYear()).map((p) => {
      const option = document.createElement('option')
      option.value = p.label
      return option
    }),
  )
}

/** Says where the agency's report of the period stands: "Trả lại: lý do" after a return. */
function showStanding(standing: ReportStanding | null, label: string) {
  ui.reportState.className = standing?.state === 'returned' ? 'returned' : ''
  if (!standing) {
    ui.reportState.textContent = ''
    return
  }
  ui.reportState.textContent = describeReportStanding(label, standing).vi
}

function refreshStanding() {
  const { period } = readTarget()
  if (!period) return
  google.script.run
    .withSuccessHandler((standing: never) => showStanding(standing, period.label))
    .withFailureHandler(() => (ui.reportState.textContent = ''))
    .readReportState(period.id)
}

function send(periodId: string, label: string) {
  ui.confirm.hidden = true
  call<{ id: number; version: number; period: string; submittedAt: string }>(
    'Đang gửi…',
    (r) => r.sendReport(periodId),
    (receipt) => {
      ui.receipt.textContent = `Đã gửi vào ${label}: phiên bản ${receipt.version} (mã ${receipt.id}) lúc ${formatVietnamTime(receipt.submittedAt)}.`
      refreshStanding()
    },
  )
}

/** How every column was read, with the guessed ones marked and the reason the cells gave. */
function renderMapping(report: Report) {
  const mapping = report.header?.mapping ?? []
  ui.mapping.hidden = mapping.length === 0
  ui.mappingList.replaceChildren(
    ...mapping.map((m) => {
      const item = document.createElement('li')
      if (m.guessed) item.className = 'guessed'
      const why = m.field && (m.basis !== 'words' || m.guessed) ? ` — ${m.reason.vi}` : ''
      item.textContent = `${formatColumnReading(m)}${why}`
      return item
    }),
  )
}

ui.check.addEventListener('click', () =>
  call<Report>(
    'Đang kiểm tra…',
    (r) => r.checkActiveSheet(ui.asOf.value, ui.issued.value),
    renderReport,
  ),
)
ui.fix.addEventListener('click', () =>
  call<{ fixed: number; report: Report }>(
    'Đang sửa…',
    (r) => r.fixActiveSheet(ui.asOf.value, ui.issued.value),
    ({ fixed, report }) => {
      renderReport(report)
      say(`Đã sửa ${fixed} ô và kiểm tra lại.`)
    },
  ),
)
ui.clear.addEventListener('click', () =>
  call<boolean>(
    'Đang xóa đánh dấu…',
    (r) => r.clearActiveSheet(),
    (cleared) => {
      ui.summary.hidden = true
      ui.problems.hidden = true
      say(
        cleared
          ? 'Đã xóa đánh dấu, trả lại hình thức ban đầu.'
          : 'Trang tính chưa có đánh dấu nào.',
      )
    },
  ),
)
// "Gửi báo cáo": the period is shown; a period that does not hold the report date, or a report with
// errors, is asked about before anything is sent.
ui.send.addEventListener('click', () => {
  const { asOf, period } = readTarget()
  if (!period) return say(ui.periodNote.textContent ?? '', 'error')
  if (!lastReport) return say('Hãy bấm “Kiểm tra” trước khi gửi báo cáo.', 'error')
  const questions = [
    askPeriodMismatch(period, asOf)?.vi,
    lastReport.errorCount ? askSendWithErrors(lastReport.errorCount).vi : undefined,
  ].filter((q): q is string => Boolean(q))
  if (!questions.length) return send(period.id, period.label)
  ui.confirmText.textContent = questions.join(' ')
  ui.confirmSend.textContent = `Vẫn gửi vào ${period.label}`
  ui.confirm.hidden = false
  ui.confirmSend.onclick = () => send(period.id, period.label)
  ui.confirmSend.focus()
})
ui.confirmCancel.addEventListener('click', () => {
  ui.confirm.hidden = true
  say('Chưa gửi báo cáo.')
})
ui.asOf.addEventListener('change', () => {
  ui.confirm.hidden = true
  showTarget()
  refreshStanding()
})
ui.period.addEventListener('change', () => {
  periodChosen = ui.period.value.trim() !== ''
  ui.confirm.hidden = true
  const period = parsePeriodInput(ui.period.value)
  if (period) ui.period.value = period.label
  showTarget()
  refreshStanding()
})
ui.save.addEventListener('click', () =>
  call<void>(
    'Đang lưu…',
    (r) => r.saveSettings({ server: ui.server.value, token: ui.token.value }),
    () => {
      ui.token.value = ''
      say('Đã lưu cài đặt.')
    },
  ),
)
call<{ asOf: string; period: string; server: string }>(
  '',
  (r) => r.readDefaults(),
  (d) => {
    ui.asOf.value = d.asOf
    ui.server.value = d.server
    showTarget()
    refreshStanding()
  },
)

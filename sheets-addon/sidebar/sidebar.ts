import {
  formatVietnameseDate,
  severityLabels,
  statusLabels,
  type Report,
  type TaskStatus,
} from '../../core/index.ts'
import { filterProblems, formatIssueCell } from '../../addin/taskpane/problems.ts'

/** The server functions of `code.ts` as `google.script.run` exposes them. */
type ServerFunctions = {
  readDefaults(): void
  checkActiveSheet(asOf: string, issued: string): void
  fixActiveSheet(asOf: string, issued: string): void
  clearActiveSheet(): void
  selectCell(sheet: string, address: string): void
  sendReport(period: string): void
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
  problems: find<HTMLElement>('problems'),
  problemCount: find<HTMLSpanElement>('problem-count'),
  problemList: find<HTMLOListElement>('problem-list'),
  period: find<HTMLInputElement>('period'),
  send: find<HTMLButtonElement>('send'),
  receipt: find<HTMLParagraphElement>('receipt'),
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
ui.send.addEventListener('click', () =>
  call<{ id: number; version: number; submittedAt: string }>(
    'Đang gửi…',
    (r) => r.sendReport(ui.period.value.trim()),
    (receipt) => {
      ui.receipt.textContent = `Đã gửi: lần ${receipt.version}, mã ${receipt.id}, lúc ${new Date(receipt.submittedAt).toLocaleString('vi-VN')}.`
    },
  ),
)
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
    ui.period.value = d.period
    ui.server.value = d.server
  },
)

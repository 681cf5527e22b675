import { foldText, formatVietnameseDate, statusLabels, taskStatuses } from '../../../core/index.ts'
import type { CrossCheck } from '../../consolidation/types.ts'
import type { AgencyStatus, PeriodStatus } from '../../consolidation/period-status.ts'
import type { Trends } from '../../consolidation/trends.ts'
import { $, appendCell, formatTime } from './dom.ts'
import { renderTrendChart } from './trend-chart.ts'

const statusColumns = taskStatuses.map((s) => ({ id: s, label: statusLabels[s].vi }))
const crossCheckNames = {
  'state-conflict': 'Chủ trì và phối hợp trái ngược',
  'date-conflict': 'Ngày hoàn thành khác nhau',
  'self-score': 'Điểm tự chấm cao hơn kết quả',
  'plan-altered': 'Sửa cột của kế hoạch',
  'task-missing': 'Thiếu nhiệm vụ phải thực hiện',
  'task-removed': 'Nhiệm vụ đã bãi bỏ',
} as const
const groups = [
  { kinds: ['so', 'other'], label: 'Sở, ban, ngành và đơn vị cấp tỉnh' },
  { kinds: ['xa'], label: 'Xã, phường' },
]

function formatShare(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : '—'
}

/** The tiles, the grouped agency table, the completion chart, the missing list and overdue tasks. */
export function renderOverview(data: PeriodStatus): void {
  $('period-label').textContent =
    `${data.label} — số liệu đến ${formatVietnameseDate(data.cutOff)}, hạn nộp ${formatVietnameseDate(data.due)}`
  const submitted = data.agencies.filter((a) => a.submitted)
  const missing = data.agencies.filter((a) => !a.submitted)
  $('tile-submitted').textContent = `${submitted.length}/${data.agencies.length}`
  $('tile-tasks').textContent = String(submitted.reduce((n, a) => n + a.tasks, 0))
  $('tile-overdue').textContent = String(submitted.reduce((n, a) => n + a.byStatus.overdue, 0))
  $('tile-late').textContent = String(submitted.filter((a) => a.late).length)
  const done = submitted.reduce((n, a) => n + a.evidence.done, 0)
  $('tile-evidence').textContent = formatShare(
    submitted.reduce((n, a) => n + a.evidence.verifiable, 0),
    done,
  )
  renderAgencyTable(data.agencies)
  renderCompletionChart(submitted)
  $('missing-list').textContent = missing.length
    ? missing.map((a) => a.name).join('; ')
    : 'Tất cả cơ quan đã nộp.'
  $<HTMLTextAreaElement>('reminder').value = missing.length
    ? `Kính gửi: ${missing.map((a) => a.name).join('; ')}.\nSở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${data.label}. Đề nghị quý cơ quan hoàn thành và gửi báo cáo trước ngày ${formatVietnameseDate(data.due)}.`
    : ''
  const ob = $('overdue-body')
  ob.textContent = ''
  for (const t of data.overdue) {
    const tr = document.createElement('tr')
    for (const v of [
      t.agencyName,
      t.stt,
      t.content,
      t.deadlineText,
      t.due ? formatVietnameseDate(t.due) : '',
      t.progress,
    ])
      appendCell(tr, v)
    ob.appendChild(tr)
  }
  if (!data.overdue.length) {
    const tr = document.createElement('tr')
    appendCell(tr, 'Không có nhiệm vụ quá hạn.').colSpan = 6
    ob.appendChild(tr)
  }
  const select = $<HTMLSelectElement>('upload-agency')
  const chosen = select.value
  select.textContent = ''
  for (const a of data.agencies) select.appendChild(new Option(a.name, a.id))
  if (chosen) select.value = chosen
}

function renderAgencyTable(agencies: AgencyStatus[]): void {
  const head = $('agency-head')
  head.textContent = ''
  const hr = document.createElement('tr')
  for (const h of [
    'Cơ quan',
    'Tình trạng',
    'Phiên bản',
    'Thời gian nộp',
    'Số nhiệm vụ',
    ...statusColumns.map((s) => s.label),
    'Lỗi',
    'Cảnh báo',
    'Điểm',
    'Kiểm chứng được',
  ]) {
    const th = document.createElement('th')
    th.textContent = h
    hr.appendChild(th)
  }
  head.appendChild(hr)
  const body = $('agency-body')
  body.textContent = ''
  for (const group of groups) {
    const members = agencies.filter((a) => group.kinds.includes(a.kind))
    if (!members.length) continue
    const gr = document.createElement('tr')
    gr.className = 'group'
    gr.dataset.group = group.kinds[0]
    appendCell(gr, `${group.label} (${members.length})`).colSpan = 10 + statusColumns.length
    body.appendChild(gr)
    for (const a of members) body.appendChild(renderAgencyRow(a))
  }
  applyFilters()
}

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

function renderAgencyRow(a: AgencyStatus): HTMLTableRowElement {
  const tr = document.createElement('tr')
  tr.dataset.agency = a.id
  tr.dataset.kind = a.kind === 'xa' ? 'xa' : 'so'
  tr.dataset.search = foldText(a.name)
  tr.dataset.state = [
    a.submitted ? 'submitted' : 'missing',
    a.late ? 'late' : '',
    a.errors ? 'errors' : '',
  ].join(' ')
  const name = appendCell(tr, '')
  const link = document.createElement('a')
  link.href = `#/agency/${encodeURIComponent(a.id)}`
  link.textContent = a.name
  name.appendChild(link)
  const origin = describeOrigin(a)
  if (origin) {
    const small = document.createElement('small')
    small.className = 'origin'
    small.textContent = origin
    name.append(document.createElement('br'), small)
  }
  appendCell(
    tr,
    a.submitted ? (a.late ? 'Đã nộp (muộn)' : 'Đã nộp') : 'Chưa nộp',
    a.submitted ? (a.late ? 'late' : '') : 'missing',
  )
  appendCell(tr, a.version, 'n')
  appendCell(tr, formatTime(a.submittedAt))
  appendCell(tr, a.submitted ? a.tasks : '', 'n')
  for (const s of statusColumns)
    appendCell(
      tr,
      a.submitted ? a.byStatus[s.id] : '',
      `n${s.id === 'overdue' && a.byStatus.overdue ? ' status-overdue' : ''}`,
    )
  appendCell(tr, a.submitted ? a.errors : '', 'n')
  appendCell(tr, a.submitted ? a.warnings : '', 'n')
  appendCell(tr, a.score === null ? '' : `${a.score}/${a.maxScore}`, 'n')
  appendCell(tr, a.submitted ? formatShare(a.evidence.verifiable, a.evidence.done) : '', 'n')
  return tr
}

/** Shows the rows matching the search text, kind and state; hides empty groups. Fast: no re-render. */
export function applyFilters(): void {
  const query = foldText($<HTMLInputElement>('search').value)
  const kind = $<HTMLSelectElement>('filter-kind').value
  const state = $<HTMLSelectElement>('filter-state').value
  let shown = 0
  let total = 0
  const visibleByGroup = new Map<string, number>()
  for (const tr of $('agency-body').querySelectorAll<HTMLTableRowElement>('tr[data-agency]')) {
    total++
    const visible =
      (!query || (tr.dataset.search ?? '').includes(query)) &&
      (!kind || tr.dataset.kind === kind) &&
      (!state || (tr.dataset.state ?? '').split(' ').includes(state))
    tr.hidden = !visible
    if (visible) {
      shown++
      visibleByGroup.set(tr.dataset.kind!, (visibleByGroup.get(tr.dataset.kind!) ?? 0) + 1)
    }
  }
  for (const gr of $('agency-body').querySelectorAll<HTMLTableRowElement>('tr.group'))
    gr.hidden = !visibleByGroup.get(gr.dataset.group!)
  $('filter-count').textContent = `${shown}/${total} cơ quan`
}

function renderCompletionChart(submitted: AgencyStatus[]): void {
  const chart = $('chart')
  chart.textContent = ''
  for (const a of submitted) {
    const done = a.byStatus['done-on-time'] + a.byStatus['done-late']
    const pct = a.tasks ? Math.round((done / a.tasks) * 1000) / 10 : 0
    const row = document.createElement('div')
    row.className = 'barrow'
    const name = document.createElement('span')
    name.textContent = a.name
    const track = document.createElement('div')
    const bar = document.createElement('div')
    bar.className = 'bar'
    bar.style.width = `${pct}%`
    track.appendChild(bar)
    const value = document.createElement('span')
    value.textContent = `${pct}%`
    row.append(name, track, value)
    chart.appendChild(row)
  }
  if (!submitted.length) chart.textContent = 'Chưa có cơ quan nào nộp báo cáo kỳ này.'
}

/** The province's quarters as a chart. */
export function renderProvinceTrend(trends: Trends): void {
  renderTrendChart($('province-trend'), trends.province.points)
}

/** The cross-checks between agencies' reports. */
export function renderCrossChecks(findings: CrossCheck[], names: Map<string, string>): void {
  const body = $('crosscheck-body')
  body.textContent = ''
  for (const f of findings) {
    const tr = document.createElement('tr')
    appendCell(tr, crossCheckNames[f.kind])
    appendCell(tr, f.stt)
    appendCell(tr, f.content)
    appendCell(
      tr,
      f.agencies
        .map(
          (a) =>
            `${names.get(a.id) ?? a.id}${a.role === 'lead' ? ' (chủ trì)' : a.role === 'coop' ? ' (phối hợp)' : ''}: ${a.reported}`,
        )
        .join('; '),
    )
    appendCell(tr, f.detail)
    body.appendChild(tr)
  }
  if (!findings.length) {
    const tr = document.createElement('tr')
    appendCell(tr, 'Không phát hiện mâu thuẫn giữa các báo cáo.').colSpan = 5
    body.appendChild(tr)
  }
}

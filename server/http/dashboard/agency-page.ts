import {
  diffFieldLabels,
  formatPeriod,
  severityLabels,
  statusLabels,
  taskStatuses,
  type Report,
  type RowDiff,
} from '../../../core/index.ts'
import type { HistoryEntry } from '../../consolidation/history.ts'
import { sourceLabels } from '../../intake/sources.ts'
import type { Trends } from '../../consolidation/trends.ts'
import { $, appendCell, downloadFile, formatTime, readJson, showMessage } from './dom.ts'
import { renderTrendChart } from './trend-chart.ts'

type History = { agency: { id: string; name: string; kind: string }; submissions: HistoryEntry[] }
type DiffAnswer = {
  from: { id: number; period: string; version: number }
  to: { id: number; period: string; version: number }
  diff: RowDiff
}

let current: History | null = null

function describeVersion(s: { period: string; version: number }): string {
  return `${formatPeriod(s.period)} — phiên bản ${s.version}`
}

/** Opens an agency's page: versions, comparison, trend, issues of the latest version, reminder. */
export async function loadAgencyPage(id: string, period: string): Promise<void> {
  const history = await readJson<History>(`/api/agencies/${encodeURIComponent(id)}/history`)
  current = history
  $('agency-title').textContent = history.agency.name
  $('agency-summary').textContent = history.submissions.length
    ? `${history.submissions.length} phiên bản đã nộp; mới nhất lúc ${formatTime(history.submissions[0]!.submittedAt)}.`
    : 'Cơ quan chưa nộp phiên bản nào.'
  renderVersions(history.submissions)
  const from = $<HTMLSelectElement>('compare-from')
  const to = $<HTMLSelectElement>('compare-to')
  from.textContent = ''
  to.textContent = ''
  for (const s of history.submissions) {
    const label = `${describeVersion(s)} (${formatTime(s.submittedAt)})`
    from.appendChild(new Option(label, String(s.id)))
    to.appendChild(new Option(label, String(s.id)))
  }
  $('diff-body').textContent = ''
  $('diff-summary').textContent = ''
  if (history.submissions.length > 1) {
    to.value = String(history.submissions[0]!.id)
    from.value = String(history.submissions[1]!.id)
    await compareVersions()
  }
  if (history.submissions[0]) await loadIssues(history.submissions[0].id)
  else {
    $('issues-body').textContent = ''
    $('issues-status').textContent = ''
  }
  const year = Number(period.slice(0, 4))
  const trends = await readJson<Trends>(`/api/trends?year=${year}`)
  const series = trends.agencies.find((a) => a.id === id)
  if (series) renderTrendChart($('agency-trend'), series.points)
  await renderAgencyReminder(id, period)
}

function renderVersions(submissions: HistoryEntry[]): void {
  const body = $('version-body')
  body.textContent = ''
  for (const s of submissions) {
    const tr = document.createElement('tr')
    tr.dataset.submission = String(s.id)
    appendCell(tr, formatPeriod(s.period))
    appendCell(tr, s.version, 'n')
    appendCell(tr, `${formatTime(s.submittedAt)}${s.late ? ' (muộn)' : ''}`, s.late ? 'late' : '')
    appendCell(tr, sourceLabels[s.source].vi)
    appendCell(tr, s.sender)
    appendCell(tr, s.tasks, 'n')
    appendCell(tr, s.errors, 'n')
    appendCell(tr, s.warnings, 'n')
    appendCell(tr, s.score === null ? '' : `${s.score}/${s.maxScore}`, 'n')
    const actions = appendCell(tr, '')
    const issues = document.createElement('button')
    issues.textContent = 'Vấn đề'
    issues.addEventListener('click', () => void loadIssues(s.id))
    const download = document.createElement('button')
    download.textContent = 'Tải về'
    const ext = s.contentType === 'application/json' ? 'json' : 'xlsx'
    download.addEventListener('click', () =>
      downloadFile(
        `/api/submissions/${s.id}/file`,
        `${s.agencyId}-${s.period}-v${s.version}.${ext}`,
      ).catch((e: Error) => showMessage(`Không tải được: ${e.message}`, 'error')),
    )
    actions.append(issues, ' ', download)
    body.appendChild(tr)
  }
}

/** Compares the two versions chosen, or (quarter) the latest of this period with the previous period's. */
export async function compareVersions(quarter?: string): Promise<void> {
  if (!current) return
  const id = encodeURIComponent(current.agency.id)
  const query = quarter
    ? `to=${encodeURIComponent(quarter)}`
    : `from=${$<HTMLSelectElement>('compare-from').value}&to=${$<HTMLSelectElement>('compare-to').value}`
  let answer: DiffAnswer
  try {
    answer = await readJson<DiffAnswer>(`/api/agencies/${id}/diff?${query}`)
  } catch (e) {
    showMessage(`Không so sánh được: ${(e as Error).message}`, 'error')
    return
  }
  renderDiff(answer)
}

function renderDiff({ from, to, diff }: DiffAnswer): void {
  $('diff-from-head').textContent = describeVersion(from)
  $('diff-to-head').textContent = describeVersion(to)
  $('diff-summary').textContent =
    `${diff.changed.length} nhiệm vụ thay đổi, ${diff.added.length} thêm, ${diff.removed.length} bớt, ${diff.unchanged} giữ nguyên.`
  const body = $('diff-body')
  body.textContent = ''
  for (const c of diff.changed)
    c.changes.forEach((f, i) => {
      const tr = document.createElement('tr')
      tr.className = 'changed'
      tr.dataset.row = String(c.afterRow)
      appendCell(tr, i === 0 ? c.stt : '')
      appendCell(tr, i === 0 ? c.content : '')
      appendCell(tr, diffFieldLabels[f.field].vi)
      appendCell(tr, f.field === 'status' && f.before ? formatStatus(f.before) : f.before, 'before')
      appendCell(tr, f.field === 'status' && f.after ? formatStatus(f.after) : f.after, 'after')
      body.appendChild(tr)
    })
  for (const [rows, kind, label] of [
    [diff.added, 'added', 'Thêm'],
    [diff.removed, 'removed', 'Bớt'],
  ] as const)
    for (const r of rows) {
      const tr = document.createElement('tr')
      tr.className = kind
      appendCell(tr, r.stt)
      appendCell(tr, r.content)
      appendCell(tr, label)
      appendCell(tr, kind === 'removed' ? r.progress : '')
      appendCell(tr, kind === 'added' ? r.progress : '')
      body.appendChild(tr)
    }
  if (!body.children.length) {
    const tr = document.createElement('tr')
    appendCell(tr, 'Hai phiên bản không khác nhau.').colSpan = 5
    body.appendChild(tr)
  }
}

function formatStatus(status: string): string {
  return (taskStatuses as readonly string[]).includes(status)
    ? statusLabels[status as (typeof taskStatuses)[number]].vi
    : status
}

async function loadIssues(submissionId: number): Promise<void> {
  const s = await readJson<{ version: number; period: string; report: Report }>(
    `/api/submissions/${submissionId}`,
  )
  $('issues-title').textContent = `Vấn đề của báo cáo — ${describeVersion(s)}`
  $('issues-status').textContent = taskStatuses
    .filter((t) => s.report.summary.byStatus[t])
    .map((t) => `${statusLabels[t].vi}: ${s.report.summary.byStatus[t]}`)
    .join(' · ')
  const body = $('issues-body')
  body.textContent = ''
  for (const issue of s.report.issues) {
    const tr = document.createElement('tr')
    tr.dataset.code = issue.code
    appendCell(tr, severityLabels[issue.severity].vi, `severity-${issue.severity}`)
    appendCell(tr, issue.row ? `${issue.column ?? ''}${issue.row}` : '')
    appendCell(tr, `${issue.message.vi} ${issue.hint.vi}`)
    body.appendChild(tr)
  }
}

/** The reminders' query: the period and, when the officer set one, the new deadline. */
export function reminderQuery(period: string): string {
  const deadline = $<HTMLInputElement>('reminder-deadline').value
  return `period=${encodeURIComponent(period)}${deadline ? `&deadline=${deadline}` : ''}`
}

/** The Công văn's text as the service writes it (its settings, the new deadline), to copy. */
export async function renderAgencyReminder(id: string, period: string): Promise<void> {
  const box = $<HTMLTextAreaElement>('agency-reminder')
  try {
    const answer = await readJson<{ text: string }>(
      `/api/agencies/${encodeURIComponent(id)}/reminder?${reminderQuery(period)}`,
    )
    box.value = answer.text
  } catch (e) {
    // Nothing to remind, or a deadline not after today: the service's own words.
    box.value = (e as Error).message
  }
}

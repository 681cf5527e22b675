import {
  formatVietnameseDate,
  severityLabels,
  statusLabels,
  taskStatuses,
  type Issue,
  type Report,
} from '../../core/index.ts'
import { formatIssueCell } from '../../core/index.ts'

/** Fills the summary line (tasks, errors, warnings, score, cut-off) and the counts by status. */
export function renderSummary(line: HTMLElement, counts: HTMLElement, report: Report): void {
  const score =
    report.summary.score === null
      ? ''
      : ` · điểm ${report.summary.score}/${report.summary.maxScore}${report.profile?.provisional ? ' (tạm tính)' : ''}`
  line.textContent = `${report.summary.tasks} nhiệm vụ · ${report.errorCount} lỗi · ${report.warningCount} cảnh báo${score} · số liệu đến ${formatVietnameseDate(report.asOf)}`
  counts.textContent = ''
  for (const s of taskStatuses) {
    const n = report.summary.byStatus[s]
    if (!n) continue
    const tr = document.createElement('tr')
    const label = document.createElement('td')
    label.textContent = statusLabels[s].vi
    const count = document.createElement('td')
    count.className = 'n'
    count.textContent = String(n)
    tr.append(label, count)
    counts.appendChild(tr)
  }
}

/** Lists the problems, each a button that selects its cell; the current one is highlighted. */
export function renderProblemList(
  list: HTMLElement,
  problems: Issue[],
  current: number,
  onSelect: (index: number) => void,
): void {
  list.textContent = ''
  problems.forEach((issue, i) => {
    const li = document.createElement('li')
    li.className = `${issue.severity}${i === current ? ' current' : ''}`
    li.dataset.code = issue.code
    const button = document.createElement('button')
    const cell = document.createElement('span')
    cell.className = 'cell'
    cell.textContent = formatIssueCell(issue) ?? severityLabels[issue.severity].vi
    const text = document.createElement('span')
    text.textContent = `${issue.message.vi} ${issue.hint.vi}`
    button.append(cell, text)
    button.addEventListener('click', () => onSelect(i))
    li.appendChild(button)
    list.appendChild(li)
  })
}

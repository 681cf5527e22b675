import type { CellValue } from './grid.ts'
import { formatVietnameseDate } from './date.ts'
import { computedFields } from './fields.ts'
import { formatReadingName } from './messages-mapping.ts'
import type { Issue, Severity } from './issue.ts'
import { severityLabels, statusLabels } from './messages.ts'
import type { Report } from './report.ts'
import { taskStatuses } from './status.ts'

/** Fill colours (ARGB) of problem cells by severity. */
export const severityFills: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
}

/** A column of the "Kiểm tra" sheet: its width (Excel units) and whether it is hidden. */
export type CheckSheetColumn = { width: number; hidden: boolean }

/**
 * The "Kiểm tra" sheet, row by row: what every adapter writes. `links` maps a 0-based row index to the
 * cell it points at; `fills` colour the severity column (D); the issue codes sit in the hidden last
 * column, for support, outside what the clerk reads and prints.
 */
export type CheckSheetPlan = {
  rows: CellValue[][]
  links: { index: number; address: string }[]
  fills: { index: number; fill: string }[]
  headerIndex: number
  columns: CheckSheetColumn[]
  /** Rows (0-based) set in bold: the title, the section titles and the tables' headers. */
  emphasis: number[]
}

// Ô, Dòng, Vấn đề, Mức độ, Cách sửa, Mã: about 140 units, A4 landscape at full size.
const columns: CheckSheetColumn[] = [
  { width: 8, hidden: false },
  { width: 7, hidden: false },
  { width: 62, hidden: false },
  { width: 11, hidden: false },
  { width: 52, hidden: false },
  { width: 26, hidden: true },
]

/** A number the Vietnamese way: decimal comma ("45,5"). */
function formatNumber(n: number): string {
  return String(n).replace('.', ',')
}

/** What a line of a group names: the task's STT and the start of its content, else the cell's value. */
function describeRow(report: Report, issue: Issue): string {
  const task = report.tasks.find((t) => t.row === issue.row)
  const text = task ? task.content.replace(/\s+/g, ' ').trim() : (issue.value ?? '')
  const short = text.length > 90 ? `${text.slice(0, 89)}…` : text
  return task?.stt ? `STT ${task.stt}: ${short}` : short
}

/**
 * Identical issues (same code, column, message and hint) grouped in the order first met, so that
 * twelve cells with one problem read as one problem ("12 ô cột J: …").
 */
function groupIssues(issues: Issue[]): Issue[][] {
  const groups = new Map<string, Issue[]>()
  for (const issue of issues) {
    const key = [issue.code, issue.column ?? '', issue.message.vi, issue.hint.vi].join('\u241f')
    const group = groups.get(key)
    if (group) group.push(issue)
    else groups.set(key, [issue])
  }
  return [...groups.values()]
}

/** The heading of a group: how many cells (or rows) share the problem, and where. */
function describeGroup(group: Issue[]): string {
  const first = group[0]!
  const where = first.column ? `${group.length} ô cột ${first.column}` : `${group.length} dòng`
  return `${where}: ${first.message.vi}`
}

/**
 * How every column of the table was read, so that a wrong reading is seen and can be corrected.
 * The product's own computed columns are left out: they are not the agency's.
 */
function computeMappingRows(report: Report): CellValue[][] {
  const mapping = (report.header?.mapping ?? []).filter(
    (m) => !m.field || !(computedFields as readonly string[]).includes(m.field),
  )
  if (!mapping.length) return []
  return [
    [],
    ['CÁCH ĐỌC CỘT'],
    ['Cột', null, 'Tiêu đề', 'Độ tin cậy', 'Đọc là — căn cứ'],
    ...mapping.map((m): CellValue[] => [
      m.column,
      null,
      m.header || '(không có tiêu đề)',
      `${Math.round(m.confidence * 100)}%`,
      `${formatReadingName(m, 'vi')} — ${m.reason.vi}`,
    ]),
  ]
}

/** The summary lines: one text cell each, so that a label is never cut by the next column. */
function computeSummaryRows(report: Report): CellValue[][] {
  const rows: CellValue[][] = [
    ['KẾT QUẢ KIỂM TRA PHỤ LỤC CCHC'],
    [`Trang tính: ${report.sheet}`],
    [`Ngày báo cáo (số liệu đến): ${formatVietnameseDate(report.asOf)}`],
  ]
  if (report.planYear !== null) rows.push([`Năm kế hoạch: ${report.planYear}`])
  rows.push(
    [`Số nhiệm vụ: ${report.summary.tasks}`],
    [`Số lỗi: ${report.errorCount} · Số cảnh báo: ${report.warningCount}`],
  )
  for (const status of taskStatuses) {
    const n = report.summary.byStatus[status]
    if (n) rows.push([`${statusLabels[status].vi}: ${n}`])
  }
  const { score, maxScore } = report.summary
  if (maxScore !== null)
    rows.push([`Điểm: ${formatNumber(score ?? 0)} / ${formatNumber(maxScore)}`])
  if (report.profile?.provisional) rows.push([`Thang điểm: ${report.profile.name} (tạm thời)`])
  return rows
}

/**
 * Plans the "Kiểm tra" sheet for a report: the summary, how the columns were read, then the problems,
 * identical ones grouped under one line, each problem cell on its own line linked to it. `placeOf`
 * gives the cell an issue's note sits on (the check column for a row's issue, the top-left cell of a
 * merged area).
 */
export function computeCheckSheet(
  report: Report,
  placeOf: (issue: Issue) => string | null,
): CheckSheetPlan {
  const summary = computeSummaryRows(report)
  const mapping = computeMappingRows(report)
  const rows = [...summary, ...mapping, []]
  // The title; the mapping's title and header (its rows 1 and 2); the list's title and header.
  const emphasis = [0, ...(mapping.length ? [summary.length + 1, summary.length + 2] : [])]
  emphasis.push(rows.length, rows.length + 1)
  rows.push([`DANH SÁCH VẤN ĐỀ (${report.errorCount} lỗi, ${report.warningCount} cảnh báo)`])
  const headerIndex = rows.length
  rows.push(['Ô', 'Dòng', 'Vấn đề', 'Mức độ', 'Cách sửa', 'Mã (hỗ trợ kỹ thuật)'])
  const links: CheckSheetPlan['links'] = []
  const fills: CheckSheetPlan['fills'] = []
  for (const group of groupIssues(report.issues)) {
    const first = group[0]!
    const severity = severityLabels[first.severity].vi
    fills.push({ index: rows.length, fill: severityFills[first.severity] })
    if (group.length === 1) {
      const address = placeOf(first)
      if (address) links.push({ index: rows.length, address })
      rows.push([address ?? '', first.row, first.message.vi, severity, first.hint.vi, first.code])
      continue
    }
    rows.push([null, null, describeGroup(group), severity, first.hint.vi, first.code])
    for (const issue of group) {
      const address = placeOf(issue)
      if (address) links.push({ index: rows.length, address })
      rows.push([address ?? '', issue.row, describeRow(report, issue), null, null, issue.code])
    }
  }
  if (!report.issues.length) rows.push([null, null, 'Không phát hiện vấn đề nào.'])
  return { rows, links, fills, headerIndex, columns, emphasis }
}

import type ExcelJS from 'exceljs'
import {
  columnLetter,
  columnNumber,
  fieldSpecs,
  severityLabels,
  statusLabels,
  type Issue,
  type Report,
  type Severity,
  type TaskStatus,
} from '../../core/index.ts'

/** Hidden sheet recording what marking changed, so that re-running or clearing restores the original. */
export const marksSheetName = '_cchc_marks'
export const checkSheetName = 'Kiểm tra'

export const severityFills: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' }
export const statusFills: Record<TaskStatus, string> = {
  'done-on-time': 'FFC6EFCE',
  'done-late': 'FFFFE4B5',
  overdue: 'FFFFC7CE',
  ongoing: 'FFDDEBF7',
  'in-progress': 'FFFFF2CC',
  'not-started': 'FFEDEDED',
  unknown: 'FFD9D9D9',
}

/** What a marked cell looked like before: its value (for reused computed columns), fill and note. */
type SavedCell = { address: string; value?: ExcelJS.CellValue; fill?: ExcelJS.Fill | null; note?: ExcelJS.Comment | string | null }
type MarkRecord = { sheet: string; added: string[]; cells: SavedCell[] }

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/**
 * Removes a cell's note. ExcelJS keeps a loaded note in the value's model as well as on the cell,
 * so the value is set again to drop both.
 */
function removeNote(cell: ExcelJS.Cell) {
  const value = cell.value
  ;(cell as unknown as { _comment?: unknown })._comment = undefined
  cell.value = null
  cell.value = value
}

/** Restores every cell the last marking changed, removes added columns and the "Kiểm tra" sheet. */
export function clearMarks(workbook: ExcelJS.Workbook): boolean {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return false
  let json = ''
  marks.eachRow((row) => {
    json += String(row.getCell(1).value ?? '')
  })
  const record = JSON.parse(json || '{"sheet":"","added":[],"cells":[]}') as MarkRecord
  const sheet = workbook.getWorksheet(record.sheet)
  if (sheet) {
    for (const saved of record.cells) {
      const cell = sheet.getCell(saved.address)
      if ('value' in saved) cell.value = saved.value ?? null
      const style = { ...cell.style }
      if (saved.fill) style.fill = saved.fill
      else delete style.fill
      cell.style = style
      if (saved.note) cell.note = saved.note as ExcelJS.Comment
      else removeNote(cell)
    }
    for (const letter of record.added) {
      sheet.getColumn(columnNumber(letter)).eachCell({ includeEmpty: true }, (cell) => {
        removeNote(cell)
        cell.value = null
        cell.style = {}
      })
    }
  }
  workbook.removeWorksheet(marks.id)
  const check = workbook.getWorksheet(checkSheetName)
  if (check) workbook.removeWorksheet(check.id)
  return true
}

function noteText(issues: Issue[]): string {
  return issues
    .map((i) => `[${severityLabels[i.severity].vi}] ${i.message.vi}\n→ ${i.hint.vi}\n(${i.message.en})`)
    .join('\n\n')
}

/**
 * Marks a worksheet in place from a report (SPEC section 5): computed columns after the table
 * (or reused), status colours, fills and notes on problem cells, and a "Kiểm tra" sheet listing
 * every issue with a link to its cell. Earlier marks are restored first, so marks never pile up.
 */
export function markWorkbook(workbook: ExcelJS.Workbook, sheetName: string, report: Report): void {
  clearMarks(workbook)
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet || !report.header) {
    addCheckSheet(workbook, sheetName, report)
    return
  }
  const record: MarkRecord = { sheet: sheetName, added: [], cells: [] }
  const saved = new Set<string>()
  const save = (cell: ExcelJS.Cell, withValue: boolean) => {
    if (saved.has(cell.address)) return
    saved.add(cell.address)
    const entry: SavedCell = { address: cell.address, fill: cell.fill ?? null, note: cell.note ?? null }
    if (withValue) entry.value = cell.value
    record.cells.push(entry)
  }
  const header = report.header
  let next = columnNumber(header.lastColumn) + 1
  const computed: Record<'status' | 'score' | 'check', number> = { status: 0, score: 0, check: 0 }
  for (const field of ['status', 'score', 'check'] as const) {
    const existing = header.columns[field]
    if (existing) computed[field] = columnNumber(existing)
    else {
      computed[field] = next++
      record.added.push(columnLetter(computed[field]))
      const cell = sheet.getCell(header.row, computed[field])
      cell.value = fieldSpecs[field].label
      cell.font = { bold: true }
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
      sheet.getColumn(computed[field]).width = field === 'check' ? 40 : 18
    }
  }
  const byRow = new Map<number, Issue[]>()
  for (const issue of report.issues) {
    if (issue.row === null) continue
    const list = byRow.get(issue.row) ?? []
    list.push(issue)
    byRow.set(issue.row, list)
  }
  for (const task of report.tasks) {
    if (task.kind === 'heading' || task.kind === 'section') continue
    const statusCell = sheet.getCell(task.row, computed.status)
    save(statusCell, true)
    statusCell.value = task.status ? statusLabels[task.status].vi : null
    if (task.status) statusCell.fill = solidFill(statusFills[task.status])
    const scoreCell = sheet.getCell(task.row, computed.score)
    save(scoreCell, true)
    scoreCell.value = task.score
    const rowIssues = byRow.get(task.row) ?? []
    const checkCell = sheet.getCell(task.row, computed.check)
    save(checkCell, true)
    const errors = rowIssues.filter((i) => i.severity === 'error').length
    const warnings = rowIssues.filter((i) => i.severity === 'warning').length
    checkCell.value = errors || warnings ? `${errors} lỗi, ${warnings} cảnh báo` : 'Hợp lệ'
    if (errors || warnings) checkCell.fill = solidFill(severityFills[errors ? 'error' : 'warning'])
  }
  const byCell = new Map<string, Issue[]>()
  for (const issue of report.issues) {
    if (issue.row === null) continue
    const address = `${issue.column ?? columnLetter(computed.check)}${issue.row}`
    byCell.set(address, [...(byCell.get(address) ?? []), issue])
  }
  for (const [address, issues] of byCell) {
    const cell = sheet.getCell(address)
    save(cell, false)
    const worst = issues.some((i) => i.severity === 'error') ? 'error' : issues.some((i) => i.severity === 'warning') ? 'warning' : 'info'
    cell.fill = solidFill(severityFills[worst])
    cell.note = noteText(issues)
  }
  addCheckSheet(workbook, sheetName, report)
  const marks = workbook.addWorksheet(marksSheetName, { state: 'veryHidden' })
  const json = JSON.stringify(record)
  for (let i = 0; i < json.length; i += 30_000) marks.addRow([json.slice(i, i + 30_000)])
}

function addCheckSheet(workbook: ExcelJS.Workbook, sheetName: string, report: Report) {
  const ws = workbook.addWorksheet(checkSheetName)
  ws.columns = [{ width: 10 }, { width: 10 }, { width: 28 }, { width: 14 }, { width: 70 }, { width: 60 }]
  ws.addRow(['KẾT QUẢ KIỂM TRA PHỤ LỤC CCHC']).font = { bold: true, size: 14 }
  ws.addRow(['Trang tính', sheetName])
  ws.addRow(['Ngày báo cáo', report.asOf])
  ws.addRow(['Năm kế hoạch', report.planYear])
  ws.addRow(['Số nhiệm vụ', report.summary.tasks])
  ws.addRow(['Số lỗi', report.errorCount])
  ws.addRow(['Số cảnh báo', report.warningCount])
  for (const [status, n] of Object.entries(report.summary.byStatus)) {
    ws.addRow([statusLabels[status as TaskStatus].vi, n])
  }
  ws.addRow(['Điểm', report.summary.score, 'Điểm tối đa', report.summary.maxScore])
  if (report.profile?.provisional) ws.addRow(['Thang điểm', `${report.profile.name} (tạm thời)`])
  ws.addRow([])
  const head = ws.addRow(['Ô', 'Dòng', 'Mã', 'Mức độ', 'Nội dung', 'Hướng dẫn'])
  head.font = { bold: true }
  for (const issue of report.issues) {
    const address = issue.row !== null && issue.column ? `${issue.column}${issue.row}` : ''
    const link: ExcelJS.CellValue = address
      ? { text: address, hyperlink: `'${sheetName.replace(/'/g, "''")}'!${address}` }
      : ''
    const row = ws.addRow([link, issue.row, issue.code, severityLabels[issue.severity].vi, issue.message.vi, issue.hint.vi])
    row.getCell(4).fill = solidFill(severityFills[issue.severity])
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  ws.views = [{ state: 'frozen', ySplit: head.number }]
}

/** Applies every automatic fix of a report to the worksheet's cells (HTML, legacy encodings, NFC). */
export function applyFixes(workbook: ExcelJS.Workbook, sheetName: string, report: Report): number {
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) return 0
  let count = 0
  const done = new Set<string>()
  for (const issue of report.issues) {
    if (issue.fix === undefined || issue.row === null || !issue.column) continue
    const address = `${issue.column}${issue.row}`
    if (done.has(address)) continue
    done.add(address)
    sheet.getCell(address).value = issue.fix
    count++
  }
  return count
}

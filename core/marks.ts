import { computeCheckSheet, severityFills, type CheckSheetPlan } from './check-sheet.ts'
import type { CellValue, MergeArea } from './grid.ts'
import { columnLetter, columnNumber } from './grid.ts'
import { fieldSpecs } from './fields.ts'
import type { Issue, Severity } from './issue.ts'
import { severityLabels, statusLabels } from './messages.ts'
import type { Report } from './report.ts'
import type { TaskStatus } from './status.ts'

/** Hidden sheet recording what marking changed, so that re-running or clearing restores the original. */
export const marksSheetName = '_cchc_marks'
/** The sheet listing every issue with a link to its cell. */
export const checkSheetName = 'Kiểm tra'

export { severityFills } from './check-sheet.ts'
/** Fill colours (ARGB) of computed status cells. */
export const statusFills: Record<TaskStatus, string> = {
  'done-on-time': 'FFC6EFCE',
  'done-late': 'FFFFE4B5',
  overdue: 'FFFFC7CE',
  ongoing: 'FFDDEBF7',
  'in-progress': 'FFFFF2CC',
  'not-started': 'FFEDEDED',
  unknown: 'FFD9D9D9',
}

/** A computed column: reused when the table already has it, otherwise added after the table. */
export type MarkColumn = {
  field: 'status' | 'score' | 'check'
  column: string
  added: boolean
  header: string
}

/** One cell the marking writes: its value and, when coloured, its fill. */
export type MarkValue = { address: string; value: CellValue; fill: string | null }

/** A problem cell: its fill and the note explaining every issue on it. */
export type MarkNote = { address: string; fill: string; note: string }

/**
 * Everything marking in place writes for a report (SPEC section 5), as plain data: every adapter
 * (ExcelJS, Office.js, Google Sheets) applies the same plan, so the marks look the same everywhere.
 */
export type MarkPlan = {
  headerRow: number
  columns: MarkColumn[]
  values: MarkValue[]
  notes: MarkNote[]
  /** The "Kiểm tra" sheet, row by row, with its links, severity fills and column widths. */
  checkSheet: CheckSheetPlan
}

/** The text of a problem cell's note: each issue's Vietnamese message, hint and English message. */
export function renderNote(issues: Issue[]): string {
  return issues
    .map(
      (i) =>
        `[${severityLabels[i.severity].vi}] ${i.message.vi}\n→ ${i.hint.vi}\n(${i.message.en})`,
    )
    .join('\n\n')
}

function worstSeverity(issues: Issue[]): Severity {
  return issues.some((i) => i.severity === 'error')
    ? 'error'
    : issues.some((i) => i.severity === 'warning')
      ? 'warning'
      : 'info'
}

/**
 * The cell that shows a position: the top-left cell of the merged area covering it (Excel, LibreOffice
 * and openpyxl keep notes and fills only there), else the cell itself.
 */
function createPlacer(merges: readonly MergeArea[]): (column: string, row: number) => string {
  return (column, row) => {
    const c = columnNumber(column)
    const m = merges.find((a) => row >= a.top && row <= a.bottom && c >= a.left && c <= a.right)
    return m ? `${columnLetter(m.left)}${m.top}` : `${column}${row}`
  }
}

/**
 * Plans the computed columns, status colours, problem notes and the "Kiểm tra" sheet for a report.
 * `ownColumns` are the columns an earlier marking added (its record says which): they are cleared
 * before re-marking, so they count as added again rather than as the table's own columns. `merges`
 * are the sheet's merged areas: a problem inside one is marked on its top-left cell, once.
 */
export function computeMarkPlan(
  report: Report,
  ownColumns: readonly string[] = [],
  merges: readonly MergeArea[] = [],
): MarkPlan {
  const header = report.header
  if (!header) {
    const checkSheet = computeCheckSheet(report, () => null)
    return { headerRow: 0, columns: [], values: [], notes: [], checkSheet }
  }
  let next = columnNumber(header.lastColumn) + 1
  const columns = (['status', 'score', 'check'] as const).map((field): MarkColumn => {
    const existing = header.columns[field]
    if (existing && ownColumns.includes(existing))
      return { field, column: existing, added: true, header: fieldSpecs[field].label }
    return existing
      ? { field, column: existing, added: false, header: fieldSpecs[field].label }
      : { field, column: columnLetter(next++), added: true, header: fieldSpecs[field].label }
  })
  const [status, score, check] = columns.map((c) => c.column) as [string, string, string]
  const place = createPlacer(merges)
  const placeOf = (issue: Issue) =>
    issue.row === null ? null : place(issue.column ?? check, issue.row)
  const byRow = new Map<number, Issue[]>()
  const byCell = new Map<string, Issue[]>()
  for (const issue of report.issues) {
    const address = placeOf(issue)
    if (issue.row === null || address === null) continue
    byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue])
    const here = byCell.get(address) ?? []
    // A merged cell reported on each row it spans says the same thing once.
    if (!here.some((i) => i.message.vi === issue.message.vi && i.hint.vi === issue.hint.vi))
      byCell.set(address, [...here, issue])
  }
  const values: MarkValue[] = []
  for (const task of report.tasks) {
    if (task.kind === 'heading' || task.kind === 'section') continue
    values.push({
      address: `${status}${task.row}`,
      value: task.status ? statusLabels[task.status].vi : null,
      fill: task.status ? statusFills[task.status] : null,
    })
    values.push({ address: `${score}${task.row}`, value: task.score, fill: null })
    const rowIssues = byRow.get(task.row) ?? []
    const errors = rowIssues.filter((i) => i.severity === 'error').length
    const warnings = rowIssues.filter((i) => i.severity === 'warning').length
    values.push({
      address: `${check}${task.row}`,
      value: errors || warnings ? `${errors} lỗi, ${warnings} cảnh báo` : 'Hợp lệ',
      fill: errors || warnings ? severityFills[errors ? 'error' : 'warning'] : null,
    })
  }
  const notes = [...byCell].map(([address, issues]) => ({
    address,
    fill: severityFills[worstSeverity(issues)],
    note: renderNote(issues),
  }))
  const checkSheet = computeCheckSheet(report, placeOf)
  return { headerRow: header.row, columns, values, notes, checkSheet }
}

/** A sheet-qualified reference as hyperlinks use it: `'Phụ lục'!D5`. */
export function formatSheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`
}

/**
 * The automatic fixes of a report, one per cell (the first fix of a cell wins), each with the text
 * it was computed from, so that an adapter writes it only where the cell still holds that text.
 */
export function computeFixes(
  report: Report,
): { address: string; value: string; from: string | null }[] {
  const fixes = new Map<string, { value: string; from: string | null }>()
  for (const issue of report.issues) {
    if (issue.fix === undefined || issue.row === null || !issue.column) continue
    const address = `${issue.column}${issue.row}`
    if (!fixes.has(address)) fixes.set(address, { value: issue.fix, from: issue.value })
  }
  return [...fixes].map(([address, fix]) => ({ address, ...fix }))
}

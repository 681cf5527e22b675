import type ExcelJS from 'exceljs'
import {
  checkSheetName,
  columnNumber,
  computeFixes,
  computeMarkPlan,
  formatSheetReference,
  marksSheetName,
  type CellValue,
  type MarkPlan,
  type Report,
} from '../../core/index.ts'

export { checkSheetName, marksSheetName, severityFills, statusFills } from '../../core/index.ts'

/** What a marked cell looked like before: its value (for reused computed columns), fill and note. */
type SavedCell = {
  address: string
  value?: ExcelJS.CellValue
  fill?: ExcelJS.Fill | null
  note?: ExcelJS.Comment | string | null
}
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

/** The record of the last marking, if the workbook has one. */
function readMarkRecord(workbook: ExcelJS.Workbook): MarkRecord | null {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return null
  let json = ''
  marks.eachRow((row) => {
    json += String(row.getCell(1).value ?? '')
  })
  try {
    return JSON.parse(json || '{"sheet":"","added":[],"cells":[]}') as MarkRecord
  } catch {
    return { sheet: '', added: [], cells: [] }
  }
}

/** Restores every cell the last marking changed, removes added columns and the "Kiểm tra" sheet. */
export function clearMarks(workbook: ExcelJS.Workbook): boolean {
  const marks = workbook.getWorksheet(marksSheetName)
  const record = readMarkRecord(workbook)
  if (!marks || !record) return false
  const sheet = workbook.getWorksheet(record.sheet)
  if (sheet) {
    for (const saved of record.cells) {
      const cell = sheet.getCell(saved.address)
      if ('value' in saved) cell.value = saved.value ?? null
      const style = { ...cell.style }
      // A record written by the Excel add-in keeps fills as "#RRGGBB".
      if (typeof saved.fill === 'string')
        style.fill = solidFill(`FF${(saved.fill as string).slice(1)}`)
      else if (saved.fill) style.fill = saved.fill
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

/**
 * Marks a worksheet in place from a report (SPEC section 5) by applying core's mark plan: computed
 * columns after the table (or reused), status colours, fills and notes on problem cells, and a
 * "Kiểm tra" sheet listing every issue with a link to its cell. Earlier marks are restored first.
 */
export function markWorkbook(workbook: ExcelJS.Workbook, sheetName: string, report: Report): void {
  const previous = readMarkRecord(workbook)
  clearMarks(workbook)
  const plan = computeMarkPlan(report, previous?.sheet === sheetName ? previous.added : [])
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet || !report.header) {
    addCheckSheet(workbook, sheetName, plan)
    return
  }
  const record: MarkRecord = { sheet: sheetName, added: [], cells: [] }
  const saved = new Set<string>()
  const save = (cell: ExcelJS.Cell, withValue: boolean) => {
    if (saved.has(cell.address)) return
    saved.add(cell.address)
    const entry: SavedCell = {
      address: cell.address,
      fill: cell.fill ?? null,
      note: cell.note ?? null,
    }
    if (withValue) entry.value = cell.value
    record.cells.push(entry)
  }
  for (const column of plan.columns.filter((c) => c.added)) {
    record.added.push(column.column)
    const cell = sheet.getCell(`${column.column}${plan.headerRow}`)
    cell.value = column.header
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    }
    sheet.getColumn(column.column).width = column.field === 'check' ? 40 : 18
  }
  for (const mark of plan.values) {
    const cell = sheet.getCell(mark.address)
    save(cell, true)
    cell.value = convertToCellValue(mark.value)
    if (mark.fill) cell.fill = solidFill(mark.fill)
  }
  for (const mark of plan.notes) {
    const cell = sheet.getCell(mark.address)
    save(cell, false)
    cell.fill = solidFill(mark.fill)
    cell.note = mark.note
  }
  addCheckSheet(workbook, sheetName, plan)
  const marks = workbook.addWorksheet(marksSheetName, { state: 'veryHidden' })
  const json = JSON.stringify(record)
  for (let i = 0; i < json.length; i += 30_000) marks.addRow([json.slice(i, i + 30_000)])
}

function convertToCellValue(value: CellValue): ExcelJS.CellValue {
  return value !== null && typeof value === 'object' ? new Date(`${value.date}T00:00:00Z`) : value
}

function addCheckSheet(workbook: ExcelJS.Workbook, sheetName: string, plan: MarkPlan) {
  const { rows, links, fills, headerIndex } = plan.checkSheet
  const ws = workbook.addWorksheet(checkSheetName)
  ws.columns = [
    { width: 10 },
    { width: 10 },
    { width: 28 },
    { width: 14 },
    { width: 70 },
    { width: 60 },
  ]
  const linkAt = new Map(links.map((l) => [l.index, l.address]))
  rows.forEach((values, index) => {
    const address = linkAt.get(index)
    const cells = values.map(convertToCellValue)
    if (address) cells[0] = { text: address, hyperlink: formatSheetReference(sheetName, address) }
    const row = ws.addRow(cells)
    if (index === 0) row.font = { bold: true, size: 14 }
    if (index === headerIndex) row.font = { bold: true }
    if (index > headerIndex) row.alignment = { wrapText: true, vertical: 'top' }
  })
  for (const { index, fill } of fills) ws.getRow(index + 1).getCell(4).fill = solidFill(fill)
  ws.views = [{ state: 'frozen', ySplit: headerIndex + 1 }]
}

/** Applies every automatic fix of a report to the worksheet's cells (HTML, legacy encodings, NFC). */
export function applyFixes(workbook: ExcelJS.Workbook, sheetName: string, report: Report): number {
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) return 0
  const fixes = computeFixes(report)
  for (const fix of fixes) sheet.getCell(fix.address).value = fix.value
  return fixes.length
}

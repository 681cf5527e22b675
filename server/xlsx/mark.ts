import type ExcelJS from 'exceljs'
import { applyMarkedCopyPrint } from './print.ts'
import { convertCellValue } from './read.ts'
import {
  convertToCellValue,
  createSolidFill,
  findSheet,
  identifySheet,
  readFill,
  readFillModel,
  readMarkBook,
  readNote,
  restoreRecord,
  restyleCell,
} from './clear.ts'
import {
  checkSheetName,
  chooseCheckSheetName,
  computeFixes,
  computeKeyColumns,
  computeMarkPlan,
  computeNoteHash,
  computeRowIdentity,
  computeValueHash,
  findMarkRecord,
  formatSheetReference,
  marksSheetName,
  replaceMarkRecord,
  serializeMarkBook,
  type MarkPlan,
  type MarkRecord,
  type MergeArea,
  type Report,
  type SavedCell,
} from '../../core/index.ts'

export { checkSheetName, marksSheetName, severityFills, statusFills } from '../../core/index.ts'
export { clearMarks, type ClearOutcome } from './clear.ts'

/**
 * Marks a worksheet in place from a report (SPEC section 5) by applying core's mark plan: computed
 * columns after the table (or reused), status colours, fills and notes on problem cells, and a
 * "Kiểm tra" sheet listing every issue with a link to its cell. This sheet's earlier marks are
 * restored first (rows found again by STT, content and position); other sheets' records stay.
 */
export function markWorkbook(workbook: ExcelJS.Workbook, sheetName: string, report: Report): void {
  const book = readMarkBook(workbook)
  const sheet = workbook.getWorksheet(sheetName)
  const sheets = workbook.worksheets.map(identifySheet)
  const own = sheet ? findMarkRecord(book, identifySheet(sheet), sheets) : null
  if (own && sheet) {
    restoreRecord(sheet, own, report.header?.row ?? null)
    const check = own.checkSheet ? findSheet(workbook, own.checkSheet) : undefined
    if (check && check !== sheet) workbook.removeWorksheet(check.id)
  }
  const plan = computeMarkPlan(report, own ? own.added : [], sheet ? readMerges(sheet) : [])
  const check = addCheckSheet(workbook, sheetName, plan)
  const record: MarkRecord = {
    sheet: { name: sheetName, id: sheet ? String(sheet.id) : null },
    checkSheet: { name: check.name, id: String(check.id) },
    headerRow: Math.max(plan.headerRow, 1),
    lastRow: Math.max(plan.headerRow, 1),
    added: [],
    keyColumns: report.header ? computeKeyColumns(report.header) : { stt: null, content: null },
    rows: [],
    cells: [],
  }
  if (sheet && report.header) markSheet(sheet, plan, record)
  applyMarkedCopyPrint(workbook, sheetName, report, check.name)
  const old = workbook.getWorksheet(marksSheetName)
  if (old) workbook.removeWorksheet(old.id)
  const marks = workbook.addWorksheet(marksSheetName, { state: 'veryHidden' })
  for (const chunk of serializeMarkBook(replaceMarkRecord(book, own, record))) marks.addRow([chunk])
}

/** The sheet's merged areas (ExcelJS keeps them by their top-left cell, not in its types). */
function readMerges(sheet: ExcelJS.Worksheet): MergeArea[] {
  const merges = (sheet as unknown as { _merges?: Record<string, { model: MergeArea }> })._merges
  return Object.values(merges ?? {}).map(({ model: { top, left, bottom, right } }) => ({
    top,
    left,
    bottom,
    right,
  }))
}

/** Whether a cell holds a formula: the agency's own computation is kept, never replaced by a value. */
function isFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value
  return (
    typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
  )
}

function markSheet(sheet: ExcelJS.Worksheet, plan: MarkPlan, record: MarkRecord) {
  const saved = new Map<string, SavedCell>()
  const rows = new Set<number>()
  const entry = (cell: ExcelJS.Cell): SavedCell => {
    rows.add(Number(cell.row))
    let found = saved.get(cell.address)
    if (!found) saved.set(cell.address, (found = { address: cell.address }))
    return found
  }
  for (const column of plan.columns.filter((c) => c.added)) {
    record.added.push(column.column)
    const cell = sheet.getCell(`${column.column}${plan.headerRow}`)
    cell.value = column.header
    restyleCell(cell, {
      font: { bold: true },
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      border: {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      },
    })
    sheet.getColumn(column.column).width = column.field === 'check' ? 40 : 18
  }
  const added = new Set(record.added)
  const paint = (cell: ExcelJS.Cell, fill: string) => {
    const e = entry(cell)
    if (e.paint === undefined) {
      e.fill = readFill(cell)
      const model = readFillModel(cell)
      if (model) e.fillModel = model
    }
    e.paint = fill
    restyleCell(cell, { fill: createSolidFill(fill) })
  }
  for (const mark of plan.values) {
    const cell = sheet.getCell(mark.address)
    rows.add(Number(cell.row))
    if (isFormula(cell)) continue
    if (!added.has(/^[A-Z]+/.exec(mark.address)![0])) {
      const e = entry(cell)
      e.value = convertCellValue(cell.value)
      e.format = cell.numFmt || 'General'
      e.wroteValue = computeValueHash(mark.value)
    }
    cell.value = convertToCellValue(mark.value)
    if (mark.fill) paint(cell, mark.fill)
  }
  for (const mark of plan.notes) {
    const cell = sheet.getCell(mark.address)
    paint(cell, mark.fill)
    const e = entry(cell)
    e.note = readNote(cell)
    e.wroteNote = computeNoteHash(mark.note)
    cell.note = mark.note
  }
  // Cells of added columns hold nothing to keep (the columns are emptied on restore).
  record.cells = [...saved.values()].filter((c) => !added.has(/^[A-Z]+/.exec(c.address)![0]))
  const { stt, content } = record.keyColumns
  const value = (address: string) => convertCellValue(sheet.getCell(address).value)
  record.rows = [...rows]
    .sort((a, b) => a - b)
    .map((row) =>
      computeRowIdentity(
        row,
        stt ? value(`${stt}${row}`) : null,
        content ? value(`${content}${row}`) : null,
      ),
    )
  record.lastRow = Math.max(record.headerRow, ...rows)
}

function addCheckSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  plan: MarkPlan,
): ExcelJS.Worksheet {
  const { rows, links, fills, headerIndex, columns, emphasis } = plan.checkSheet
  const ws = workbook.addWorksheet(
    chooseCheckSheetName(
      checkSheetName,
      workbook.worksheets.map((w) => w.name),
    ),
  )
  ws.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden }))
  const linkAt = new Map(links.map((l) => [l.index, l.address]))
  rows.forEach((values, index) => {
    const address = linkAt.get(index)
    const cells = values.map(convertToCellValue)
    if (address) cells[0] = { text: address, hyperlink: formatSheetReference(sheetName, address) }
    const row = ws.addRow(cells)
    if (emphasis.includes(index)) row.font = { bold: true, ...(index === 0 ? { size: 14 } : {}) }
    if (index === headerIndex) row.alignment = { wrapText: true, vertical: 'middle' }
    // The summary lines are single cells that run on over the empty cells beside them; the rows of
    // tables (how the columns were read, the problems) wrap within their columns.
    if (values.length > 1 && index < headerIndex)
      row.alignment = { wrapText: true, vertical: 'top' }
    if (index > headerIndex) {
      row.alignment = { wrapText: true, vertical: 'top' }
      // The row number stands apart from the problem's text.
      row.getCell(2).alignment = { vertical: 'top', horizontal: 'center' }
    }
  })
  for (const { index, fill } of fills) ws.getRow(index + 1).getCell(4).fill = createSolidFill(fill)
  ws.views = [{ state: 'frozen', ySplit: headerIndex + 1 }]
  return ws
}

/** Applies every automatic fix of a report to the worksheet's cells (HTML, legacy encodings, NFC). */
export function applyFixes(workbook: ExcelJS.Workbook, sheetName: string, report: Report): number {
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) return 0
  const fixes = computeFixes(report)
  for (const fix of fixes) sheet.getCell(fix.address).value = fix.value
  return fixes.length
}

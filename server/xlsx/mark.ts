import type ExcelJS from 'exceljs'
import { applyMarkedCopyPrint } from './print.ts'
import { convertCellValue } from './read.ts'
import {
  checkSheetName,
  chooseCheckSheetName,
  columnNumber,
  computeKeyColumns,
  computeRowKey,
  computeRowMapping,
  moveAddress,
  parseHexColor,
  parseMarkRecord,
  serializeMarkRecord,
  type ColorModel,
  type FillModel,
  type MarkRecord,
  type MergeArea,
  type SavedCell,
  type SheetIdentity,
  computeFixes,
  computeMarkPlan,
  formatSheetReference,
  marksSheetName,
  type CellValue,
  type MarkPlan,
  type Report,
} from '../../core/index.ts'

export { checkSheetName, marksSheetName, severityFills, statusFills } from '../../core/index.ts'

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/**
 * Changes a cell's look on a copy of its style. ExcelJS gives every cell loaded with one style id the
 * same style object (files saved by Excel share a few styles among thousands of cells), so assigning
 * `cell.fill` would colour every cell that shares it.
 */
function restyleCell(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change }
}

/** A cell's fill in the record's one encoding: the ARGB of a solid fill, else none. */
function readFill(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return null
  return parseHexColor(fill.fgColor?.argb?.slice(-6) ?? null)
}

function readColor(color: Partial<ExcelJS.Color> | undefined): ColorModel | undefined {
  if (!color) return undefined
  const c = color as ColorModel
  const model: ColorModel = {}
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(c.argb))
    model.argb = c.argb.toUpperCase()
  if (typeof c.theme === 'number') model.theme = c.theme
  if (typeof c.tint === 'number') model.tint = c.tint
  if (typeof c.indexed === 'number') model.indexed = c.indexed
  return Object.keys(model).length ? model : undefined
}

/** A pattern fill the ARGB encoding cannot say (theme colours, tints, hatches), to restore exactly. */
function readFillModel(cell: ExcelJS.Cell): FillModel | undefined {
  const fill = cell.fill
  if (fill?.type !== 'pattern' || !fill.pattern) return undefined
  const model: FillModel = { pattern: fill.pattern }
  const fg = readColor(fill.fgColor)
  const bg = readColor(fill.bgColor)
  if (fg) model.fgColor = fg
  if (bg) model.bgColor = bg
  const plain = fill.pattern === 'solid' && !bg && fg?.argb && Object.keys(fg).length === 1
  return plain ? undefined : model
}

/** The fill a saved cell had: its exact pattern fill when recorded, else its solid colour, else none. */
function createSavedFill(saved: SavedCell): ExcelJS.Fill | undefined {
  if (saved.fillModel) return { type: 'pattern', ...saved.fillModel } as ExcelJS.Fill
  return saved.fill ? solidFill(saved.fill) : undefined
}

/** The sheet's merged areas (ExcelJS keeps them by their top-left cell). */
function readMerges(sheet: ExcelJS.Worksheet): MergeArea[] {
  const merges = (sheet as unknown as { _merges: Record<string, { model: MergeArea }> })._merges
  return Object.values(merges ?? {}).map(({ model: { top, left, bottom, right } }) => ({
    top,
    left,
    bottom,
    right,
  }))
}

function readNote(cell: ExcelJS.Cell): string | null {
  const note = cell.note as ExcelJS.Comment | string | undefined
  if (!note) return null
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('')
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

/** The record of the last marking, read strictly (core's one parser); null when absent or not valid. */
export function readMarkRecord(workbook: ExcelJS.Workbook): MarkRecord | null {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return null
  const chunks: unknown[] = []
  marks.eachRow((row) => {
    chunks.push(row.getCell(1).value)
  })
  return parseMarkRecord(chunks)
}

/**
 * The sheet a record names, by its ExcelJS id when the record has one of ours (a number), else by
 * name; never a sheet the record does not name.
 */
function findRecordedSheet(
  workbook: ExcelJS.Workbook,
  identity: SheetIdentity,
): ExcelJS.Worksheet | undefined {
  const byName = workbook.getWorksheet(identity.name)
  if (identity.id !== null && /^\d+$/.test(identity.id)) {
    const byId = workbook.worksheets.find((w) => String(w.id) === identity.id)
    return byId ?? undefined
  }
  return byName
}

/** The outcome of clearing: done, nothing to clear, or refused because marked rows cannot be found. */
export type ClearOutcome = 'cleared' | 'none' | 'refused'

/**
 * Restores every cell the last marking changed, removes the added columns and the "Kiểm tra" sheet it
 * created. Rows moved since (inserted or deleted above) are found by their STT and content; when a
 * marked row cannot be found the sheet is left untouched and 'refused' is returned.
 */
export function clearMarks(workbook: ExcelJS.Workbook): ClearOutcome {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return 'none'
  const record = readMarkRecord(workbook)
  const sheet = record ? findRecordedSheet(workbook, record.sheet) : undefined
  if (record && sheet) {
    const { stt, content } = record.keyColumns
    const keyAt = (row: number) =>
      computeRowKey(
        stt ? convertCellValue(sheet.getCell(`${stt}${row}`).value) : null,
        content ? convertCellValue(sheet.getCell(`${content}${row}`).value) : null,
      )
    const mapping = computeRowMapping(record, keyAt, Math.max(sheet.rowCount, record.lastRow))
    if (mapping.kind === 'refused') return 'refused'
    const rows = mapping.kind === 'moved' ? mapping.rows : new Map<number, number>()
    const added = new Set(record.added)
    for (const letter of record.added) {
      const column = sheet.getColumn(columnNumber(letter))
      // Only the cells there are: visiting a column through ExcelJS would create one in every row.
      for (let row = record.headerRow; row <= sheet.rowCount; row++) {
        const cell = sheet.findCell(row, column.number)
        if (!cell) continue
        removeNote(cell)
        cell.value = null
        // Back to the look a new cell there has: its row's, else its column's (a template's unlocked
        // columns for the computed values stay unlocked).
        // (ExcelJS keeps a row's format as `style` but does not declare it.)
        const rowStyle = (sheet.getRow(row) as unknown as { style?: Partial<ExcelJS.Style> }).style
        cell.style = { ...column.style, ...rowStyle }
      }
    }
    for (const saved of record.cells) {
      const address = moveAddress(saved.address, rows)
      if (added.has(/^[A-Z]+/.exec(address)![0]) && saved.value === undefined) continue
      const cell = sheet.getCell(address)
      if (saved.value !== undefined) cell.value = convertToCellValue(saved.value)
      const style = { ...cell.style }
      if (saved.format !== undefined) {
        if (saved.format === 'General') delete style.numFmt
        else style.numFmt = saved.format
      }
      const fill = createSavedFill(saved)
      if (fill) style.fill = fill
      else delete style.fill
      cell.style = style
      if (saved.note) cell.note = saved.note
      else removeNote(cell)
    }
  }
  const check = record?.checkSheet ? findRecordedSheet(workbook, record.checkSheet) : undefined
  if (check && check !== sheet) workbook.removeWorksheet(check.id)
  workbook.removeWorksheet(marks.id)
  return 'cleared'
}

/**
 * Marks a worksheet in place from a report (SPEC section 5) by applying core's mark plan: computed
 * columns after the table (or reused), status colours, fills and notes on problem cells, and a
 * "Kiểm tra" sheet listing every issue with a link to its cell. Earlier marks are restored first.
 */
export function markWorkbook(workbook: ExcelJS.Workbook, sheetName: string, report: Report): void {
  const previous = readMarkRecord(workbook)
  const sheet = workbook.getWorksheet(sheetName)
  const own = previous && sheet && findRecordedSheet(workbook, previous.sheet) === sheet
  clearMarks(workbook)
  const plan = computeMarkPlan(report, own ? previous.added : [], sheet ? readMerges(sheet) : [])
  const check = addCheckSheet(workbook, sheetName, plan)
  const record: MarkRecord = {
    version: 2,
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
  const marks = workbook.addWorksheet(marksSheetName, { state: 'veryHidden' })
  for (const chunk of serializeMarkRecord(record)) marks.addRow([chunk])
}

function markSheet(sheet: ExcelJS.Worksheet, plan: MarkPlan, record: MarkRecord) {
  const saved = new Set<string>()
  const rows = new Set<number>()
  const save = (cell: ExcelJS.Cell, withValue: boolean) => {
    rows.add(Number(cell.row))
    if (saved.has(cell.address)) return
    saved.add(cell.address)
    const entry: SavedCell = { address: cell.address, fill: readFill(cell), note: readNote(cell) }
    const fillModel = readFillModel(cell)
    if (fillModel) entry.fillModel = fillModel
    if (withValue) {
      entry.value = convertCellValue(cell.value)
      entry.format = cell.numFmt || 'General'
    }
    record.cells.push(entry)
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
  for (const mark of plan.values) {
    const cell = sheet.getCell(mark.address)
    if (added.has(/^[A-Z]+/.exec(mark.address)![0])) rows.add(Number(cell.row))
    else save(cell, true)
    cell.value = convertToCellValue(mark.value)
    if (mark.fill) restyleCell(cell, { fill: solidFill(mark.fill) })
  }
  for (const mark of plan.notes) {
    const cell = sheet.getCell(mark.address)
    save(cell, false)
    restyleCell(cell, { fill: solidFill(mark.fill) })
    cell.note = mark.note
  }
  const { stt, content } = record.keyColumns
  for (const row of [...rows].sort((a, b) => a - b)) {
    record.rows.push({
      row,
      key: computeRowKey(
        stt ? convertCellValue(sheet.getCell(`${stt}${row}`).value) : null,
        content ? convertCellValue(sheet.getCell(`${content}${row}`).value) : null,
      ),
    })
  }
  record.lastRow = Math.max(record.headerRow, ...rows)
}

function convertToCellValue(value: CellValue): ExcelJS.CellValue {
  return value !== null && typeof value === 'object' ? new Date(`${value.date}T00:00:00Z`) : value
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
    // The summary lines above are single cells that run on over the empty cells beside them.
    if (index > headerIndex) {
      row.alignment = { wrapText: true, vertical: 'top' }
      // The row number stands apart from the problem's text.
      row.getCell(2).alignment = { vertical: 'top', horizontal: 'center' }
    }
  })
  for (const { index, fill } of fills) ws.getRow(index + 1).getCell(4).fill = solidFill(fill)
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

import { columnNumber, type CellValue, type Grid, type MergeArea } from '../../core/index.ts'
import { sheetLimits } from './extent.ts'
import { decodeEscapes, XmlCursor } from './xml.ts'
import { AppError } from '../errors/index.ts'

/**
 * How large a grid may grow: rows, and cells counted up to each row's last value. A sheet whose
 * scattered values would make core walk millions of empty positions (one value in column XFD on
 * every row) is refused before any of them is materialised.
 */
export const gridLimits = { rows: 100_000, cells: 4_000_000 }

/** What a sheet's cells refer to: the shared strings, which cell formats show dates, the date system. */
export type SheetContext = { strings: string[]; dateStyles: boolean[]; date1904: boolean }

/** One `<c>` as written: its type, format, formula flag and raw value. */
type RawCell = { type: string; style: number; formula: boolean; value: string | undefined }

/** A serial date as the calendar day it names (UTC, as ExcelJS rounds it); null when out of range. */
function convertSerialDate(serial: number, date1904: boolean): CellValue {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : { date: date.toISOString().slice(0, 10) }
}

function convertNumber(text: string, style: number, context: SheetContext): CellValue {
  const n = parseFloat(text)
  if (Number.isNaN(n)) return null
  return context.dateStyles[style] ? convertSerialDate(n, context.date1904) : n
}

/** Converts one cell to core's value: formulas by their cached result, shared strings resolved. */
function convertCell(cell: RawCell, context: SheetContext): CellValue {
  const { type, value } = cell
  if (value === undefined || (cell.formula && value === '')) return null
  if (type === 'str' || type === 'inlineStr') return value
  if (type === 'b') return parseInt(value, 10) !== 0
  if (type === 'e') return value
  if (cell.formula) return convertNumber(value, cell.style, context)
  if (type === 's') return context.strings[parseInt(value, 10)] ?? null
  if (type === 'd') {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0]
    return day ? { date: day } : null
  }
  return convertNumber(value, cell.style, context)
}

/** Reads the inside of one `<c>` element: `<f>`, `<v>`, and an inline string's text (runs joined). */
function readCellBody(cursor: XmlCursor, cell: RawCell) {
  let inline: string | null = null
  while (cursor.next()) {
    const { name, kind } = cursor
    if (name === 'c' && kind === 'close') break
    if (name === 'f') {
      cell.formula = true
      if (kind === 'open') cursor.skip()
    } else if (name === 'v' && kind === 'open') cell.value = cursor.readText()
    else if (name === 'rPh' && kind === 'open') cursor.skip()
    else if (name === 't' && kind === 'open') inline = (inline ?? '') + cursor.readText()
  }
  if (inline !== null && cell.value === undefined) cell.value = decodeEscapes(inline)
}

function readMerge(ref: string | null): MergeArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref ?? '')
  if (!m) return null
  const [r1, c1, r2, c2] = [Number(m[2]), columnNumber(m[1]!), Number(m[4]), columnNumber(m[3]!)]
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  }
}

/**
 * Reads a worksheet's XML into core's grid: values (formulas by their cached results, real dates by
 * their cell format), merged areas; a cell hidden under a merge keeps no value of its own. Rows run
 * from row 1 to the last row holding a cell or covered by a merge; each row ends at its last value.
 */
export function readSheetXml(name: string, xml: string, context: SheetContext): Grid {
  const cells: CellValue[][] = []
  const merges: MergeArea[] = []
  const cursor = new XmlCursor(xml)
  let budget = gridLimits.cells
  let rowNumber = 0
  let column = 0
  let lastRow = 0
  let rowWidth = 0
  const closeRow = () => {
    budget -= rowWidth
    if (budget < 0) throw new AppError('workbook/too-large', `${name}: too many cells`)
    rowWidth = 0
  }
  while (cursor.next()) {
    const { name: tag, kind } = cursor
    if (tag === 'c' && kind !== 'close') {
      const ref = cursor.attribute('r')
      const at = ref === null ? null : /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref)
      column = at ? columnNumber(at[1]!) : column + 1
      if (at) rowNumber = Number(at[2])
      const cell: RawCell = {
        type: cursor.attribute('t') ?? 'n',
        style: Number(cursor.attribute('s') ?? 0),
        formula: false,
        value: undefined,
      }
      if (kind === 'open') readCellBody(cursor, cell)
      // A cell with no value still makes its row count when it carries no format (ExcelJS's rule).
      if (cell.value === undefined && !cell.formula && cell.style > 0) continue
      if (rowNumber > gridLimits.rows) throw new AppError('workbook/too-large', `row ${rowNumber}`)
      if (rowNumber > lastRow) lastRow = rowNumber
      if (column > rowWidth) rowWidth = column
      const value = convertCell(cell, context)
      if (value === null) continue
      while (cells.length < rowNumber) cells.push([])
      const row = cells[rowNumber - 1]!
      while (row.length < column - 1) row.push(null)
      row[column - 1] = value
    } else if (tag === 'row' && kind !== 'close') {
      closeRow()
      const r = cursor.attribute('r')
      rowNumber = r === null ? rowNumber + 1 : Number(r)
      column = 0
    } else if (tag === 'mergeCell' && kind !== 'close') {
      const merge = readMerge(cursor.attribute('ref'))
      if (merge) merges.push(merge)
    }
  }
  closeRow()
  return { sheet: name, top: 1, left: 1, cells: placeMerges(cells, merges, lastRow), merges }
}

/** Clears the cells a merge hides (all but its top-left) and extends the rows to those merges cover. */
function placeMerges(cells: CellValue[][], merges: MergeArea[], lastRow: number): CellValue[][] {
  let rows = lastRow
  for (const m of merges) {
    const bottom = Math.min(m.bottom, lastRow + sheetLimits.mergeMarginRows)
    if (bottom > rows) rows = bottom
    for (let r = m.top; r <= bottom && r <= cells.length; r++) {
      const row = cells[r - 1]!
      for (let c = m.left; c <= m.right && c <= row.length; c++) {
        if (r === m.top && c === m.left) continue
        row[c - 1] = null
      }
    }
  }
  if (rows > gridLimits.rows) throw new AppError('workbook/too-large', `row ${rows}`)
  while (cells.length < rows) cells.push([])
  // A row ends at its last value.
  for (const row of cells) while (row.length > 0 && row[row.length - 1] === null) row.pop()
  return cells
}

import {
  clipCellText,
  columnNumber,
  convertExcelSerial,
  showDateAs,
  type CellValue,
  type DatePrecision,
  type Grid,
  type MergeArea,
} from '../../core/index.ts'
import { placeSheetCells, type RowCells } from './sheet-block.ts'
import { decodeEscapes, XmlCursor } from './xml.ts'

export { gridLimits } from './sheet-block.ts'

/** What a sheet's cells refer to: the shared strings, which cell formats show dates, the date system. */
export type SheetContext = {
  strings: string[]
  dateStyles: (DatePrecision | null)[]
  date1904: boolean
}

/** One `<c>` as written: its type, format, formula flag and raw value. */
type RawCell = { type: string; style: number; formula: boolean; value: string | undefined }

/** A number in a date format: the calendar day it names in the workbook's date system (core's one rule, shared with the add-in), or the number when it names none (a time of day). */
function convertNumber(text: string, style: number, context: SheetContext): CellValue {
  const n = parseFloat(text)
  if (Number.isNaN(n)) return null
  const precision = context.dateStyles[style]
  const date = precision ? convertExcelSerial(n, context.date1904) : null
  return date ? showDateAs(date, precision!) : n
}

/** Converts one cell to core's value: formulas by their cached result, shared strings resolved. */
function convertCell(cell: RawCell, context: SheetContext): CellValue {
  const { type, value } = cell
  if (value === undefined || (cell.formula && value === '')) return null
  if (type === 'str' || type === 'inlineStr') return clipCellText(value)
  if (type === 'b') return parseInt(value, 10) !== 0
  if (type === 'e') return clipCellText(value)
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
 * their cell format, text clipped to a cell's 32,767 characters), merged areas; a cell hidden under
 * a merge keeps no value of its own. The XML pass keeps only the cells present; placeSheetCells
 * then cuts the block at long empty bands, so a stray far value costs one cell, never a refusal.
 */
export function readSheetXml(name: string, xml: string, context: SheetContext): Grid {
  const rows: RowCells[] = []
  const merges: MergeArea[] = []
  const cursor = new XmlCursor(xml)
  let rowNumber = 0
  let column = 0
  let lastCountedRow = 0
  let current = null as RowCells | null
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
      if (rowNumber > lastCountedRow) lastCountedRow = rowNumber
      const value = convertCell(cell, context)
      if (value === null) continue
      if (current?.row !== rowNumber) {
        current = { row: rowNumber, columns: [], values: [] }
        rows.push(current)
      }
      current.columns.push(column)
      current.values.push(value)
    } else if (tag === 'row' && kind !== 'close') {
      const r = cursor.attribute('r')
      rowNumber = r === null ? rowNumber + 1 : Number(r)
      column = 0
    } else if (tag === 'mergeCell' && kind !== 'close') {
      const merge = readMerge(cursor.attribute('ref'))
      if (merge) merges.push(merge)
    }
  }
  return placeSheetCells(name, { rows, lastCountedRow, merges })
}

import {
  checkSheetName,
  columnLetter,
  columnNumber,
  convertExcelSerial,
  readDatePrecision,
  showDateAs,
  stripFormatLiterals,
  marksSheetName,
  metaSheetName,
  parseTemplateMeta,
  type CellValue,
  type Grid,
  type MergeArea,
  type TemplateMeta,
} from '../../core/index.ts'
import { readSheetAccess, type SheetAccess } from './protection.ts'

export { checkSheetName }

/** The loaded state of a sheet after the read round trips. */
export type SheetRead = {
  sheetName: string
  sheetId: string
  access: SheetAccess
  grid: Grid
  meta: TemplateMeta | null
  /** The cells' values and number formats as Office.js gave them, by address (to restore them exactly). */
  raw: Map<string, unknown>
  formats: Map<string, string>
  /** Every sheet of the workbook (to name a new "Kiểm tra" sheet and find the records' sheets). */
  sheets: { name: string; id: string }[]
  /** The workbook's date system: serial 0 is 01/01/1904 (true) or 00/01/1900. */
  date1904: boolean
  /** "Protect Workbook": no sheet can be added or deleted. */
  structureProtected: boolean
  /** The hidden record sheet: whether it exists, how many cells it uses, the chunks read so far. */
  marks: { exists: boolean; rows: number; chunks: unknown[] }
}

/** The first round trip: where the table is, protection, date system, metadata, the record. */
export type InfoHandles = {
  sheet: Excel.Worksheet
  sheets: Excel.WorksheetCollection
  used: Excel.Range
  merged: Excel.RangeAreas | null
  meta: Excel.Range
  marksSheet: Excel.Worksheet
  marksUsed: Excel.Range
  structure: Excel.WorkbookProtection
  epoch: Excel.FunctionResult<number>
}

/** Record cells read in one round trip (with a block of the table): at most about 1 MB. */
export const recordPartRows = 12

/** A number format that shows a date ("dd/mm/yyyy", "[$-42A]d/m/yy"), not a time or a number. */
export function isDateFormat(format: string): boolean {
  return /[dy]/.test(stripFormatLiterals(format))
}

/** Splits "Sheet1!B3:D9" or "'Phụ lục'!B3" into its sheet and 1-based corners. */
export function parseAddress(address: string): {
  sheet: string | null
  top: number
  left: number
  bottom: number
  right: number
} {
  const bang = address.lastIndexOf('!')
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null
  const [a, b] = address
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':') as [string, string | undefined]
  const read = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref)
    if (!m) throw new Error(`Địa chỉ ô không hợp lệ: ${address}`)
    return { col: columnNumber(m[1]!.toUpperCase()), row: Number(m[2]) }
  }
  const start = read(a)
  const end = b ? read(b) : start
  return { sheet, top: start.row, left: start.col, bottom: end.row, right: end.col }
}

/**
 * Queues the first read: the sheet (name, id, protection), its used range's size, merged areas
 * (unless `withMerges` is false after Excel refused more than 512 at once), the template
 * metadata, the marks record's first cells, workbook structure protection and the date system.
 * Values come after, in row blocks.
 */
export function queueInfo(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  withMerges: boolean,
): InfoHandles {
  const sheets = context.workbook.worksheets
  sheets.load('items/name,items/id')
  sheet.load('name,id')
  sheet.protection.load('protected,options')
  const used = sheet.getUsedRangeOrNullObject(true)
  used.load('rowIndex,columnIndex,rowCount,columnCount')
  const merged = withMerges ? used.getMergedAreasOrNullObject() : null
  merged?.load('address')
  const meta = sheets.getItemOrNullObject(metaSheetName).getUsedRangeOrNullObject(true)
  meta.load('values')
  const marksSheet = sheets.getItemOrNullObject(marksSheetName)
  marksSheet.load('name')
  const marksUsed = marksSheet.getUsedRangeOrNullObject(true)
  marksUsed.load('rowCount')
  const structure = context.workbook.protection
  structure.load('protected')
  // The workbook's date system, by Excel's own DATE: 0 in the 1904 system, 1462 in the 1900 one
  // (Workbook.use1904DateSystem is still a preview API, not in any released requirement set).
  const epoch = context.workbook.functions.date(1904, 1, 1)
  epoch.load('value')
  return { sheet, sheets, used, merged, meta, marksSheet, marksUsed, structure, epoch }
}

/**
 * Excel refuses merged areas beyond 512 in one call with a GeneralException; any other failure has
 * its own code. A GeneralException is only ever taken for that limit where merged areas were asked
 * for, and the request is then made again without them; a second failure is reported as it is.
 */
export function isGeneralException(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'GeneralException'
}

/**
 * Converts one Office.js cell to core's value: real dates by their number format, in the workbook's
 * date system (the same rule as the xlsx reader), errors as text.
 */
export function convertOfficeValue(value: unknown, format: string, date1904 = false): CellValue {
  if (value === '' || value === null || value === undefined) return null
  if (typeof value === 'number') {
    if (isDateFormat(format)) {
      const date = convertExcelSerial(value, date1904)
      return date ? showDateAs(date, readDatePrecision(format)) : value
    }
    return value
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  return String(value)
}

/** Reads the merged areas' address list ("'Phụ lục'!A1:H1, 'Phụ lục'!A5:B5"). */
export function readMerges(address: string): MergeArea[] {
  return address.split(',').map((a) => {
    const p = parseAddress(a.trim())
    return { top: p.top, left: p.left, bottom: p.bottom, right: p.right }
  })
}

/** The sheet's table area, from the first round trip; values are still to be read. */
export type TableArea = { top: number; left: number; rows: number; columns: number }

export function readInfo(handles: InfoHandles): {
  read: Omit<SheetRead, 'grid' | 'raw' | 'formats'>
  area: TableArea | null
  merges: MergeArea[] | null
} {
  const marksRows = handles.marksUsed.isNullObject ? 0 : handles.marksUsed.rowCount
  const read = {
    sheetName: handles.sheet.name,
    sheetId: handles.sheet.id,
    access: readSheetAccess(handles.sheet.protection),
    meta: handles.meta.isNullObject ? null : parseTemplateMeta(handles.meta.values),
    sheets: handles.sheets.items.map((s) => ({ name: s.name, id: s.id })),
    date1904: handles.epoch.value === 0,
    structureProtected: handles.structure.protected,
    // The record's cells are read with the blocks that follow (see loadSheet).
    marks: { exists: !handles.marksSheet.isNullObject, rows: marksRows, chunks: [] },
  }
  const area = handles.used.isNullObject
    ? null
    : {
        top: handles.used.rowIndex + 1,
        left: handles.used.columnIndex + 1,
        rows: handles.used.rowCount,
        columns: handles.used.columnCount,
      }
  const merges = !handles.merged
    ? null
    : handles.merged.isNullObject
      ? []
      : readMerges(handles.merged.address)
  return { read, area, merges }
}

/** Queues one block of rows: values and number formats (dates are numbers with a date format). */
export function queueBlock(
  sheet: Excel.Worksheet,
  area: TableArea,
  first: number,
  count: number,
): Excel.Range {
  const top = area.top + first
  const range = sheet.getRange(
    `${columnLetter(area.left)}${top}:${columnLetter(area.left + area.columns - 1)}${top + count - 1}`,
  )
  range.load('values,numberFormat')
  return range
}

/** Adds a loaded block to the grid being built. */
export function readBlock(
  range: Excel.Range,
  area: TableArea,
  first: number,
  into: { cells: CellValue[][]; raw: Map<string, unknown>; formats: Map<string, string> },
  date1904: boolean,
): void {
  range.values.forEach((row, r) => {
    into.cells[first + r] = row.map((v, c) => {
      const address = `${columnLetter(area.left + c)}${area.top + first + r}`
      const format = String(range.numberFormat[r]?.[c] ?? 'General')
      if (v !== '') into.raw.set(address, v)
      if (format !== 'General') into.formats.set(address, format)
      return convertOfficeValue(v, format, date1904)
    })
  })
}

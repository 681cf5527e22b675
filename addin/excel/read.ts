import {
  checkSheetName,
  columnLetter,
  columnNumber,
  convertExcelSerial,
  marksSheetName,
  metaSheetName,
  parseMarkRecord,
  parseTemplateMeta,
  type CellValue,
  type Grid,
  type MarkRecord,
  type MergeArea,
  type TemplateMeta,
} from '../../core/index.ts'
import { AddinError } from './errors.ts'

export { checkSheetName }

/** What the sheet's protection lets the add-in do. */
export type SheetProtection = { protected: boolean; formatCells: boolean; editObjects: boolean }

/** The loaded state of the active sheet after the read round trips. */
export type SheetRead = {
  sheetName: string
  sheetId: string
  protection: SheetProtection
  grid: Grid
  meta: TemplateMeta | null
  /** The last marking's record (strictly parsed), and whether its hidden sheet exists at all. */
  record: MarkRecord | null
  hasMarksSheet: boolean
  /** The cells' values and number formats as Office.js gave them, by address (to restore them exactly). */
  raw: Map<string, unknown>
  formats: Map<string, string>
  /** Every sheet of the workbook (to name a new "Kiểm tra" sheet and find the record's sheets). */
  sheets: { name: string; id: string }[]
}

/** The first round trip: where the table is, protection, metadata, the record, the sheet list. */
export type InfoHandles = {
  sheet: Excel.Worksheet
  sheets: Excel.WorksheetCollection
  used: Excel.Range
  merged: Excel.RangeAreas | null
  meta: Excel.Range
  record: Excel.Range
  marksSheet: Excel.Worksheet
}

/** A number format that shows a date ("dd/mm/yyyy", "[$-42A]d/m/yy"), not a time or a number. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
  return /[dy]/i.test(bare)
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
 * (unless `withMerges` is false after Excel refused more than 512 at once), the template metadata,
 * the marks record and the list of sheets. Values come after, in row blocks.
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
  const record = marksSheet.getUsedRangeOrNullObject(true)
  record.load('values')
  return { sheet, sheets, used, merged, meta, record, marksSheet }
}

/** Excel refuses merged areas beyond 512 in one call; the read then asks again in row windows. */
export function isMergeLimitError(error: unknown): boolean {
  return /GeneralException/.test(String((error as { code?: string }).code ?? error))
}

/** Converts one Office.js cell to core's value: real dates by their number format, errors as text. */
export function convertOfficeValue(value: unknown, format: string): CellValue {
  if (value === '' || value === null || value === undefined) return null
  if (typeof value === 'number') {
    if (isDateFormat(format)) {
      const date = convertExcelSerial(value)
      return date ? { date } : value
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
  const p = handles.sheet.protection
  const read = {
    sheetName: handles.sheet.name,
    sheetId: handles.sheet.id,
    protection: {
      protected: p.protected,
      formatCells: !p.protected || p.options.allowFormatCells === true,
      editObjects: !p.protected || p.options.allowEditObjects === true,
    },
    meta: handles.meta.isNullObject ? null : parseTemplateMeta(handles.meta.values),
    record: handles.record.isNullObject
      ? null
      : parseMarkRecord(handles.record.values.map((r) => r[0])),
    hasMarksSheet: !handles.marksSheet.isNullObject,
    sheets: handles.sheets.items.map((s) => ({ name: s.name, id: s.id })),
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
): void {
  range.values.forEach((row, r) => {
    into.cells[first + r] = row.map((v, c) => {
      const address = `${columnLetter(area.left + c)}${area.top + first + r}`
      const format = String(range.numberFormat[r]?.[c] ?? 'General')
      if (v !== '') into.raw.set(address, v)
      if (format !== 'General') into.formats.set(address, format)
      return convertOfficeValue(v, format)
    })
  })
}

/** The error the pane shows when the sheet's table cannot be read even a row at a time. */
export function createReadError(): AddinError {
  return new AddinError('read-too-large')
}

import {
  clipCellText,
  columnLetter,
  metaSheetName,
  parseTemplateMeta,
  readDatePrecision,
  showDateAs,
  readTable,
  type CellValue,
  type Grid,
  type MergeArea,
  type TemplateMeta,
  normalizeFill,
  parseRecord,
  sheetRoleKey,
  type SavedValue,
  type SheetRole,
  type SheetsMarkRecord,
} from '../core/index.ts'

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet
type Sheet = GoogleAppsScript.Spreadsheet.Sheet

/** The active sheet read with bulk calls, and our sheets found by developer metadata. */
export type AddonRead = {
  spreadsheet: Spreadsheet
  sheet: Sheet
  grid: Grid
  meta: TemplateMeta | null
  record: SheetsMarkRecord | null
  own: Partial<Record<SheetRole, Sheet>>
  /** The data range's values and formulas as Apps Script gave them (for saving what we overwrite). */
  values: unknown[][]
  formulas: string[][]
}

/**
 * Converts one Apps Script value: a Date becomes the calendar date it shows in the spreadsheet's time
 * zone, with what its number format shows of it (a month for "M/yyyy"), as every reader does.
 */
export function convertScriptValue(value: unknown, timeZone: string, format = ''): CellValue {
  if (value === '' || value === null || value === undefined) return null
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const date = Utilities.formatDate(value as Date, timeZone, 'yyyy-MM-dd')
    return showDateAs(date, format ? readDatePrecision(format) : 'day')
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value
  return String(value)
}

/** What a cell held, to put back later: its formula, else its value (dates as calendar dates). */
export function readSavedValue(value: unknown, formula: string, timeZone: string): SavedValue {
  if (formula) return { formula }
  return convertScriptValue(value, timeZone)
}

/** "#ffffff" and empty → null; others upper-case. */
export function readFill(color: string | null | undefined): string | null {
  return normalizeFill(color ?? null)
}

/** Our sheets (the "Kiểm tra" summary and the hidden record), by developer metadata, never by title. */
export function findOwnSheets(spreadsheet: Spreadsheet): Partial<Record<SheetRole, Sheet>> {
  const own: Partial<Record<SheetRole, Sheet>> = {}
  for (const m of spreadsheet.createDeveloperMetadataFinder().withKey(sheetRoleKey).find()) {
    const role = m.getValue()
    const sheet = m.getLocation().getSheet()
    if (sheet && (role === 'check' || role === 'marks')) own[role] = sheet
  }
  return own
}

function readMeta(spreadsheet: Spreadsheet): TemplateMeta | null {
  const sheet = spreadsheet.getSheetByName(metaSheetName)
  // One parser for every surface (plan id, year, template version, remembered column choices).
  return sheet ? parseTemplateMeta(sheet.getDataRange().getValues()) : null
}

function readGrid(sheet: Sheet, timeZone: string) {
  const range = sheet.getDataRange()
  const values = range.getValues()
  const formulas = range.getFormulas()
  const formats = range.getNumberFormats()
  // A Sheets cell holds up to 50,000 characters; checked as Excel would hold it (what is saved to
  // put back stays whole).
  const cells = values.map((row, r) =>
    row.map((v, c) => {
      const cell = convertScriptValue(v, timeZone, formats[r]?.[c])
      return typeof cell === 'string' ? clipCellText(cell) : cell
    }),
  )
  const merges: MergeArea[] = range.getMergedRanges().map((m) => ({
    top: m.getRow(),
    left: m.getColumn(),
    bottom: m.getLastRow(),
    right: m.getLastColumn(),
  }))
  return { grid: { sheet: sheet.getName(), top: 1, left: 1, cells, merges }, values, formulas }
}

/**
 * Reads the sheet to check: the active one, unless it is one of ours (then the marked sheet or the
 * first sheet with a table). A constant number of bulk calls whatever the table size.
 */
export function readActive(spreadsheet: Spreadsheet, marked = false): AddonRead {
  const timeZone = spreadsheet.getSpreadsheetTimeZone()
  const own = findOwnSheets(spreadsheet)
  const record = own.marks
    ? parseRecord(
        own.marks
          .getRange(1, 1, Math.max(own.marks.getLastRow(), 1), 1)
          .getValues()
          .map((r) => r[0]),
      )
    : null
  let sheet = spreadsheet.getActiveSheet()
  const ownIds = Object.values(own).map((s) => s.getSheetId())
  if (marked || ownIds.includes(sheet.getSheetId())) {
    const marked = record
      ? spreadsheet.getSheets().find((s) => s.getSheetId() === record.sheetId)
      : null
    sheet =
      marked ??
      spreadsheet
        .getSheets()
        .find((s) => !ownIds.includes(s.getSheetId()) && readTable(readGrid(s, timeZone).grid)) ??
      sheet
  }
  const { grid, values, formulas } = readGrid(sheet, timeZone)
  return { spreadsheet, sheet, grid, meta: readMeta(spreadsheet), record, own, values, formulas }
}

/** The address of a 0-based cell of a rectangle that starts at A1. */
export function formatCell(row: number, col: number): string {
  return `${columnLetter(col + 1)}${row + 1}`
}

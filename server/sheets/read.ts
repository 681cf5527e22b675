import type { sheets_v4 } from '@googleapis/sheets'
import {
  clipCellText,
  columnLetter,
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
} from '../../core/index.ts'
import { callWithBackoff, type BackoffOptions } from './backoff.ts'
import { convertApiError } from './errors.ts'
import type { SheetTarget } from './target.ts'
import { AppError } from '../errors/index.ts'

/** The grid the service and the CLI accept (the same limits as the add-in's JSON table). */
export const sheetLimits = { rows: 10_000, columns: 300 }

/**
 * Everything one `spreadsheets.get` brings: only the fields we use (values, number format types,
 * fills, notes, merges, protected ranges, developer metadata) — Google bills and sizes by the mask.
 */
export const readFields = [
  'spreadsheetId',
  'properties(title,locale,timeZone)',
  'sheets(properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount)),merges,' +
    'protectedRanges(range,warningOnly,requestingUserCanEdit),' +
    'developerMetadata(metadataId,metadataKey,metadataValue),' +
    'data(startRow,startColumn,rowData(values(userEnteredValue,effectiveValue,' +
    'effectiveFormat/numberFormat(type,pattern),userEnteredFormat(backgroundColor,backgroundColorStyle),note))))',
].join(',')

/** One cell of the checked sheet as it was before we wrote anything. */
export type CellState = { value: SavedValue; fill: string | null; note: string | null }

/** The checked sheet, its marks and everything needed to write or undo marks. */
export type SpreadsheetRead = {
  spreadsheetId: string
  title: string
  timeZone: string
  sheetId: number
  sheetName: string
  rowCount: number
  columnCount: number
  grid: Grid
  meta: TemplateMeta | null
  record: SheetsMarkRecord | null
  /** Our sheets, found by developer metadata (never by title). */
  own: Partial<Record<SheetRole, number>>
  ownTitles: Partial<Record<SheetRole, string>>
  titles: Set<string>
  sheetIds: Set<number>
  /** Non-empty cells of the checked sheet by address. */
  cells: Map<string, CellState>
  /** Ranges of the checked sheet the requesting user may not edit. */
  locked: sheets_v4.Schema$GridRange[]
}

const errorTexts: Record<string, string> = {
  DIVIDE_BY_ZERO: '#DIV/0!',
  N_A: '#N/A',
  NAME: '#NAME?',
  NULL_VALUE: '#NULL!',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  LOADING: '#LOADING',
}

/** Days since 1899-12-30 (Google's serial dates) → ISO date. */
export function convertSheetsSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** {red, green, blue} in 0..1 (zero components omitted by the API) → "#RRGGBB". */
export function convertColor(color: sheets_v4.Schema$Color | null | undefined): string | null {
  if (!color) return null
  const hex = (x: number | null | undefined) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0')
  return normalizeFill(`#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`)
}

/** "#C6EFCE" → the API's colour style. */
export function createColorStyle(hex: string): sheets_v4.Schema$ColorStyle {
  const part = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16) / 255
  return { rgbColor: { red: part(1), green: part(3), blue: part(5) } }
}

/** Converts one API cell to core's value: dates from serials by their number format, never from text. */
export function convertCellData(cell: sheets_v4.Schema$CellData): CellValue {
  const v = cell.effectiveValue
  if (!v) return null
  if (typeof v.stringValue === 'string')
    return v.stringValue === '' ? null : clipCellText(v.stringValue)
  if (typeof v.numberValue === 'number') {
    const type = cell.effectiveFormat?.numberFormat?.type
    if (type === 'DATE' || type === 'DATE_TIME') {
      const date = convertSheetsSerial(v.numberValue)
      const pattern = cell.effectiveFormat?.numberFormat?.pattern
      return date ? showDateAs(date, pattern ? readDatePrecision(pattern) : 'day') : v.numberValue
    }
    return v.numberValue
  }
  if (typeof v.boolValue === 'boolean') return v.boolValue
  if (v.errorValue) return errorTexts[v.errorValue.type ?? 'ERROR'] ?? '#ERROR!'
  return null
}

function readSavedValue(cell: sheets_v4.Schema$CellData): SavedValue {
  const u = cell.userEnteredValue
  if (!u) return null
  if (typeof u.formulaValue === 'string') return { formula: u.formulaValue }
  if (typeof u.numberValue === 'number') return u.numberValue
  if (typeof u.boolValue === 'boolean') return u.boolValue
  return u.stringValue ?? null
}

function readRole(sheet: sheets_v4.Schema$Sheet): SheetRole | null {
  const found = sheet.developerMetadata?.find((m) => m.metadataKey === sheetRoleKey)
  return found?.metadataValue === 'check' || found?.metadataValue === 'marks'
    ? found.metadataValue
    : null
}

/** Reads one sheet's data block into core's grid and its cells' state. */
export function readSheetData(sheet: sheets_v4.Schema$Sheet): {
  grid: Grid
  cells: Map<string, CellState>
} {
  const title = sheet.properties?.title ?? ''
  const cells = new Map<string, CellState>()
  const rows: CellValue[][] = []
  for (const block of sheet.data ?? []) {
    const top = block.startRow ?? 0
    const left = block.startColumn ?? 0
    for (const [r, rowData] of (block.rowData ?? []).entries()) {
      const row = (rows[top + r] ??= [])
      for (const [c, cell] of (rowData.values ?? []).entries()) {
        const value = convertCellData(cell)
        while (row.length < left + c) row.push(null)
        row[left + c] = value
        const format = cell.userEnteredFormat
        const fill = convertColor(format?.backgroundColorStyle?.rgbColor ?? format?.backgroundColor)
        const saved = readSavedValue(cell)
        if (saved !== null || fill || cell.note)
          cells.set(`${columnLetter(left + c + 1)}${top + r + 1}`, {
            value: saved,
            fill,
            note: cell.note ?? null,
          })
      }
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= []
  const merges: MergeArea[] = (sheet.merges ?? []).map((m) => ({
    top: (m.startRowIndex ?? 0) + 1,
    left: (m.startColumnIndex ?? 0) + 1,
    bottom: m.endRowIndex ?? 1,
    right: m.endColumnIndex ?? 1,
  }))
  return { grid: { sheet: title, top: 1, left: 1, cells: rows, merges }, cells }
}

/** The template's hidden metadata, by core's one parser (as the xlsx reader and the add-in read it). */
function readMeta(grid: Grid): TemplateMeta {
  return parseTemplateMeta(grid.cells)
}

function isCandidate(sheet: sheets_v4.Schema$Sheet): boolean {
  const title = sheet.properties?.title ?? ''
  return !sheet.properties?.hidden && !readRole(sheet) && !title.startsWith('_cchc')
}

/** Picks the sheet: by gid, by name, else the first visible sheet holding an annex table. */
function selectSheet(
  sheets: sheets_v4.Schema$Sheet[],
  gid: number | null,
  name: string | null,
): sheets_v4.Schema$Sheet {
  if (gid !== null || name) {
    const found = sheets.find((s) =>
      gid !== null ? s.properties?.sheetId === gid : s.properties?.title === name,
    )
    if (!found) throw new AppError('sheets/sheet-not-found', name ?? `gid=${gid}`)
    return found
  }
  const candidates = sheets.filter(isCandidate)
  const withTable = candidates.find((s) => readTable(readSheetData(s).grid))
  const chosen = withTable ?? candidates[0]
  if (!chosen) throw new AppError('sheets/sheet-not-found')
  return chosen
}

/** Whether a protected range covers any part of the checked sheet the user may not edit. */
function isLockedFor(range: sheets_v4.Schema$ProtectedRange, sheetId: number): boolean {
  return (
    (range.range?.sheetId ?? 0) === sheetId && !range.warningOnly && !range.requestingUserCanEdit
  )
}

/** Reads the spreadsheet in one `spreadsheets.get` and converts the chosen sheet to core's grid. */
export async function readSpreadsheet(
  api: sheets_v4.Sheets,
  target: SheetTarget,
  sheetName: string | null,
  backoff: BackoffOptions = {},
): Promise<SpreadsheetRead> {
  let data: sheets_v4.Schema$Spreadsheet
  try {
    const response = await callWithBackoff(
      () =>
        api.spreadsheets.get({
          spreadsheetId: target.spreadsheetId,
          includeGridData: true,
          fields: readFields,
        }),
      backoff,
    )
    data = response.data
  } catch (error) {
    throw convertApiError(error)
  }
  const sheets = data.sheets ?? []
  const sheet = selectSheet(sheets, sheetName ? null : target.gid, sheetName)
  const sheetId = sheet.properties?.sheetId ?? 0
  const { grid, cells } = readSheetData(sheet)
  const width = Math.max(0, ...grid.cells.map((r) => r.length))
  if (grid.cells.length > sheetLimits.rows || width > sheetLimits.columns)
    throw new AppError('sheets/too-large', `${grid.cells.length} × ${width}`)
  const own: Partial<Record<SheetRole, number>> = {}
  const ownTitles: Partial<Record<SheetRole, string>> = {}
  for (const s of sheets) {
    const role = readRole(s)
    if (role) own[role] = s.properties?.sheetId ?? 0
    if (role) ownTitles[role] = s.properties?.title ?? ''
  }
  const marksSheet = sheets.find((s) => readRole(s) === 'marks')
  const metaSheet = sheets.find((s) => s.properties?.title === '_cchc')
  const record = marksSheet
    ? parseRecord(readSheetData(marksSheet).grid.cells.map((r) => r[0] ?? null))
    : null
  return {
    spreadsheetId: data.spreadsheetId ?? target.spreadsheetId,
    title: data.properties?.title ?? '',
    timeZone: data.properties?.timeZone ?? 'Asia/Ho_Chi_Minh',
    sheetId,
    sheetName: sheet.properties?.title ?? '',
    rowCount: sheet.properties?.gridProperties?.rowCount ?? 1000,
    columnCount: sheet.properties?.gridProperties?.columnCount ?? 26,
    grid,
    meta: metaSheet ? readMeta(readSheetData(metaSheet).grid) : null,
    record,
    own,
    ownTitles,
    titles: new Set(sheets.map((s) => s.properties?.title ?? '')),
    sheetIds: new Set(sheets.map((s) => s.properties?.sheetId ?? 0)),
    cells,
    locked: (sheet.protectedRanges ?? [])
      .filter((p) => isLockedFor(p, sheetId))
      .map((p) => p.range ?? { sheetId }),
  }
}

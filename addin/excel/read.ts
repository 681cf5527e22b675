import {
  checkSheetName,
  columnLetter,
  columnNumber,
  convertExcelSerial,
  marksSheetName,
  type CellValue,
  type Grid,
  type MergeArea,
  type TemplateMeta,
} from '../../core/index.ts'

/** What a marking changed on a sheet, kept in the hidden "_cchc_marks" sheet so that it can be undone. */
export type SavedCell = {
  address: string
  value?: CellValue | unknown
  fill: string | null | { fgColor?: { argb?: string } }
  note: string | null | { texts?: { text: string }[] }
}
export type MarkRecord = {
  sheet: string
  added: string[]
  headerRow?: number
  lastRow?: number
  cells: SavedCell[]
}

/** The loaded state of the active sheet after the first round trip. */
export type SheetRead = {
  sheetName: string
  grid: Grid
  meta: TemplateMeta | null
  record: MarkRecord | null
  /** Fill colours ("#RRGGBB", null for none) of the used range's cells by address. */
  fills: Map<string, string | null>
  /** The cells' values as Office.js gave them, by address (for restoring them exactly). */
  raw: Map<string, unknown>
  /** Whether the "Kiểm tra" and "_cchc_marks" sheets exist. */
  hasCheckSheet: boolean
  hasMarksSheet: boolean
}

/** The handles a check loads in its first round trip; read them only after `context.sync()`. */
export type ReadHandles = {
  sheet: Excel.Worksheet
  used: Excel.Range
  merged: Excel.RangeAreas
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>
  meta: Excel.Range
  record: Excel.Range
  checkSheet: Excel.Worksheet
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

/** Queues every read a check needs, so that one `context.sync()` brings it all. */
export function queueRead(context: Excel.RequestContext): ReadHandles {
  const sheets = context.workbook.worksheets
  const sheet = sheets.getActiveWorksheet()
  sheet.load('name')
  const used = sheet.getUsedRangeOrNullObject(true)
  used.load(['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex'])
  const merged = used.getMergedAreasOrNullObject()
  merged.load('address')
  const fills = used.getCellProperties({ address: true, format: { fill: { color: true } } })
  const meta = sheets.getItemOrNullObject('_cchc').getUsedRangeOrNullObject(true)
  meta.load('values')
  const marksSheet = sheets.getItemOrNullObject(marksSheetName)
  marksSheet.load('name')
  const record = marksSheet.getUsedRangeOrNullObject(true)
  record.load('values')
  const checkSheet = sheets.getItemOrNullObject(checkSheetName)
  checkSheet.load('name')
  return { sheet, used, merged, fills, meta, record, checkSheet, marksSheet }
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

function readMeta(values: unknown[][]): TemplateMeta {
  const meta: TemplateMeta = {}
  for (const [key, value] of values) {
    if (key === 'planId' && value !== '') meta.planId = String(value)
    if (key === 'year' && Number.isFinite(Number(value)) && value !== '') meta.year = Number(value)
    if (key === 'templateVersion' && value !== '') meta.templateVersion = String(value)
    if (key === 'columns' && value !== '') meta.columns = String(value)
  }
  return meta
}

/** Turns the loaded handles into core's grid and the sheet's previous marks. */
export function readLoaded(handles: ReadHandles): SheetRead {
  const sheetName = handles.sheet.name
  const fills = new Map<string, string | null>()
  const raw = new Map<string, unknown>()
  const hasCheckSheet = !handles.checkSheet.isNullObject
  const hasMarksSheet = !handles.marksSheet.isNullObject
  const meta = handles.meta.isNullObject ? null : readMeta(handles.meta.values)
  let record: MarkRecord | null = null
  if (!handles.record.isNullObject) {
    const json = handles.record.values.map((r) => String(r[0] ?? '')).join('')
    try {
      record = json ? (JSON.parse(json) as MarkRecord) : null
    } catch {
      record = null
    }
  }
  const base = { sheetName, meta, record, fills, raw, hasCheckSheet, hasMarksSheet }
  if (handles.used.isNullObject)
    return { ...base, grid: { sheet: sheetName, top: 1, left: 1, cells: [], merges: [] } }
  const values = handles.used.values
  const formats = handles.used.numberFormat
  const top = handles.used.rowIndex + 1
  const left = handles.used.columnIndex + 1
  const cells = values.map((row, r) =>
    row.map((v, c) => {
      if (v !== '') raw.set(`${columnLetter(left + c)}${top + r}`, v)
      return convertOfficeValue(v, String(formats[r]?.[c] ?? 'General'))
    }),
  )
  const merges: MergeArea[] = handles.merged.isNullObject
    ? []
    : handles.merged.address.split(',').map((a) => {
        const p = parseAddress(a.trim())
        return { top: p.top, left: p.left, bottom: p.bottom, right: p.right }
      })
  for (const row of handles.fills.value) {
    for (const cell of row) {
      const address = cell.address ? parseAddress(cell.address) : null
      if (!address) continue
      const color = cell.format?.fill?.color
      fills.set(
        `${columnLetter(address.left)}${address.top}`,
        color && color.toUpperCase() !== '#FFFFFF' ? color : null,
      )
    }
  }
  return { ...base, grid: { sheet: sheetName, top, left, cells, merges } }
}

import ExcelJS from 'exceljs'
import type { CellValue, Grid, MergeArea, TemplateMeta } from '../../core/index.ts'
import { metaSheetName, parseMarkRecord, parseTemplateMeta, readTable } from '../../core/index.ts'
import { WorkbookError } from './errors.ts'
import { inspectPackage } from './guard.ts'

export { metaSheetName } from '../../core/index.ts'

/**
 * Loads a workbook from bytes after checking what the bytes are: legacy .xls, .ods and
 * password-protected files get their own message; unsafe or oversized packages are refused
 * before ExcelJS parses them.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const safe = inspectPackage(bytes)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(safe as unknown as ArrayBuffer)
  } catch (error) {
    throw new WorkbookError(
      'corrupt',
      error instanceof Error ? error.message.slice(0, 120) : undefined,
    )
  }
  return workbook
}

type RichText = { richText: { text: string }[] }

/** Converts one ExcelJS cell value to core's cell value. */
export function convertCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) }
  }
  if (typeof value === 'object') {
    if ('richText' in value) return (value as RichText).richText.map((r) => r.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result
      if (result && typeof result === 'object' && 'error' in result) return String(result.error)
      return convertCellValue(result ?? null)
    }
    if ('hyperlink' in value) return convertCellValue((value as { text: ExcelJS.CellValue }).text)
    if ('error' in value) return String((value as { error: string }).error)
  }
  return null
}

/**
 * How large a grid may grow: rows, and cells counted up to each row's last value. A sheet whose
 * scattered values would make core walk millions of empty positions (one value in column XFD on
 * every row) is refused before any of them is materialised.
 */
export const gridLimits = { rows: 100_000, cells: 4_000_000 }

/** Reads a worksheet into core's grid: values, real dates, merged areas. Empty edges are trimmed. */
export function readSheetGrid(worksheet: ExcelJS.Worksheet): Grid {
  const cells: CellValue[][] = []
  let budget = gridLimits.cells
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > gridLimits.rows) throw new WorkbookError('too-large', `row ${rowNumber}`)
    budget -= row.cellCount
    if (budget < 0) throw new WorkbookError('too-large', `${worksheet.name}: too many cells`)
    const out: CellValue[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master !== cell) return
      const v = convertCellValue(cell.value)
      if (v === null) return
      while (out.length < col - 1) out.push(null)
      out[col - 1] = v
    })
    while (cells.length < rowNumber - 1) cells.push([])
    cells[rowNumber - 1] = out
  })
  const merges: MergeArea[] = []
  for (const range of (worksheet.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)
    if (!m) continue
    const a = worksheet.getCell(`${m[1]}${m[2]}`)
    const b = worksheet.getCell(`${m[3]}${m[4]}`)
    merges.push({
      top: Number(a.row),
      left: Number(a.col),
      bottom: Number(b.row),
      right: Number(b.col),
    })
  }
  return { sheet: worksheet.name, top: 1, left: 1, cells, merges }
}

/** Reads the hidden metadata of a workbook built by `cchc template`. */
export function readTemplateMeta(workbook: ExcelJS.Workbook): TemplateMeta | null {
  const sheet = workbook.getWorksheet(metaSheetName)
  if (!sheet) return null
  const rows: CellValue[][] = []
  sheet.eachRow((row) => {
    rows.push([convertCellValue(row.getCell(1).value), convertCellValue(row.getCell(2).value)])
  })
  return parseTemplateMeta(rows)
}

/**
 * Sheets that hold the product's own data, never an annex table: the hidden metadata and record, and
 * the "Kiểm tra" sheet the last marking created (by the record, so a user's sheet of that name counts).
 */
export function isOwnSheet(workbook: ExcelJS.Workbook, name: string): boolean {
  if (name === metaSheetName || name.startsWith('_cchc')) return true
  const marks = workbook.getWorksheet('_cchc_marks')
  if (!marks) return false
  const chunks: unknown[] = []
  marks.eachRow((row) => {
    chunks.push(row.getCell(1).value)
  })
  return parseMarkRecord(chunks)?.checkSheet?.name === name
}

/**
 * Picks the sheet to check: the one named, else the first visible sheet in which a table is found,
 * else the first visible sheet.
 */
export function selectSheet(
  workbook: ExcelJS.Workbook,
  name?: string | null,
): { worksheet: ExcelJS.Worksheet; grid: Grid } {
  if (name) {
    const ws = workbook.getWorksheet(name) ?? workbook.worksheets[Number(name) - 1]
    if (!ws) throw new WorkbookError('sheet-not-found', name)
    return { worksheet: ws, grid: readSheetGrid(ws) }
  }
  const candidates = workbook.worksheets.filter(
    (ws) => ws.state === 'visible' && !isOwnSheet(workbook, ws.name),
  )
  if (candidates.length === 1)
    return { worksheet: candidates[0]!, grid: readSheetGrid(candidates[0]!) }
  let first: { worksheet: ExcelJS.Worksheet; grid: Grid } | null = null
  for (const ws of candidates) {
    const grid = readSheetGrid(ws)
    first ??= { worksheet: ws, grid }
    if (readTable(grid)) return { worksheet: ws, grid }
  }
  if (!first) throw new WorkbookError('sheet-not-found', 'no visible sheet')
  return first
}

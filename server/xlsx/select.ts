import type { CellValue, Grid, TemplateMeta } from '../../core/index.ts'
import { metaSheetName, parseMarkBook, parseTemplateMeta, readTable } from '../../core/index.ts'
import type { SheetView, WorkbookView } from './book.ts'
import { AppError } from '../errors/index.ts'

function findSheet(book: WorkbookView, name: string): SheetView | undefined {
  return book.sheets.find((s) => s.name === name)
}

/** Rows of a sheet that hold something, as lists of their first `width` values. */
function readRows(sheet: SheetView, width: number): CellValue[][] {
  return sheet
    .readGrid()
    .cells.filter((row) => row.length > 0)
    .map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null))
}

/** Reads the hidden metadata of a workbook built by `cchc template`. */
export function readTemplateMeta(book: WorkbookView): TemplateMeta | null {
  const sheet = findSheet(book, metaSheetName)
  return sheet ? parseTemplateMeta(readRows(sheet, 2)) : null
}

/**
 * Sheets that hold the product's own data, never an annex table: the hidden metadata and record, and
 * the "Kiểm tra" sheets the markings created (by the record, so a user's sheet of that name counts).
 */
export function listOwnSheets(book: WorkbookView): Set<string> {
  const own = new Set(
    book.sheets.map((s) => s.name).filter((n) => n === metaSheetName || n.startsWith('_cchc')),
  )
  const marks = findSheet(book, '_cchc_marks')
  const records = marks ? parseMarkBook(readRows(marks, 1).map((row) => row[0]))?.records : []
  for (const record of records ?? []) if (record.checkSheet) own.add(record.checkSheet.name)
  return own
}

/**
 * Picks the sheet to check: the one named (or numbered), else the first visible sheet in which a
 * table is found, else the first visible sheet.
 */
export function selectSheet(
  book: WorkbookView,
  name?: string | null,
): { name: string; grid: Grid } {
  if (name) {
    const sheet = findSheet(book, name) ?? book.sheets[Number(name) - 1]
    if (!sheet) throw new AppError('workbook/sheet-not-found', name)
    return { name: sheet.name, grid: sheet.readGrid() }
  }
  const own = listOwnSheets(book)
  const candidates = book.sheets.filter((s) => s.state === 'visible' && !own.has(s.name))
  let first: { name: string; grid: Grid } | null = null
  for (const sheet of candidates) {
    const grid = sheet.readGrid()
    if (candidates.length === 1) return { name: sheet.name, grid }
    first ??= { name: sheet.name, grid }
    if (readTable(grid)) return { name: sheet.name, grid }
  }
  if (!first) throw new AppError('workbook/sheet-not-found', 'no visible sheet')
  return first
}

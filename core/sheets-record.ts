import type { CellValue, Grid } from './grid.ts'
import { columnNumber } from './grid.ts'
import { moveAddress } from './marks-book.ts'
import { computeRowIdentity, matchRows, type RowIdentity } from './row-identity.ts'

// The Google Sheets record: shared by the Sheets API adapter (server/sheets/) and the Apps Script
// add-on (sheets-addon/), which read each other's marks. Rows are found again as in Excel
// (core/row-identity.ts): by STT, then content, then position.

/** Developer metadata key that names our sheets; the value says which ("check" or "marks"). */
export const sheetRoleKey = 'cchc-sheet'
export type SheetRole = 'check' | 'marks'

/** Every note we write ends with this line, so that clearing removes our notes and keeps the user's. */
export const noteTag = '\n— CCHC Annex'

/** A value as marking saved it: a plain value, or a formula. */
export type SavedValue = CellValue | { formula: string }

/** What a marking changed in one cell, to be put back by "clear" or before re-marking. */
export type SavedCell = {
  address: string
  value?: SavedValue
  /** "#RRGGBB", or null when the cell had no fill. */
  fill: string | null
  note: string | null
}

/** The record kept (as JSON) in the hidden marks sheet, located by developer metadata. */
export type SheetsMarkRecord = {
  sheet: string
  sheetId: number
  added: string[]
  headerRow: number
  lastRow: number
  cells: SavedCell[]
  /** The row-identity columns and each marked row's identity (absent in records written before them). */
  keyColumns?: { stt: string | null; content: string | null }
  rows?: [number, string, string][]
}

/** Cell text limit is 50,000 characters; the record is split into chunks well below it. */
export const recordChunk = 30_000

/** Splits a record into the cells of the marks sheet's first column. */
export function splitRecord(record: SheetsMarkRecord): string[] {
  const json = JSON.stringify(record)
  const chunks: string[] = []
  for (let i = 0; i < json.length; i += recordChunk) chunks.push(json.slice(i, i + recordChunk))
  return chunks
}

/** Parses the marks sheet's first column back into a record; a damaged record counts as none. */
export function parseRecord(chunks: unknown[]): SheetsMarkRecord | null {
  const json = chunks.map((c) => (typeof c === 'string' ? c : '')).join('')
  if (!json) return null
  try {
    const record = JSON.parse(json) as SheetsMarkRecord
    const rows = record.rows ?? []
    const valid =
      Array.isArray(record.cells) &&
      Array.isArray(record.added) &&
      Array.isArray(rows) &&
      rows.every((r) => Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'string')
    return valid ? record : null
  } catch {
    return null
  }
}

/** The record's rows as identities (none for an older record: its cells stay where they were). */
export function readRecordRows(record: SheetsMarkRecord): RowIdentity[] {
  return (record.rows ?? []).map(([row, stt, content]) => ({ row, stt, content }))
}

/** Adds our tag to a note's text. */
export function tagNote(text: string): string {
  return `${text}${noteTag}`
}

/** Whether a note is one we wrote (and the user has not replaced). */
export function isOwnNote(note: string | null | undefined): boolean {
  return typeof note === 'string' && note.endsWith(noteTag)
}

/** "FFC6EFCE" (ARGB as core writes colours) → "#C6EFCE". */
export function convertArgbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`
}

/** "#c6efce" → "#C6EFCE"; white and empty count as no fill. */
export function normalizeFill(color: string | null | undefined): string | null {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return null
  const upper = color.toUpperCase()
  return upper === '#FFFFFF' ? null : upper
}

/** Splits "AB12" into its column letters and row. */
export function splitAddress(address: string): { column: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)
  if (!m) throw new Error(`Địa chỉ ô không hợp lệ: ${address}`)
  return { column: m[1]!, row: Number(m[2]) }
}

/** A grid's value at an address ("D5"), null outside it. */
function readGridValue(grid: Grid, column: string, row: number): CellValue {
  return grid.cells[row - grid.top]?.[columnNumber(column) - grid.left] ?? null
}

/** The identities of a sheet's rows, from its grid (for the record, and to find rows again). */
export function identifyGridRow(
  grid: Grid,
  keyColumns: { stt: string | null; content: string | null },
  row: number,
): RowIdentity {
  const { stt, content } = keyColumns
  return computeRowIdentity(
    row,
    stt ? readGridValue(grid, stt, row) : null,
    content ? readGridValue(grid, content, row) : null,
  )
}

/**
 * Where a Sheets record's cells are now: rows found again by STT, content and position (as in
 * Excel and `cchc clear`); cells of rows that are gone left out. A record written before rows were
 * recorded keeps its addresses.
 */
export function moveRecordCells(
  record: SheetsMarkRecord,
  grid: Grid,
  currentHeader: number | null,
): { cells: SavedCell[]; missing: string[]; headerRow: number; lastRow: number } {
  const rows = readRecordRows(record)
  if (!record.keyColumns || !rows.length)
    return {
      cells: record.cells,
      missing: [],
      headerRow: record.headerRow,
      lastRow: record.lastRow,
    }
  const keys = record.keyColumns
  const lastSheetRow = grid.top + grid.cells.length - 1
  const match = matchRows(
    rows,
    { recorded: record.headerRow, current: currentHeader },
    (row) => identifyGridRow(grid, keys, row),
    Math.max(lastSheetRow, record.lastRow),
  )
  const gone = new Set(match.missing)
  const cells: SavedCell[] = []
  const missing: string[] = []
  for (const cell of record.cells) {
    const { row } = splitAddress(cell.address)
    if (gone.has(row)) missing.push(cell.address)
    else cells.push({ ...cell, address: moveAddress(cell.address, match.rows) })
  }
  const headerRow = currentHeader ?? record.headerRow
  return {
    cells,
    missing,
    headerRow,
    lastRow: Math.max(headerRow, lastSheetRow, ...match.rows.values()),
  }
}

/** An Excel column width (characters of the default font) in screen pixels, as Excel converts it. */
export function convertWidthToPixels(width: number): number {
  return Math.round(width * 7 + 5)
}

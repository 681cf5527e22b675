import type { CellValue } from '../../core/index.ts'

// Pure: shared by the Sheets API adapter and the Apps Script add-on, which read each other's marks.

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
    return Array.isArray(record.cells) && Array.isArray(record.added) ? record : null
  } catch {
    return null
  }
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

/** An Excel column width (characters of the default font) in screen pixels, as Excel converts it. */
export function convertWidthToPixels(width: number): number {
  return Math.round(width * 7 + 5)
}

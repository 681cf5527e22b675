import type { CellValue } from './grid.ts'
import { cellText } from './grid.ts'

/**
 * What a marking changed, kept in the hidden "_cchc_marks" sheet so that a re-check or "clear" puts the
 * sheet back. One contract for every adapter (ExcelJS, Office.js, Google Sheets): values are core cell
 * values (text stays text), fills are "FFRRGGBB" solid colours or null, notes are plain text.
 */
export type SavedCell = {
  /** The cell as it was addressed when marked ("D5"). */
  address: string
  /** Its value before marking, when marking overwrote the value. */
  value?: CellValue
  /** Its number format before marking, when marking overwrote the value. */
  format?: string
  fill: string | null
  /**
   * The exact pattern fill where the adapter can read one that "FFRRGGBB" cannot say (a theme colour,
   * a tint, a hatch): the ExcelJS marker restores it as it was; adapters that cannot use it use `fill`.
   */
  fillModel?: FillModel
  note: string | null
}

/** A colour as a workbook stores it: an ARGB value, a theme colour with its tint, or an indexed one. */
export type ColorModel = { argb?: string; theme?: number; tint?: number; indexed?: number }

/** A pattern fill as a workbook stores it (OOXML `patternFill`). */
export type FillModel = { pattern: string; fgColor?: ColorModel; bgColor?: ColorModel }

/** A sheet as an adapter identifies it: its name when marked and its id where the host has one. */
export type SheetIdentity = { name: string; id: string | null }

export type MarkRecord = {
  version: 2
  sheet: SheetIdentity
  /** The "Kiểm tra" sheet the marking created (never a sheet the user had). */
  checkSheet: SheetIdentity | null
  headerRow: number
  lastRow: number
  /** Columns marking added after the table (letters). */
  added: string[]
  /** The columns of the row identity (STT and content), so that moved rows are found again. */
  keyColumns: { stt: string | null; content: string | null }
  /** Each marked row's identity when marked: sheet row → STT + content. */
  rows: { row: number; key: string }[]
  cells: SavedCell[]
}

/** Cells hold at most this many characters; the record is split into cells of this size. */
export const recordChunkSize = 30_000

const addressPattern = /^[A-Z]{1,3}[1-9]\d{0,6}$/
const columnPattern = /^[A-Z]{1,3}$/
const fillPattern = /^FF[0-9A-F]{6}$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/
const maxText = 32_767

function isRecordObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function hasOnlyKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k))
}

function isText(v: unknown, max = maxText): v is string {
  return typeof v === 'string' && v.length <= max
}

function isRow(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1_048_576
}

/** Core's cell values only: a saved value can never be a formula, hyperlink or rich object. */
function isCellValue(v: unknown): v is CellValue {
  if (v === null || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (typeof v === 'string') return v.length <= maxText
  return (
    isRecordObject(v) && hasOnlyKeys(v, ['date']) && isText(v.date, 10) && datePattern.test(v.date)
  )
}

function isSheetIdentity(v: unknown): v is SheetIdentity {
  return (
    isRecordObject(v) &&
    hasOnlyKeys(v, ['name', 'id']) &&
    isText(v.name, 31) &&
    v.name !== '' &&
    (v.id === null || isText(v.id, 100))
  )
}

const patternPattern = /^[a-zA-Z0-9]{1,20}$/

function isColorModel(v: unknown): v is ColorModel {
  return (
    isRecordObject(v) &&
    hasOnlyKeys(v, ['argb', 'theme', 'tint', 'indexed']) &&
    (v.argb === undefined || (isText(v.argb, 8) && /^[0-9A-F]{8}$/.test(v.argb))) &&
    (v.theme === undefined ||
      (Number.isInteger(v.theme) && Number(v.theme) >= 0 && Number(v.theme) <= 20)) &&
    (v.tint === undefined || (typeof v.tint === 'number' && Math.abs(v.tint) <= 1)) &&
    (v.indexed === undefined ||
      (Number.isInteger(v.indexed) && Number(v.indexed) >= 0 && Number(v.indexed) <= 81))
  )
}

function isFillModel(v: unknown): v is FillModel {
  return (
    isRecordObject(v) &&
    hasOnlyKeys(v, ['pattern', 'fgColor', 'bgColor']) &&
    isText(v.pattern, 20) &&
    patternPattern.test(v.pattern) &&
    (v.fgColor === undefined || isColorModel(v.fgColor)) &&
    (v.bgColor === undefined || isColorModel(v.bgColor))
  )
}

function isSavedCell(v: unknown): v is SavedCell {
  return (
    isRecordObject(v) &&
    hasOnlyKeys(v, ['address', 'value', 'format', 'fill', 'fillModel', 'note']) &&
    (!('fillModel' in v) || isFillModel(v.fillModel)) &&
    isText(v.address, 10) &&
    addressPattern.test(v.address) &&
    (!('value' in v) || isCellValue(v.value)) &&
    (!('format' in v) || isText(v.format, 255)) &&
    (v.fill === null || (isText(v.fill, 8) && fillPattern.test(v.fill))) &&
    (v.note === null || isText(v.note))
  )
}

function isColumn(v: unknown): v is string {
  return isText(v, 3) && columnPattern.test(v)
}

/**
 * Reads the hidden record from the text of its cells, strictly: anything that is not exactly the
 * contract (another version, an unknown key, a formula-like object, a malformed address) gives null,
 * and the adapter then treats the workbook as having no usable record.
 */
export function parseMarkRecord(chunks: readonly unknown[]): MarkRecord | null {
  if (!chunks.every((c) => typeof c === 'string')) return null
  const text = chunks.join('')
  if (!text) return null
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  const keys = [
    'version',
    'sheet',
    'checkSheet',
    'headerRow',
    'lastRow',
    'added',
    'keyColumns',
    'rows',
    'cells',
  ]
  if (!isRecordObject(v) || !hasOnlyKeys(v, keys) || v.version !== 2) return null
  const key = v.keyColumns
  const valid =
    isSheetIdentity(v.sheet) &&
    (v.checkSheet === null || isSheetIdentity(v.checkSheet)) &&
    isRow(v.headerRow) &&
    isRow(v.lastRow) &&
    Array.isArray(v.added) &&
    v.added.every(isColumn) &&
    isRecordObject(key) &&
    hasOnlyKeys(key, ['stt', 'content']) &&
    (key.stt === null || isColumn(key.stt)) &&
    (key.content === null || isColumn(key.content)) &&
    Array.isArray(v.rows) &&
    v.rows.every(
      (r: unknown) =>
        isRecordObject(r) && hasOnlyKeys(r, ['row', 'key']) && isRow(r.row) && isText(r.key),
    ) &&
    Array.isArray(v.cells) &&
    v.cells.every(isSavedCell)
  return valid ? (v as MarkRecord) : null
}

/** Writes the record as the text of consecutive cells (each under Excel's 32,767 characters). */
export function serializeMarkRecord(record: MarkRecord): string[] {
  const json = JSON.stringify(record)
  const chunks: string[] = []
  for (let i = 0; i < json.length; i += recordChunkSize)
    chunks.push(json.slice(i, i + recordChunkSize))
  return chunks
}

/** A row's identity: its STT and content, so that a row is recognised after rows were inserted above. */
export function computeRowKey(stt: CellValue, content: CellValue): string {
  return `${cellText(stt).trim()}\u241f${cellText(content).trim()}`
}

/** Where the record's rows are now: each marked row's current sheet row, or why the restore is refused. */
export type RowMapping =
  | { kind: 'same' }
  | { kind: 'moved'; rows: Map<number, number> }
  | { kind: 'refused'; missing: number[] }

/**
 * Matches the record's rows against the sheet as it is now (`keyAt(row)` gives a row's identity).
 * Rows still in place are restored in place; rows that moved (rows inserted or deleted above) are
 * found by their identity when it is unique; otherwise the restore is refused rather than touching
 * cells the check did not mark.
 */
export function computeRowMapping(
  record: Pick<MarkRecord, 'rows'>,
  keyAt: (row: number) => string,
  lastRow: number,
): RowMapping {
  if (record.rows.every((r) => keyAt(r.row) === r.key)) return { kind: 'same' }
  const where = new Map<string, number[]>()
  for (let row = 1; row <= lastRow; row++) {
    const key = keyAt(row)
    where.set(key, [...(where.get(key) ?? []), row])
  }
  const rows = new Map<number, number>()
  const missing: number[] = []
  for (const r of record.rows) {
    const found = where.get(r.key) ?? []
    if (found.length === 1) rows.set(r.row, found[0]!)
    else missing.push(r.row)
  }
  return missing.length ? { kind: 'refused', missing } : { kind: 'moved', rows }
}

/** "D5" with row 5 moved to 7 → "D7"; the column stays. */
export function moveAddress(address: string, rows: Map<number, number>): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)
  if (!m) return address
  return `${m[1]}${rows.get(Number(m[2])) ?? Number(m[2])}`
}

/** An "FFRRGGBB" fill as Office.js and the web write colours ("#RRGGBB"), and back. */
export function formatHexColor(argb: string): string {
  return `#${argb.slice(-6)}`
}

export function parseHexColor(color: string | null | undefined): string | null {
  if (!color) return null
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(color)
  if (!m || m[1]!.toUpperCase() === 'FFFFFF') return null
  return `FF${m[1]!.toUpperCase()}`
}

/** The row-identity columns of a report's table: STT, and the content (or criterion) column. */
export function computeKeyColumns(header: {
  columns: Partial<Record<string, string>>
}): MarkRecord['keyColumns'] {
  return {
    stt: header.columns.stt ?? null,
    content: header.columns.content ?? header.columns.criterion ?? null,
  }
}

/**
 * The name for a new "Kiểm tra" sheet: "Kiểm tra" unless a sheet of the user already has it (names
 * compare without case, as Excel does), then "Kiểm tra (2)", "Kiểm tra (3)"…
 */
export function chooseCheckSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()))
  if (!taken.has(base.toLowerCase())) return base
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`
}

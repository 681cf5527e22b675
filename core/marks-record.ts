import type { CellValue } from './grid.ts'
import { computeRowIdentity, type RowIdentity } from './row-identity.ts'

/**
 * What a marking changed in one cell, so that a re-check or "clear" puts it back. Each part is
 * present only when marking changed it, with what marking wrote (a hash or the colour), so that a
 * restore changes a cell only while it still holds the marking's own content and never a newer
 * correction of the user's: `value` (and its number format) when a value was overwritten, `fill`
 * when the cell was painted, `note` when a note was written (a host without notes writes none, so
 * a later restore on another host never deletes a note it did not write).
 */
export type SavedCell = {
  /** The cell as it was addressed when marked ("D5"). */
  address: string
  value?: CellValue
  format?: string
  /** Hash of the value marking wrote. */
  wroteValue?: string
  /** The fill before marking: "FFRRGGBB" or null (none). */
  fill?: string | null
  /**
   * The exact pattern fill before marking where the adapter read one that "FFRRGGBB" cannot say (a
   * theme colour, a tint, a hatch): the ExcelJS marker restores it as it was; others use `fill`.
   */
  fillModel?: FillModel
  /** The fill marking painted. */
  paint?: string
  /** The note before marking (null: none). */
  note?: string | null
  /** Hash of the note marking wrote. */
  wroteNote?: string
}

/** A colour as a workbook stores it: an ARGB value, a theme colour with its tint, or an indexed one. */
export type ColorModel = { argb?: string; theme?: number; tint?: number; indexed?: number }

/** A pattern fill as a workbook stores it (OOXML `patternFill`). */
export type FillModel = { pattern: string; fgColor?: ColorModel; bgColor?: ColorModel }

/** A sheet as an adapter identifies it: its name when marked and its id where the host has one. */
export type SheetIdentity = { name: string; id: string | null }

/** The marks of one checked sheet. */
export type MarkRecord = {
  sheet: SheetIdentity
  /** The "Kiểm tra" sheet this marking created (never a sheet the user had). */
  checkSheet: SheetIdentity | null
  headerRow: number
  lastRow: number
  /** Columns marking added after the table (letters). */
  added: string[]
  /** The columns of the row identity (STT and content). */
  keyColumns: { stt: string | null; content: string | null }
  /** Each marked row's identity when marked, so that it is found again after the user's edits. */
  rows: RowIdentity[]
  cells: SavedCell[]
}

/** The hidden "_cchc_marks" sheet: one record per checked sheet. */
export type MarkBook = { version: 3; records: MarkRecord[] }

/** Cells hold at most 32,767 characters; the book is split into cells of this size. */
export const recordChunkSize = 30_000
/** A book longer than this many cells is not read (about 6 million characters). */
export const maxRecordChunks = 200

const addressPattern = /^[A-Z]{1,3}[1-9]\d{0,6}$/
const columnPattern = /^[A-Z]{1,3}$/
const fillPattern = /^FF[0-9A-F]{6}$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/
const hashPattern = /^[0-9a-z]{1,12}$/
const maxText = 32_767

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function hasOnlyKeys(v: Json, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k))
}
function isText(v: unknown, max = maxText): v is string {
  return typeof v === 'string' && v.length <= max
}
function isRow(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1_048_576
}
function isColumn(v: unknown): v is string {
  return isText(v, 3) && columnPattern.test(v)
}
function isFill(v: unknown): v is string | null {
  return v === null || (isText(v, 8) && fillPattern.test(v))
}
function isHash(v: unknown): v is string {
  return isText(v, 12) && hashPattern.test(v)
}

/** Core's cell values only: a saved value can never be a formula, hyperlink or rich object. */
function isCellValue(v: unknown): v is CellValue {
  if (v === null || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (typeof v === 'string') return v.length <= maxText
  return isObject(v) && hasOnlyKeys(v, ['date']) && isText(v.date, 10) && datePattern.test(v.date)
}

function isSheetIdentity(v: unknown): v is SheetIdentity {
  return (
    isObject(v) &&
    hasOnlyKeys(v, ['name', 'id']) &&
    isText(v.name, 31) &&
    v.name !== '' &&
    (v.id === null || isText(v.id, 100))
  )
}

function isColorModel(v: unknown): v is ColorModel {
  return (
    isObject(v) &&
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
    isObject(v) &&
    hasOnlyKeys(v, ['pattern', 'fgColor', 'bgColor']) &&
    isText(v.pattern, 20) &&
    /^[a-zA-Z0-9]{1,20}$/.test(v.pattern) &&
    (v.fgColor === undefined || isColorModel(v.fgColor)) &&
    (v.bgColor === undefined || isColorModel(v.bgColor))
  )
}

// The stored form is compact (a big sheet has thousands of cells): one letter per part of a cell
// (a address, v value, t number format, w hash of the value written, b fill before, f its exact
// pattern fill, p fill painted, n note before, m hash of the note written) and each row as
// [row, STT, content hash].
const cellKeys: [keyof SavedCell, string, (v: unknown) => boolean][] = [
  ['address', 'a', (v) => isText(v, 10) && addressPattern.test(v)],
  ['value', 'v', isCellValue],
  ['format', 't', (v) => isText(v, 255)],
  ['wroteValue', 'w', isHash],
  ['fill', 'b', isFill],
  ['fillModel', 'f', isFillModel],
  ['paint', 'p', (v) => v !== null && isFill(v)],
  ['note', 'n', (v) => v === null || isText(v)],
  ['wroteNote', 'm', isHash],
]

function parseCell(v: unknown): SavedCell | null {
  if (
    !isObject(v) ||
    !hasOnlyKeys(
      v,
      cellKeys.map((k) => k[1]),
    ) ||
    !('a' in v)
  )
    return null
  const cell: Json = {}
  for (const [name, key, valid] of cellKeys) {
    if (!(key in v)) continue
    if (!valid(v[key])) return null
    cell[name] = v[key]
  }
  return cell as SavedCell
}

function parseRows(v: unknown): RowIdentity[] | null {
  if (!Array.isArray(v)) return null
  const rows: RowIdentity[] = []
  for (const r of v) {
    if (!Array.isArray(r) || r.length !== 3 || !isRow(r[0]) || !isText(r[1], 200)) return null
    if (r[2] !== '' && !isHash(r[2])) return null
    rows.push({ row: r[0], stt: r[1], content: r[2] as string })
  }
  return rows
}

const recordKeys = ['sheet', 'check', 'header', 'last', 'added', 'keys', 'rows', 'cells']

function parseRecord(v: unknown): MarkRecord | null {
  if (!isObject(v) || !hasOnlyKeys(v, recordKeys)) return null
  const keys = v.keys
  const rows = parseRows(v.rows)
  const cells = Array.isArray(v.cells) ? v.cells.map(parseCell) : null
  const valid =
    isSheetIdentity(v.sheet) &&
    (v.check === null || isSheetIdentity(v.check)) &&
    isRow(v.header) &&
    isRow(v.last) &&
    Array.isArray(v.added) &&
    v.added.every(isColumn) &&
    Array.isArray(keys) &&
    keys.length === 2 &&
    keys.every((k) => k === null || isColumn(k)) &&
    rows !== null &&
    cells !== null &&
    cells.every((c) => c !== null)
  if (!valid) return null
  return {
    sheet: v.sheet as SheetIdentity,
    checkSheet: v.check as SheetIdentity | null,
    headerRow: v.header as number,
    lastRow: v.last as number,
    added: v.added as string[],
    keyColumns: { stt: keys[0] as string | null, content: keys[1] as string | null },
    rows,
    cells: cells as SavedCell[],
  }
}

/**
 * The single-sheet record of earlier versions (2), read as a book of one: its rows' full STT and
 * content become identities; its notes are put back only where it saved one (it did not say
 * whether notes were read, so an empty one is never taken as "delete the note").
 */
function parseVersion2(v: Json): MarkBook | null {
  const key = v.keyColumns
  if (!isObject(key) || !Array.isArray(v.rows) || !Array.isArray(v.cells)) return null
  const rows: RowIdentity[] = []
  for (const r of v.rows) {
    if (!isObject(r) || !isRow(r.row) || !isText(r.key)) return null
    const [stt = '', content = ''] = r.key.split('\u241f')
    rows.push(computeRowIdentity(r.row, stt, content))
  }
  const cells = v.cells.map((c: unknown) => {
    if (!isObject(c)) return null
    const { address, value, format, fill, note } = c
    return {
      a: address,
      ...(value !== undefined ? { v: value, t: format ?? 'General' } : {}),
      b: fill,
      ...(note !== null && note !== undefined ? { n: note } : {}),
    }
  })
  const record = parseRecord({
    sheet: v.sheet,
    check: v.checkSheet,
    header: v.headerRow,
    last: v.lastRow,
    added: v.added,
    keys: [key.stt ?? null, key.content ?? null],
    rows: rows.map((r) => [r.row, r.stt, r.content]),
    cells,
  })
  return record ? { version: 3, records: [record] } : null
}

/**
 * Reads the hidden book from the text of its cells, strictly: anything that is not exactly the
 * contract (another version, an unknown key, a formula-like object, a malformed address) gives null,
 * and the adapter then treats the workbook as having no usable record.
 */
export function parseMarkBook(chunks: readonly unknown[]): MarkBook | null {
  if (chunks.length > maxRecordChunks || !chunks.every((c) => typeof c === 'string')) return null
  const text = chunks.join('')
  if (!text) return null
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(v)) return null
  if (v.version === 2) return parseVersion2(v)
  if (v.version !== 3 || !hasOnlyKeys(v, ['version', 'records']) || !Array.isArray(v.records))
    return null
  const records = v.records.map(parseRecord)
  return records.every((r) => r !== null) ? { version: 3, records: records as MarkRecord[] } : null
}

function serializeCell(cell: SavedCell): Json {
  const out: Json = {}
  for (const [name, key] of cellKeys) if (cell[name] !== undefined) out[key] = cell[name]
  return out
}

/** Writes the book as the text of consecutive cells (each under Excel's 32,767 characters). */
export function serializeMarkBook(book: MarkBook): string[] {
  const json = JSON.stringify({
    version: 3,
    records: book.records.map((r) => ({
      sheet: r.sheet,
      check: r.checkSheet,
      header: r.headerRow,
      last: r.lastRow,
      added: r.added,
      keys: [r.keyColumns.stt, r.keyColumns.content],
      rows: r.rows.map((x) => [x.row, x.stt, x.content]),
      cells: r.cells.map(serializeCell),
    })),
  })
  const chunks: string[] = []
  for (let i = 0; i < json.length; i += recordChunkSize)
    chunks.push(json.slice(i, i + recordChunkSize))
  return chunks
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

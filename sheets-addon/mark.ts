import {
  checkSheetName,
  columnNumber,
  marksSheetName,
  type CellValue,
  type MarkPlan,
  convertArgbToHex,
  convertWidthToPixels,
  identifyGridRow,
  isOwnNote,
  moveRecordCells,
  readTable,
  sheetRoleKey,
  splitAddress,
  splitRecord,
  tagNote,
  type SheetsSavedCell as SavedCell,
  type SavedValue,
  type SheetRole,
  type SheetsMarkRecord,
} from '../core/index.ts'
import { readFill, readSavedValue, type AddonRead } from './read.ts'

type Sheet = GoogleAppsScript.Spreadsheet.Sheet

/** A value as Apps Script writes it: formulas as "=…", dates as serial days (the cell keeps its date format). */
function toScript(value: SavedValue | undefined): unknown {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return value
  if ('formula' in value) return value.formula
  const [y, m, d] = value.date.split('-').map(Number) as [number, number, number]
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

/** The sheet area a marking touches, held in memory and written back with one bulk call per property. */
type Canvas = {
  height: number
  width: number
  top: number
  fills: (string | null)[][]
  notes: string[][]
  /** Full-height columns (0-based index → values) that will be written back. */
  columns: Map<number, unknown[]>
}

function openCanvas(read: AddonRead, lastRow: number, widest: number, top: number): Canvas {
  const { sheet } = read
  const height = Math.max(read.values.length, lastRow, 1)
  const width = Math.max(read.values[0]?.length ?? 0, widest, 1)
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns())
  const range = sheet.getRange(1, 1, height, width)
  return {
    height,
    width,
    top,
    fills: range.getBackgrounds().map((r) => r.map(readFill)),
    notes: range.getNotes(),
    columns: new Map(),
  }
}

function openColumn(read: AddonRead, canvas: Canvas, col: number): unknown[] {
  let column = canvas.columns.get(col)
  if (!column) {
    column = Array.from({ length: canvas.height }, (_, r) =>
      read.formulas[r]?.[col] ? read.formulas[r]![col] : (read.values[r]?.[col] ?? ''),
    )
    canvas.columns.set(col, column)
  }
  return column
}

/** The previous marks of this sheet where they are now (rows found by STT, content and position). */
function findPrevious(read: AddonRead, record: SheetsMarkRecord) {
  return moveRecordCells(record, read.grid, readTable(read.grid)?.header.row ?? null)
}

/** Puts back, in memory, what the recorded marking changed on this sheet (rows gone are left). */
function restoreRecord(read: AddonRead, canvas: Canvas, record: SheetsMarkRecord): void {
  const previous = findPrevious(read, record)
  for (const letter of record.added) {
    const col = columnNumber(letter) - 1
    if (col >= canvas.width) continue
    const column = openColumn(read, canvas, col)
    for (let r = previous.headerRow - 1; r < Math.min(previous.lastRow, canvas.height); r++) {
      column[r] = ''
      canvas.fills[r]![col] = null
      canvas.notes[r]![col] = ''
    }
  }
  const added = new Set(record.added)
  for (const saved of previous.cells) {
    const { column: letter, row } = splitAddress(saved.address)
    const r = row - 1
    const c = columnNumber(letter) - 1
    if (added.has(letter) || r >= canvas.height || c >= canvas.width) continue
    canvas.fills[r]![c] = saved.fill
    if (isOwnNote(canvas.notes[r]![c])) canvas.notes[r]![c] = saved.note ?? ''
    if ('value' in saved) openColumn(read, canvas, c)[r] = toScript(saved.value)
  }
}

function writeCanvas(read: AddonRead, canvas: Canvas): void {
  const { sheet } = read
  for (const [col, values] of canvas.columns) {
    const top = canvas.top
    sheet
      .getRange(top, col + 1, canvas.height - top + 1, 1)
      .setValues(values.slice(top - 1).map((v) => [v]))
  }
  const range = sheet.getRange(1, 1, canvas.height, canvas.width)
  range.setBackgrounds(canvas.fills as string[][])
  range.setNotes(canvas.notes)
}

function deleteOwnSheets(read: AddonRead): void {
  for (const sheet of Object.values(read.own)) read.spreadsheet.deleteSheet(sheet)
}

function insertOwnSheet(read: AddonRead, role: SheetRole, title: string): Sheet {
  const ss = read.spreadsheet
  const taken = ss.getSheetByName(title)
  const sheet = ss.insertSheet(taken ? `${title} (CCHC)` : title, ss.getNumSheets())
  sheet.addDeveloperMetadata(sheetRoleKey, role)
  return sheet
}

function writeCheckSheet(read: AddonRead, plan: MarkPlan): void {
  const { rows, links, fills, headerIndex, columns, emphasis } = plan.checkSheet
  const width = columns.length
  const sheet = insertOwnSheet(read, 'check', checkSheetName)
  const table = rows.map((r) => Array.from({ length: width }, (_, i) => toScript(r[i] ?? null)))
  sheet.getRange(1, 1, table.length, width).setValues(table)
  const linkAt = new Map(links.map((l) => [l.index, l.address]))
  const gid = read.sheet.getSheetId()
  const texts = table.map((r, i) => {
    const text = SpreadsheetApp.newRichTextValue().setText(String(r[0] ?? ''))
    const link = linkAt.get(i)
    return [(link ? text.setLinkUrl(`#gid=${gid}&range=${link}`) : text).build()]
  })
  sheet.getRange(1, 1, table.length, 1).setRichTextValues(texts)
  const fillAt = new Map(fills.map((f) => [f.index, convertArgbToHex(f.fill)]))
  sheet
    .getRange(1, 4, table.length, 1)
    .setBackgrounds(table.map((_, i) => [fillAt.get(i) ?? null] as string[]))
  sheet.getRangeList(emphasis.map((i) => `A${i + 1}:F${i + 1}`)).setFontWeight('bold')
  sheet.setFrozenRows(headerIndex + 1)
  // Widths for reading whole labels; the issue codes' column hidden (kept for support).
  columns.forEach((column, c) => {
    sheet.setColumnWidth(c + 1, convertWidthToPixels(column.width))
    if (column.hidden) sheet.hideColumns(c + 1)
  })
}

function writeRecordSheet(read: AddonRead, record: SheetsMarkRecord): void {
  const sheet = insertOwnSheet(read, 'marks', marksSheetName)
  const chunks = splitRecord(record)
  sheet.getRange(1, 1, chunks.length, 1).setValues(chunks.map((c) => [c]))
  sheet.hideSheet()
}

/**
 * Marks the sheet with core's plan (the same plan every adapter applies): restores the previous marks,
 * then writes computed columns, fills and tagged notes — one bulk write per property — and the
 * "Kiểm tra" sheet and the hidden record, both found again by developer metadata.
 */
export function applyMarks(
  read: AddonRead,
  plan: MarkPlan,
  keyColumns: { stt: string | null; content: string | null },
): SheetsMarkRecord {
  const sheetId = read.sheet.getSheetId()
  const previous = read.record?.sheetId === sheetId ? read.record : null
  const moved = new Map(
    (previous ? findPrevious(read, previous).cells : []).map((c) => [c.address, c]),
  )
  const rows = [...plan.values, ...plan.notes].map((v) => splitAddress(v.address).row)
  const lastRow = Math.max(plan.headerRow, ...rows)
  const widest = Math.max(...plan.columns.map((c) => columnNumber(c.column)), 0)
  const top = Math.min(plan.headerRow, previous?.headerRow ?? plan.headerRow)
  const canvas = openCanvas(
    read,
    Math.max(lastRow, previous?.lastRow ?? 0),
    widest,
    Math.max(top, 1),
  )
  const saved = new Map<string, SavedCell>()
  const save = (address: string, withValue: boolean) => {
    if (saved.has(address)) return
    const before = moved.get(address)
    if (before) return void saved.set(address, { ...before })
    const { column, row } = splitAddress(address)
    const r = row - 1
    const c = columnNumber(column) - 1
    const cell: SavedCell = {
      address,
      fill: canvas.fills[r]?.[c] ?? null,
      note: canvas.notes[r]?.[c] || null,
    }
    if (withValue)
      cell.value = readSavedValue(
        read.values[r]?.[c] ?? '',
        read.formulas[r]?.[c] ?? '',
        read.spreadsheet.getSpreadsheetTimeZone(),
      )
    saved.set(address, cell)
  }
  if (previous) restoreRecord(read, canvas, previous)
  const record: SheetsMarkRecord = {
    sheet: read.sheet.getName(),
    sheetId,
    added: [],
    headerRow: plan.headerRow,
    lastRow,
    cells: [],
    keyColumns,
    rows: [...new Set(rows)]
      .sort((a, b) => a - b)
      .map((row) => {
        const r = identifyGridRow(read.grid, keyColumns, row)
        return [r.row, r.stt, r.content]
      }),
  }
  for (const column of plan.columns.filter((c) => c.added)) {
    record.added.push(column.column)
    openColumn(read, canvas, columnNumber(column.column) - 1)[plan.headerRow - 1] = column.header
  }
  for (const v of plan.values) {
    save(v.address, true)
    const { column, row } = splitAddress(v.address)
    const c = columnNumber(column) - 1
    openColumn(read, canvas, c)[row - 1] = toScript(v.value as CellValue)
    if (v.fill) canvas.fills[row - 1]![c] = convertArgbToHex(v.fill)
  }
  for (const n of plan.notes) {
    save(n.address, false)
    const { column, row } = splitAddress(n.address)
    const c = columnNumber(column) - 1
    canvas.fills[row - 1]![c] = convertArgbToHex(n.fill)
    canvas.notes[row - 1]![c] = tagNote(n.note)
  }
  record.cells = [...saved.values()]
  writeCanvas(read, canvas)
  const added = record.added.map(columnNumber)
  if (added.length)
    read.sheet
      .getRange(plan.headerRow, Math.min(...added), 1, Math.max(...added) - Math.min(...added) + 1)
      .setFontWeight('bold')
  deleteOwnSheets(read)
  writeCheckSheet(read, plan)
  writeRecordSheet(read, record)
  return record
}

/** Restores what the last marking changed and removes our sheets; false when there were no marks. */
export function clearMarks(read: AddonRead): boolean {
  const record = read.record
  if (!record && !read.own.check && !read.own.marks) return false
  if (record && record.sheetId === read.sheet.getSheetId()) {
    const canvas = openCanvas(
      read,
      record.lastRow,
      Math.max(0, ...record.added.map(columnNumber)),
      record.headerRow,
    )
    restoreRecord(read, canvas, record)
    writeCanvas(read, canvas)
  }
  deleteOwnSheets(read)
  return true
}

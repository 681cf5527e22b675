import type { sheets_v4 } from '@googleapis/sheets'
import {
  columnNumber,
  convertArgbToHex,
  identifyGridRow,
  moveRecordCells,
  readTable,
  isOwnNote,
  marksSheetName,
  splitAddress,
  splitRecord,
  tagNote,
  type MarkPlan,
  type SheetsMarkRecord,
  type SheetsSavedCell as SavedCell,
} from '../../core/index.ts'
import { createCell, updateCell } from './cells.ts'
import { addOwnSheet, computeCheckSheetRequests } from './own-sheets.ts'
import { createColorStyle, type SpreadsheetRead } from './read.ts'

type Request = sheets_v4.Schema$Request
type CellData = sheets_v4.Schema$CellData

/**
 * The previous marks of the sheet being read, where they are now: rows found again by STT, content
 * and position (core's one rule, as in Excel and `cchc clear`); null when the record is another sheet's.
 */
export function findPreviousCells(
  read: SpreadsheetRead,
): ReturnType<typeof moveRecordCells> | null {
  const record = read.record
  if (!record || record.sheetId !== read.sheetId) return null
  return moveRecordCells(record, read.grid, readTable(read.grid)?.header.row ?? null)
}

/** Requests that put back what the recorded marking changed and delete our sheets. */
export function computeRestoreRequests(read: SpreadsheetRead): Request[] {
  const requests: Request[] = []
  const record = read.record
  const previous = findPreviousCells(read)
  if (record && previous) {
    for (const letter of record.added) {
      const col = columnNumber(letter) - 1
      if (col >= read.columnCount) continue
      requests.push({
        updateCells: {
          range: {
            sheetId: read.sheetId,
            startRowIndex: previous.headerRow - 1,
            endRowIndex: Math.min(previous.lastRow, read.rowCount),
            startColumnIndex: col,
            endColumnIndex: col + 1,
          },
          fields: 'userEnteredValue,note,userEnteredFormat',
        },
      })
    }
    const added = new Set(record.added)
    // Cells whose rows are gone (previous.missing) are left as they are.
    for (const saved of previous.cells) {
      const { column } = splitAddress(saved.address)
      if (added.has(column)) continue
      const fields = ['userEnteredFormat.backgroundColorStyle']
      const cell: CellData = saved.fill
        ? { userEnteredFormat: { backgroundColorStyle: createColorStyle(saved.fill) } }
        : {}
      if ('value' in saved) {
        fields.push('userEnteredValue')
        Object.assign(cell, createCell(saved.value ?? null))
      }
      // Our note goes back to what was there; a note the user wrote since stays.
      if (isOwnNote(read.cells.get(saved.address)?.note)) {
        fields.push('note')
        if (saved.note) cell.note = saved.note
      }
      requests.push(updateCell(read.sheetId, saved.address, cell, fields.join(',')))
    }
  }
  for (const role of ['check', 'marks'] as const) {
    const sheetId = read.own[role]
    if (sheetId !== undefined) requests.push({ deleteSheet: { sheetId } })
  }
  return requests
}

/** Groups cells of one column into runs of consecutive rows, each written by one request. */
function groupRuns<T extends { address: string }>(
  items: T[],
): { column: string; top: number; items: T[] }[] {
  const sorted = items
    .map((item) => ({ item, ...splitAddress(item.address) }))
    .sort((a, b) => columnNumber(a.column) - columnNumber(b.column) || a.row - b.row)
  const runs: { column: string; top: number; items: T[] }[] = []
  for (const { item, column, row } of sorted) {
    const last = runs.at(-1)
    if (last && last.column === column && last.top + last.items.length === row)
      last.items.push(item)
    else runs.push({ column, top: row, items: [item] })
  }
  return runs
}

/** The state of a cell before this marking, carried over from the previous record if it had one. */
function saveCell(
  read: SpreadsheetRead,
  previous: Map<string, SavedCell>,
  address: string,
  withValue: boolean,
): SavedCell {
  const before = previous.get(address)
  if (before) return { ...before }
  const state = read.cells.get(address)
  const saved: SavedCell = { address, fill: state?.fill ?? null, note: state?.note ?? null }
  if (withValue) saved.value = state?.value ?? null
  return saved
}

/**
 * The whole marking as one batch: restore the previous marks, grow the grid, write computed columns,
 * fills and tagged notes, then the "Kiểm tra" sheet and the hidden record (both located by metadata).
 */
export function computeMarkRequests(
  read: SpreadsheetRead,
  plan: MarkPlan,
  keyColumns: { stt: string | null; content: string | null },
): { requests: Request[]; record: SheetsMarkRecord } {
  const requests = computeRestoreRequests(read)
  const previous = new Map((findPreviousCells(read)?.cells ?? []).map((c) => [c.address, c]))
  const { sheetId } = read
  const rowsOf = [...plan.values, ...plan.notes].map((v) => splitAddress(v.address).row)
  const lastRow = Math.max(plan.headerRow, ...rowsOf)
  const record: SheetsMarkRecord = {
    sheet: read.sheetName,
    sheetId,
    added: [],
    headerRow: plan.headerRow,
    lastRow,
    cells: [],
    keyColumns,
    rows: [...new Set(rowsOf)]
      .sort((a, b) => a - b)
      .map((row) => {
        const r = identifyGridRow(read.grid, keyColumns, row)
        return [r.row, r.stt, r.content]
      }),
  }
  const widest = Math.max(0, ...plan.columns.map((c) => columnNumber(c.column)))
  if (widest > read.columnCount)
    requests.push({
      appendDimension: { sheetId, dimension: 'COLUMNS', length: widest - read.columnCount },
    })
  for (const column of plan.columns.filter((c) => c.added)) {
    record.added.push(column.column)
    // Column widths are left alone: "clear" puts back only what it recorded.
    requests.push(
      updateCell(
        sheetId,
        `${column.column}${plan.headerRow}`,
        {
          userEnteredValue: { stringValue: column.header },
          userEnteredFormat: { textFormat: { bold: true }, wrapStrategy: 'WRAP' },
        },
        'userEnteredValue,userEnteredFormat(textFormat.bold,wrapStrategy)',
      ),
    )
  }
  const saved = new Map<string, SavedCell>()
  const save = (address: string, withValue: boolean) => {
    if (!saved.has(address)) saved.set(address, saveCell(read, previous, address, withValue))
  }
  for (const run of groupRuns(plan.values)) {
    for (const v of run.items) save(v.address, true)
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: run.top - 1, columnIndex: columnNumber(run.column) - 1 },
        rows: run.items.map((v) => ({ values: [createCell(v.value)] })),
        fields: 'userEnteredValue',
      },
    })
  }
  for (const run of groupRuns(plan.values.filter((v) => v.fill))) {
    let start = 0
    for (let i = 1; i <= run.items.length; i++) {
      // Neighbouring cells of one colour share a request.
      if (i < run.items.length && run.items[i]!.fill === run.items[start]!.fill) continue
      const style = createColorStyle(convertArgbToHex(run.items[start]!.fill!))
      requests.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: run.top + start - 1,
            endRowIndex: run.top + i - 1,
            startColumnIndex: columnNumber(run.column) - 1,
            endColumnIndex: columnNumber(run.column),
          },
          cell: { userEnteredFormat: { backgroundColorStyle: style } },
          fields: 'userEnteredFormat.backgroundColorStyle',
        },
      })
      start = i
    }
  }
  for (const mark of plan.notes) {
    save(mark.address, false)
    requests.push(
      updateCell(
        sheetId,
        mark.address,
        {
          note: tagNote(mark.note),
          userEnteredFormat: {
            backgroundColorStyle: createColorStyle(convertArgbToHex(mark.fill)),
          },
        },
        'note,userEnteredFormat.backgroundColorStyle',
      ),
    )
  }
  record.cells = [...saved.values()]
  requests.push(...computeCheckSheetRequests(read, plan))
  const chunks = splitRecord(record)
  const marks = addOwnSheet(read, 'marks', marksSheetName, chunks.length, 1, { hidden: true })
  requests.push(...marks.requests, {
    updateCells: {
      start: { sheetId: marks.sheetId, rowIndex: 0, columnIndex: 0 },
      rows: chunks.map((text) => ({ values: [{ userEnteredValue: { stringValue: text } }] })),
      fields: 'userEnteredValue',
    },
  })
  return { requests, record }
}

/** The automatic fixes as one request per fixed cell (text only). */
export function computeFixRequests(
  sheetId: number,
  fixes: { address: string; value: string }[],
): Request[] {
  return fixes.map((f) =>
    updateCell(
      sheetId,
      f.address,
      { userEnteredValue: { stringValue: f.value } },
      'userEnteredValue',
    ),
  )
}

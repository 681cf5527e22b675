import type { sheets_v4 } from '@googleapis/sheets'
import {
  checkSheetName,
  columnNumber,
  isDateCell,
  marksSheetName,
  type CellValue,
  type MarkPlan,
} from '../../core/index.ts'
import { convertArgbToHex, isOwnNote, splitAddress, splitRecord, tagNote } from './record.ts'
import type { SavedCell, SavedValue, SheetRole, SheetsMarkRecord } from './record.ts'
import { createColorStyle, type SpreadsheetRead } from './read.ts'
import { sheetRoleKey } from './record.ts'

type Request = sheets_v4.Schema$Request
type CellData = sheets_v4.Schema$CellData

/** Google serial day of an ISO date (days since 1899-12-30). */
function computeSheetsSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

/** A value as the API writes it; text always as a string (never a formula). */
export function createExtendedValue(value: SavedValue): sheets_v4.Schema$ExtendedValue | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return { stringValue: value }
  if (typeof value === 'number') return { numberValue: value }
  if (typeof value === 'boolean') return { boolValue: value }
  if (isDateCell(value as CellValue))
    return { numberValue: computeSheetsSerial((value as { date: string }).date) }
  return { formulaValue: (value as { formula: string }).formula }
}

function createCell(value: SavedValue): CellData {
  const v = createExtendedValue(value)
  return v ? { userEnteredValue: v } : {}
}

function updateCell(sheetId: number, address: string, cell: CellData, fields: string): Request {
  const { column, row } = splitAddress(address)
  return {
    updateCells: {
      start: { sheetId, rowIndex: row - 1, columnIndex: columnNumber(column) - 1 },
      rows: [{ values: [cell] }],
      fields,
    },
  }
}

/** Requests that put back what the recorded marking changed and delete our sheets. */
export function computeRestoreRequests(read: SpreadsheetRead): Request[] {
  const requests: Request[] = []
  const record = read.record
  if (record && record.sheetId === read.sheetId) {
    for (const letter of record.added) {
      const col = columnNumber(letter) - 1
      if (col >= read.columnCount) continue
      requests.push({
        updateCells: {
          range: {
            sheetId: read.sheetId,
            startRowIndex: record.headerRow - 1,
            endRowIndex: Math.min(record.lastRow, read.rowCount),
            startColumnIndex: col,
            endColumnIndex: col + 1,
          },
          fields: 'userEnteredValue,note,userEnteredFormat',
        },
      })
    }
    const added = new Set(record.added)
    for (const saved of record.cells) {
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

function allocateSheetId(taken: Set<number>): number {
  let id = 0
  while (id === 0 || taken.has(id)) id = 1 + Math.floor(Math.random() * 2_000_000_000)
  taken.add(id)
  return id
}

/** A title no other sheet uses: "Kiểm tra", else "Kiểm tra (CCHC)" (our old sheet is deleted first). */
function chooseTitle(read: SpreadsheetRead, title: string, role: SheetRole): string {
  return read.titles.has(title) && read.ownTitles[role] !== title ? `${title} (CCHC)` : title
}

function addOwnSheet(
  read: SpreadsheetRead,
  role: SheetRole,
  title: string,
  rows: number,
  columns: number,
  extra: sheets_v4.Schema$SheetProperties,
): { sheetId: number; requests: Request[] } {
  const sheetId = allocateSheetId(read.sheetIds)
  return {
    sheetId,
    requests: [
      {
        addSheet: {
          properties: {
            sheetId,
            title: chooseTitle(read, title, role),
            gridProperties: { rowCount: Math.max(rows, 1), columnCount: columns },
            ...extra,
          },
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: sheetRoleKey,
            metadataValue: role,
            location: { sheetId },
            visibility: 'DOCUMENT',
          },
        },
      },
    ],
  }
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

function computeCheckSheetRequests(read: SpreadsheetRead, plan: MarkPlan): Request[] {
  const { rows, links, fills, headerIndex } = plan.checkSheet
  const { sheetId, requests } = addOwnSheet(read, 'check', checkSheetName, rows.length, 6, {})
  requests[0]!.addSheet!.properties!.gridProperties!.frozenRowCount = headerIndex + 1
  const linkAt = new Map(links.map((l) => [l.index, l.address]))
  const fillAt = new Map(fills.map((f) => [f.index, f.fill]))
  const data = rows.map((row, index): sheets_v4.Schema$RowData => ({
    values: Array.from({ length: 6 }, (_, c): CellData => {
      const cell = createCell(row[c] ?? null)
      const link = c === 0 ? linkAt.get(index) : undefined
      if (link)
        cell.userEnteredValue = {
          formulaValue: `=HYPERLINK("#gid=${read.sheetId}&range=${link}","${link}")`,
        }
      const fill = c === 3 ? fillAt.get(index) : undefined
      const bold = index === 0 || index === headerIndex
      if (fill || bold)
        cell.userEnteredFormat = {
          ...(fill ? { backgroundColorStyle: createColorStyle(convertArgbToHex(fill)) } : {}),
          ...(bold ? { textFormat: { bold: true } } : {}),
        }
      return cell
    }),
  }))
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: data,
      fields: 'userEnteredValue,userEnteredFormat(backgroundColorStyle,textFormat.bold)',
    },
  })
  return requests
}

/** The state of a cell before this marking, carried over from the previous record if it had one. */
function saveCell(read: SpreadsheetRead, address: string, withValue: boolean): SavedCell {
  const before =
    read.record?.sheetId === read.sheetId
      ? read.record.cells.find((c) => c.address === address)
      : undefined
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
): { requests: Request[]; record: SheetsMarkRecord } {
  const requests = computeRestoreRequests(read)
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
    if (!saved.has(address)) saved.set(address, saveCell(read, address, withValue))
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

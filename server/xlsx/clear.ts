import type ExcelJS from 'exceljs'
import {
  columnNumber,
  type ColorModel,
  type FillModel,
  computeRowIdentity,
  decideCellRestore,
  findRecordedSheet,
  marksSheetName,
  matchRows,
  moveAddress,
  parseHexColor,
  parseMarkBook,
  readTable,
  type CellValue,
  type MarkBook,
  type MarkRecord,
  type SheetIdentity,
} from '../../core/index.ts'
import { convertCellValue } from './read.ts'

/** A solid fill of one "FFRRGGBB" colour. */
export function createSolidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/**
 * Changes a cell's look on a copy of its style. ExcelJS gives every cell loaded with one style id the
 * same style object (files saved by Excel share a few styles among thousands of cells), so assigning
 * `cell.fill` or `cell.numFmt` would change every cell that shares it.
 */
export function restyleCell(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change }
}

function readColor(color: Partial<ExcelJS.Color> | undefined): ColorModel | undefined {
  if (!color) return undefined
  const c = color as ColorModel
  const model: ColorModel = {}
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(c.argb))
    model.argb = c.argb.toUpperCase()
  if (typeof c.theme === 'number') model.theme = c.theme
  if (typeof c.tint === 'number') model.tint = c.tint
  if (typeof c.indexed === 'number') model.indexed = c.indexed
  return Object.keys(model).length ? model : undefined
}

/** A pattern fill the ARGB encoding cannot say (theme colours, tints, hatches), to restore exactly. */
export function readFillModel(cell: ExcelJS.Cell): FillModel | undefined {
  const fill = cell.fill
  if (fill?.type !== 'pattern' || !fill.pattern) return undefined
  const model: FillModel = { pattern: fill.pattern }
  const fg = readColor(fill.fgColor)
  const bg = readColor(fill.bgColor)
  if (fg) model.fgColor = fg
  if (bg) model.bgColor = bg
  const plain = fill.pattern === 'solid' && !bg && fg?.argb && Object.keys(fg).length === 1
  return plain ? undefined : model
}

/** A cell's fill in the record's one encoding: the ARGB of a solid fill, else none. */
export function readFill(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return null
  return parseHexColor(fill.fgColor?.argb?.slice(-6) ?? null)
}

export function readNote(cell: ExcelJS.Cell): string | null {
  const note = cell.note as ExcelJS.Comment | string | undefined
  if (!note) return null
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('')
}

/**
 * Removes a cell's note. ExcelJS keeps a loaded note in the value's model as well as on the cell,
 * so the value is set again to drop both.
 */
export function removeNote(cell: ExcelJS.Cell) {
  const value = cell.value
  ;(cell as unknown as { _comment?: unknown })._comment = undefined
  cell.value = null
  cell.value = value
}

export function convertToCellValue(value: CellValue): ExcelJS.CellValue {
  return value !== null && typeof value === 'object' ? new Date(`${value.date}T00:00:00Z`) : value
}

/** The book of marks (one record per checked sheet), read strictly; null when absent or not valid. */
export function readMarkBook(workbook: ExcelJS.Workbook): MarkBook | null {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return null
  const chunks: unknown[] = []
  marks.eachRow((row) => {
    chunks.push(row.getCell(1).value)
  })
  return parseMarkBook(chunks)
}

/** A worksheet as a record names it (ExcelJS ids are numbers). */
export function identifySheet(sheet: ExcelJS.Worksheet): { name: string; id: string } {
  return { name: sheet.name, id: String(sheet.id) }
}

/** The sheet a record names: by id, else by name when that id is gone (another program saved it). */
export function findSheet(
  workbook: ExcelJS.Workbook,
  identity: SheetIdentity,
): ExcelJS.Worksheet | undefined {
  const found = findRecordedSheet(identity, workbook.worksheets.map(identifySheet))
  return found ? workbook.getWorksheet(Number(found.id)) : undefined
}

/** The sheet's values as core's grid, to find its table's header again. */
function readSheetGrid(sheet: ExcelJS.Worksheet) {
  const cells: CellValue[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const values: CellValue[] = []
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = convertCellValue(cell.value)
    })
    cells[r - 1] = Array.from(values, (v) => v ?? null)
  })
  return {
    sheet: sheet.name,
    top: 1,
    left: 1,
    cells: Array.from(cells, (r) => r ?? []),
    merges: [],
  }
}

/**
 * Puts back what one marking changed on its sheet: rows are found again by STT, content and
 * position; each cell part only while it still holds what the marking wrote. The added columns are
 * emptied from the header down. Returns the cells that could not be restored (their rows are gone).
 */
export function restoreRecord(
  sheet: ExcelJS.Worksheet,
  record: MarkRecord,
  currentHeader: number | null = readTable(readSheetGrid(sheet))?.header.row ?? null,
): string[] {
  const { stt, content } = record.keyColumns
  const value = (address: string) => convertCellValue(sheet.getCell(address).value)
  const match = matchRows(
    record.rows,
    { recorded: record.headerRow, current: currentHeader },
    (row) =>
      computeRowIdentity(
        row,
        stt ? value(`${stt}${row}`) : null,
        content ? value(`${content}${row}`) : null,
      ),
    Math.max(sheet.rowCount, record.lastRow),
  )
  const header = currentHeader ?? record.headerRow
  const added = new Set(record.added)
  for (const letter of record.added) {
    const column = sheet.getColumn(columnNumber(letter))
    // Only the cells there are: visiting a column through ExcelJS would create one in every row.
    for (let row = header; row <= sheet.rowCount; row++) {
      const cell = sheet.findCell(row, column.number)
      if (!cell) continue
      removeNote(cell)
      cell.value = null
      // Back to the look a new cell there has: its row's, else its column's (a template's unlocked
      // columns for the computed values stay unlocked). ExcelJS keeps a row's format undeclared.
      const rowStyle = (sheet.getRow(row) as unknown as { style?: Partial<ExcelJS.Style> }).style
      cell.style = { ...column.style, ...rowStyle }
    }
  }
  const missing = new Set(match.missing)
  const unrestored: string[] = []
  for (const saved of record.cells) {
    const row = Number(/\d+$/.exec(saved.address)![0])
    if (missing.has(row)) {
      unrestored.push(saved.address)
      continue
    }
    const address = moveAddress(saved.address, match.rows)
    if (added.has(/^[A-Z]+/.exec(address)![0])) continue
    const cell = sheet.getCell(address)
    const now = { value: convertCellValue(cell.value), fill: readFill(cell), note: readNote(cell) }
    const { restore } = decideCellRestore(saved, now, { notes: true })
    const style = { ...cell.style }
    if (restore.value) {
      cell.value = convertToCellValue(restore.value.value)
      if (restore.value.format === 'General') delete style.numFmt
      else style.numFmt = restore.value.format
    }
    if (restore.fill !== undefined) {
      // The exact fill recorded (a theme colour) when the restore puts back the fill it describes.
      const fill = saved.fillModel
        ? ({ type: 'pattern', ...saved.fillModel } as ExcelJS.Fill)
        : restore.fill
          ? createSolidFill(restore.fill)
          : undefined
      if (fill) style.fill = fill
      else delete style.fill
    }
    // Always on a copy: the cell may share its style object with thousands of others.
    if (restore.value || restore.fill !== undefined) cell.style = style
    if (restore.note !== undefined) {
      if (restore.note) cell.note = restore.note
      else removeNote(cell)
    }
  }
  return unrestored
}

/** The outcome of clearing: done (with the cells whose rows could not be found), or nothing to clear. */
export type ClearOutcome = { outcome: 'cleared' | 'none'; unrestored: string[] }

/**
 * Clears every marking of the workbook (`cchc clear`): each record's sheet is restored as far as
 * its rows are found, the "Kiểm tra" sheets the markings created and the hidden record are removed.
 * Never refuses: what cannot be restored is listed ("Sheet!D12").
 */
export function clearMarks(workbook: ExcelJS.Workbook): ClearOutcome {
  const marks = workbook.getWorksheet(marksSheetName)
  if (!marks) return { outcome: 'none', unrestored: [] }
  const unrestored: string[] = []
  for (const record of readMarkBook(workbook)?.records ?? []) {
    const sheet = findSheet(workbook, record.sheet)
    if (sheet) unrestored.push(...restoreRecord(sheet, record).map((a) => `${sheet.name}!${a}`))
    const check = record.checkSheet ? findSheet(workbook, record.checkSheet) : undefined
    if (check && check !== sheet) workbook.removeWorksheet(check.id)
  }
  workbook.removeWorksheet(marks.id)
  return { outcome: 'cleared', unrestored }
}

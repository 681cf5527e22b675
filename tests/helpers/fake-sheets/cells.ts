import type { sheets_v4 } from '@googleapis/sheets'
import { listMaskPaths, parseMask } from './mask.ts'
import { FakeApiError, fakeLimits, type FakeSheet, type FakeSpreadsheet } from './model.ts'
import { findUnknownMaskPath } from './schema.ts'

type CellData = sheets_v4.Schema$CellData
type GridRange = sheets_v4.Schema$GridRange

export function countCells(book: FakeSpreadsheet): number {
  return book.sheets.reduce(
    (n, s) => n + s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount,
    0,
  )
}

export function findSheet(book: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet {
  const sheet = book.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0))
  if (!sheet) throw new FakeApiError(400, `No grid with id: ${sheetId}`)
  return sheet
}

export function getPath(value: unknown, path: string[]): unknown {
  let v = value
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
  return v
}

export function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    node = (node[key] = next && typeof next === 'object' ? { ...(next as object) } : {}) as Record<
      string,
      unknown
    >
  }
  const last = path.at(-1)!
  if (value === undefined) delete node[last]
  else node[last] = structuredClone(value)
}

export function prune(value: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      prune(v as Record<string, unknown>)
      if (Object.keys(v).length === 0) delete value[k]
    }
  }
}

/** Writes `data` into a cell under a mask: masked fields the data does not cover are cleared. */
export function writeCell(
  sheet: FakeSheet,
  row: number,
  col: number,
  data: CellData,
  paths: string[][],
) {
  const { rowCount, columnCount } = sheet.properties.gridProperties
  if (row >= rowCount || col >= columnCount)
    throw new FakeApiError(
      400,
      `Range (${sheet.properties.title}!R${row + 1}C${col + 1}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
    )
  const key = `${row},${col}`
  const cell = structuredClone(sheet.cells.get(key) ?? {}) as Record<string, unknown>
  for (const path of paths) {
    setPath(cell, path, getPath(data, path))
    // The API keeps the deprecated colour and its style in step.
    const [head, leaf] = path
    if (head === 'userEnteredFormat' && (leaf === 'backgroundColorStyle' || !leaf)) {
      const rgb = getPath(cell, ['userEnteredFormat', 'backgroundColorStyle', 'rgbColor'])
      setPath(cell, ['userEnteredFormat', 'backgroundColor'], rgb)
    }
  }
  const text = getPath(cell, ['userEnteredValue', 'stringValue'])
  if (typeof text === 'string' && text.length > fakeLimits.cellChars)
    throw new FakeApiError(
      400,
      `Your input contains more than the maximum of 50000 characters in a single cell.`,
    )
  prune(cell)
  if (Object.keys(cell).length) sheet.cells.set(key, cell as CellData)
  else sheet.cells.delete(key)
}

export function readPaths(fields: string | null | undefined): string[][] {
  if (!fields) throw new FakeApiError(400, "At least one field must be specified in 'fields'.")
  let mask
  try {
    mask = parseMask(fields)
  } catch (error) {
    throw new FakeApiError(400, (error as Error).message)
  }
  const bad = findUnknownMaskPath('Schema$CellData', mask)
  if (bad) throw new FakeApiError(400, `Invalid field mask: '${bad}' is not a field of CellData`)
  return mask.size === 0
    ? [['userEnteredValue'], ['userEnteredFormat'], ['note']]
    : listMaskPaths(mask)
}

export function overlaps(a: GridRange, row: number, col: number): boolean {
  return (
    row >= (a.startRowIndex ?? 0) &&
    row < (a.endRowIndex ?? Infinity) &&
    col >= (a.startColumnIndex ?? 0) &&
    col < (a.endColumnIndex ?? Infinity)
  )
}

export function guardProtected(sheet: FakeSheet, user: string, row: number, col: number) {
  for (const p of sheet.protections)
    if (!p.warningOnly && !p.editors.includes(user) && overlaps(p.range, row, col))
      throw new FakeApiError(
        400,
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      )
}

export function rangeBounds(sheet: FakeSheet, range: GridRange) {
  const { rowCount, columnCount } = sheet.properties.gridProperties
  const b = {
    r0: range.startRowIndex ?? 0,
    r1: range.endRowIndex ?? rowCount,
    c0: range.startColumnIndex ?? 0,
    c1: range.endColumnIndex ?? columnCount,
  }
  if (b.r1 > rowCount || b.c1 > columnCount || b.r0 > b.r1 || b.c0 > b.c1)
    throw new FakeApiError(
      400,
      `Range exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
    )
  return b
}

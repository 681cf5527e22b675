import type { sheets_v4 } from '@googleapis/sheets'
import { listMaskPaths, parseMask } from './mask.ts'
import { findUnknownMaskPath } from './schema.ts'

type CellData = sheets_v4.Schema$CellData
type GridRange = sheets_v4.Schema$GridRange

/** Google's limits the fake enforces. */
export const fakeLimits = { cells: 10_000_000, cellChars: 50_000 }

/** A protected range with its editors (the API shows `requestingUserCanEdit` per caller). */
export type FakeProtection = { range: GridRange; editors: string[]; warningOnly?: boolean }

export type FakeSheet = {
  properties: {
    sheetId: number
    title: string
    index: number
    hidden?: boolean
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number }
  }
  /** Cells by "row,column" (0-based). */
  cells: Map<string, CellData>
  merges: GridRange[]
  protections: FakeProtection[]
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[]
  pixelSizes: Map<number, number>
}

export type FakeSpreadsheet = {
  spreadsheetId: string
  properties: { title: string; locale: string; timeZone: string }
  sheets: FakeSheet[]
  nextMetadataId: number
}

/** A refusal as the API gives it: HTTP status and message. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function createFakeSheet(
  sheetId: number,
  title: string,
  index: number,
  rows = 1000,
  columns = 26,
): FakeSheet {
  return {
    properties: { sheetId, title, index, gridProperties: { rowCount: rows, columnCount: columns } },
    cells: new Map(),
    merges: [],
    protections: [],
    developerMetadata: [],
    pixelSizes: new Map(),
  }
}

function countCells(book: FakeSpreadsheet): number {
  return book.sheets.reduce(
    (n, s) => n + s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount,
    0,
  )
}

function findSheet(book: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet {
  const sheet = book.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0))
  if (!sheet) throw new FakeApiError(400, `No grid with id: ${sheetId}`)
  return sheet
}

function getPath(value: unknown, path: string[]): unknown {
  let v = value
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
  return v
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
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

function prune(value: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      prune(v as Record<string, unknown>)
      if (Object.keys(v).length === 0) delete value[k]
    }
  }
}

/** Writes `data` into a cell under a mask: masked fields the data does not cover are cleared. */
function writeCell(sheet: FakeSheet, row: number, col: number, data: CellData, paths: string[][]) {
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

function readPaths(fields: string | null | undefined): string[][] {
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

function overlaps(a: GridRange, row: number, col: number): boolean {
  return (
    row >= (a.startRowIndex ?? 0) &&
    row < (a.endRowIndex ?? Infinity) &&
    col >= (a.startColumnIndex ?? 0) &&
    col < (a.endColumnIndex ?? Infinity)
  )
}

function guardProtected(sheet: FakeSheet, user: string, row: number, col: number) {
  for (const p of sheet.protections)
    if (!p.warningOnly && !p.editors.includes(user) && overlaps(p.range, row, col))
      throw new FakeApiError(
        400,
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      )
}

function rangeBounds(sheet: FakeSheet, range: GridRange) {
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

type Reply = sheets_v4.Schema$Response

/** Applies one request (only those our adapters use; anything else fails loudly). */
function applyRequest(
  book: FakeSpreadsheet,
  request: sheets_v4.Schema$Request,
  user: string,
): Reply {
  const kinds = Object.keys(request)
  if (kinds.length !== 1) throw new FakeApiError(400, 'Each request must have exactly one kind')
  if (request.updateCells) {
    const u = request.updateCells
    const paths = readPaths(u.fields)
    if (Boolean(u.start) === Boolean(u.range))
      throw new FakeApiError(400, 'updateCells needs exactly one of start or range')
    if (u.start) {
      const sheet = findSheet(book, u.start.sheetId)
      for (const [i, row] of (u.rows ?? []).entries())
        for (const [j, data] of (row.values ?? []).entries()) {
          const r = (u.start.rowIndex ?? 0) + i
          const c = (u.start.columnIndex ?? 0) + j
          guardProtected(sheet, user, r, c)
          writeCell(sheet, r, c, data, paths)
        }
    } else {
      const sheet = findSheet(book, u.range!.sheetId)
      const b = rangeBounds(sheet, u.range!)
      for (let r = b.r0; r < b.r1; r++)
        for (let c = b.c0; c < b.c1; c++) {
          guardProtected(sheet, user, r, c)
          writeCell(sheet, r, c, u.rows?.[r - b.r0]?.values?.[c - b.c0] ?? {}, paths)
        }
    }
    return {}
  }
  if (request.repeatCell) {
    const { range, cell, fields } = request.repeatCell
    const sheet = findSheet(book, range?.sheetId)
    const paths = readPaths(fields)
    const b = rangeBounds(sheet, range ?? {})
    for (let r = b.r0; r < b.r1; r++)
      for (let c = b.c0; c < b.c1; c++) {
        guardProtected(sheet, user, r, c)
        writeCell(sheet, r, c, cell ?? {}, paths)
      }
    return {}
  }
  if (request.appendDimension) {
    const { sheetId, dimension, length } = request.appendDimension
    const sheet = findSheet(book, sheetId)
    if (!length || length < 1) throw new FakeApiError(400, 'length must be positive')
    const grid = sheet.properties.gridProperties
    if (dimension === 'ROWS') grid.rowCount += length
    else if (dimension === 'COLUMNS') grid.columnCount += length
    else throw new FakeApiError(400, `Invalid dimension: ${dimension}`)
    if (countCells(book) > fakeLimits.cells)
      throw new FakeApiError(
        400,
        'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      )
    return {}
  }
  if (request.addSheet) {
    const p = request.addSheet.properties ?? {}
    const sheetId = p.sheetId ?? Math.max(0, ...book.sheets.map((s) => s.properties.sheetId)) + 1
    if (book.sheets.some((s) => s.properties.sheetId === sheetId))
      throw new FakeApiError(
        400,
        `Invalid requests[0].addSheet: Sheet with id ${sheetId} already exists.`,
      )
    const title = p.title ?? `Sheet${book.sheets.length + 1}`
    if (book.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase()))
      throw new FakeApiError(
        400,
        `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
      )
    const sheet = createFakeSheet(
      sheetId,
      title,
      book.sheets.length,
      p.gridProperties?.rowCount ?? 1000,
      p.gridProperties?.columnCount ?? 26,
    )
    if (p.gridProperties?.frozenRowCount)
      sheet.properties.gridProperties.frozenRowCount = p.gridProperties.frozenRowCount
    if (p.hidden) sheet.properties.hidden = true
    book.sheets.push(sheet)
    if (countCells(book) > fakeLimits.cells)
      throw new FakeApiError(
        400,
        'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      )
    return { addSheet: { properties: structuredClone(sheet.properties) } }
  }
  if (request.deleteSheet) {
    const sheet = findSheet(book, request.deleteSheet.sheetId)
    if (book.sheets.filter((s) => !s.properties.hidden && s !== sheet).length === 0)
      throw new FakeApiError(400, "You can't remove all the visible sheets in a document.")
    book.sheets = book.sheets.filter((s) => s !== sheet)
    book.sheets.forEach((s, i) => (s.properties.index = i))
    return {}
  }
  if (request.createDeveloperMetadata) {
    const m = request.createDeveloperMetadata.developerMetadata
    if (!m?.metadataKey || !m.visibility)
      throw new FakeApiError(400, 'metadataKey and visibility are required')
    const sheet = findSheet(book, m.location?.sheetId)
    const stored = {
      ...m,
      metadataId: book.nextMetadataId++,
      location: { locationType: 'SHEET', sheetId: sheet.properties.sheetId },
    }
    sheet.developerMetadata.push(stored)
    return { createDeveloperMetadata: { developerMetadata: structuredClone(stored) } }
  }
  if (request.updateDimensionProperties) {
    const { range, properties, fields } = request.updateDimensionProperties
    if (fields !== 'pixelSize') throw new FakeApiError(400, `fake: unsupported fields ${fields}`)
    const sheet = findSheet(book, range?.sheetId)
    const limit =
      range?.dimension === 'COLUMNS'
        ? sheet.properties.gridProperties.columnCount
        : sheet.properties.gridProperties.rowCount
    if ((range?.endIndex ?? 0) > limit) throw new FakeApiError(400, 'Range exceeds grid limits')
    for (let i = range?.startIndex ?? 0; i < (range?.endIndex ?? 0); i++)
      sheet.pixelSizes.set(i, properties?.pixelSize ?? 100)
    return {}
  }
  throw new FakeApiError(400, `fake: request kind not implemented: ${kinds[0]}`)
}

/** Applies a batch atomically: all requests or none, as the API does. */
export function applyBatch(
  book: FakeSpreadsheet,
  requests: sheets_v4.Schema$Request[],
  user: string,
): { book: FakeSpreadsheet; replies: Reply[] } {
  const next = structuredClone(book)
  const replies = requests.map((r, i) => {
    try {
      return applyRequest(next, r, user)
    } catch (error) {
      if (error instanceof FakeApiError)
        throw new FakeApiError(error.status, `Invalid requests[${i}]: ${error.message}`)
      throw error
    }
  })
  return { book: next, replies }
}

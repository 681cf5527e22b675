import type { sheets_v4 } from '@googleapis/sheets'
import {
  countCells,
  findSheet,
  guardProtected,
  rangeBounds,
  readPaths,
  writeCell,
} from './cells.ts'
import { createFakeSheet, FakeApiError, fakeLimits, type FakeSpreadsheet } from './model.ts'

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
    const masked = (fields ?? '').split(',')
    if (!masked.every((f) => f === 'pixelSize' || f === 'hiddenByUser'))
      throw new FakeApiError(400, `fake: unsupported fields ${fields}`)
    const sheet = findSheet(book, range?.sheetId)
    const limit =
      range?.dimension === 'COLUMNS'
        ? sheet.properties.gridProperties.columnCount
        : sheet.properties.gridProperties.rowCount
    if ((range?.endIndex ?? 0) > limit) throw new FakeApiError(400, 'Range exceeds grid limits')
    for (let i = range?.startIndex ?? 0; i < (range?.endIndex ?? 0); i++) {
      // A masked field the request does not give is reset, as the API does.
      if (masked.includes('pixelSize')) sheet.pixelSizes.set(i, properties?.pixelSize ?? 100)
      if (masked.includes('hiddenByUser') && range?.dimension === 'COLUMNS') {
        if (properties?.hiddenByUser) sheet.hiddenColumns.add(i)
        else sheet.hiddenColumns.delete(i)
      }
    }
    return {}
  }
  // The strict fake refuses every request kind it does not model, so an adapter change that sends a new
  // kind fails the tests instead of passing unchecked.
  throw new FakeApiError(400, `fake: request kind outside the fake's model: ${kinds[0]}`)
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

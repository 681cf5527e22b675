import { columnLetter, columnNumber } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import { XmlCursor } from './xml.ts'

/** Bounds on a worksheet, checked in its XML before ExcelJS materialises anything. */
export const sheetLimits = {
  /** Merged areas per sheet. */
  maxMerges: 10_000,
  /** One merge may cover a few whole columns (a million cells each), never the whole sheet. */
  maxMergeCells: 20_000_000,
  /** How far a merge may reach past the sheet's data (rows, columns); beyond is clipped. */
  mergeMarginRows: 100,
  mergeMarginColumns: 26,
  /** Data validation (drop-down lists) may reach further below the data: rows are added under a table. */
  validationMarginRows: 1000,
  /** An empty band of more rows than this ends a sheet's data; cells past it are strays. */
  gapRows: 500,
  /** An empty band of more columns than this ends a row's data; cells past it are strays. */
  gapColumns: 50,
  /**
   * What ExcelJS may materialise to write a marked copy: cell positions up to each row's last cell
   * (its writer walks them all: 5,000 rows ending in column XFD took it 5 s and 2 GB), merged and
   * validated cells after clipping.
   */
  maxLoadCells: 8_000_000,
}

/** The last row and column of a sheet's data (its first block: strays past a long gap left out). */
export type Extent = { rows: number; columns: number }

/** A range-bearing attribute found in the XML: where its value and its element lie, and the value. */
type RangeAttribute = {
  start: number
  end: number
  value: string
  element: [number, number] | null
}

/** What one pass over a worksheet's XML finds (see scanSheet). */
export type SheetScan = {
  extent: Extent
  /** Cell positions ExcelJS holds: each row up to its last cell, summed. */
  positions: number
  merges: RangeAttribute[]
  validations: RangeAttribute[]
  /** Cells holding an ISO 8601 date (`t="d"`, as Strict OOXML writes dates): their type and value. */
  isoDates: { type: [number, number]; value: [number, number] }[]
}

const rangeToken = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/
/** A cell reference (`B7`, `$B$7`) read from the XML in place, without a copy; null if it is none. */
function parseCellRef(
  xml: string,
  start: number,
  end: number,
): { row: number; column: number } | null {
  let i = start
  if (xml.charCodeAt(i) === 36 /* $ */) i++
  let column = 0
  const letters = i
  for (; i < end && i - letters < 3; i++) {
    const c = xml.charCodeAt(i) | 32
    if (c < 97 || c > 122) break
    column = column * 26 + (c - 96)
  }
  if (column === 0) return null
  if (xml.charCodeAt(i) === 36) i++
  let row = 0
  const digits = i
  for (; i < end && i - digits < 8; i++) {
    const c = xml.charCodeAt(i)
    if (c < 48 || c > 57) return null
    row = row * 10 + (c - 48)
  }
  return i === end && row > 0 ? { row, column } : null
}

type Area = { r1: number; c1: number; r2: number; c2: number }

function parseRange(token: string): Area | null {
  const m = rangeToken.exec(token)
  if (!m) return null
  const [r1, c1] = [Number(m[2]), columnNumber(m[1]!)]
  const [r2, c2] = m[3] === undefined ? [r1, c1] : [Number(m[4]), columnNumber(m[3])]
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) }
}

function countCells(a: Area): number {
  return (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1)
}

/**
 * Counts a sheet's merged areas and refuses more than a sane number, or one covering most of the
 * sheet such as `A1:XFD1048576`. It jumps from merge to merge (`mergeCell` or `x:mergeCell`)
 * without walking the cells, so checking a workbook pays almost nothing for it.
 */
export function checkSheetMerges(xml: string): void {
  const cursor = new XmlCursor(xml)
  let count = 0
  while (cursor.seek('mergeCell')) {
    if (++count > sheetLimits.maxMerges) throw new AppError('workbook/too-large', 'merges')
    const ref = cursor.attribute('ref')
    const area = ref === null ? null : parseRange(ref)
    if (area && countCells(area) > sheetLimits.maxMergeCells)
      throw new AppError('workbook/unsafe', `merge ${ref}`)
  }
}

/**
 * One pass over a worksheet's XML (any namespace prefix): the extent of its data, the positions
 * ExcelJS would hold, and where its merges and drop-down lists are. The extent stops at the first
 * empty band of more than `gapRows` rows, and each row at its first gap of more than `gapColumns`
 * columns, as the reader cuts its grid: a stray far cell does not stretch what is clipped to it.
 */
export function scanSheet(xml: string): SheetScan {
  const cursor = new XmlCursor(xml)
  const merges: RangeAttribute[] = []
  const validations: RangeAttribute[] = []
  const isoDates: SheetScan['isoDates'] = []
  let isoType: [number, number] | null = null
  let positions = 0
  let row = 0
  let column = 0
  // The current row: its last cell, and where its data run (from its first cell, gaps bounded) ends.
  let rowLast = 0
  let runEnd = 0
  let lastDataRow = 0
  let cut = false
  let columns = 0
  const closeRow = () => {
    positions += rowLast
    if (rowLast > 0 && !cut) {
      if (lastDataRow > 0 && row - lastDataRow - 1 > sheetLimits.gapRows) cut = true
      else {
        lastDataRow = Math.max(lastDataRow, row)
        columns = Math.max(columns, runEnd)
      }
    }
    rowLast = 0
    runEnd = 0
  }
  while (cursor.next()) {
    const name = cursor.name
    if (cursor.kind === 'close') {
      if (name === 'c') isoType = null
      continue
    }
    if (name === 'c') {
      const type = cursor.attributeSpan('t')
      const iso = type && type[1] === type[0] + 1 && xml.charCodeAt(type[0]) === 100 /* d */
      isoType = iso && cursor.kind === 'open' ? type : null
      const ref = cursor.attributeSpan('r')
      const at = ref ? parseCellRef(xml, ref[0], ref[1]) : null
      const r = at ? at.row : row
      if (r !== row) {
        closeRow()
        row = r
        column = 0
      }
      column = at ? at.column : column + 1
      if (runEnd === 0 || column - runEnd - 1 <= sheetLimits.gapColumns)
        runEnd = Math.max(runEnd, column)
      rowLast = Math.max(rowLast, column)
    } else if (name === 'v' && isoType && cursor.kind === 'open') {
      const from = cursor.span[1] + 1
      const to = xml.indexOf('<', from)
      if (to > from) isoDates.push({ type: isoType, value: [from, to] })
      isoType = null
    } else if (name === 'row') {
      closeRow()
      const r = Number(cursor.attribute('r'))
      row = Number.isInteger(r) && r > 0 ? r : row + 1
      column = 0
    } else if (name === 'mergeCell' || name === 'dataValidation') {
      const span = cursor.attributeSpan(name === 'mergeCell' ? 'ref' : 'sqref')
      if (span === null) continue
      // Only an empty element can be dropped whole (a merge is always written as one).
      const element = cursor.kind === 'empty' ? cursor.span : null
      const found = { start: span[0], end: span[1], value: xml.slice(span[0], span[1]), element }
      ;(name === 'mergeCell' ? merges : validations).push(found)
    }
  }
  closeRow()
  return { extent: { rows: lastDataRow, columns }, positions, merges, validations, isoDates }
}

/** A clipped range, or null when it starts past the limits (it covers nothing worth keeping). */
function clipArea(a: Area, maxRow: number, maxColumn: number): Area | null {
  if (a.r1 > maxRow || a.c1 > maxColumn) return null
  return { r1: a.r1, c1: a.c1, r2: Math.min(a.r2, maxRow), c2: Math.min(a.c2, maxColumn) }
}

function formatArea(a: Area): string {
  const from = `${columnLetter(a.c1)}${a.r1}`
  return a.r1 === a.r2 && a.c1 === a.c2 ? from : `${from}:${columnLetter(a.c2)}${a.r2}`
}

/** The clipped XML of a worksheet about to be loaded by ExcelJS, and what ExcelJS will hold. */
export type PreparedSheet = { xml: string | null; cells: number }

/**
 * Readies a worksheet for ExcelJS: merges clipped to the data plus a margin (one starting past it
 * dropped), drop-down lists clipped to the data plus 1,000 rows (ExcelJS keeps a rule for every
 * cell a list covers: seconds a column, forever for the whole sheet), then the cells ExcelJS would
 * hold counted and refused past `maxLoadCells`. The rewrite splices the values found by one scan,
 * so it costs one pass however the XML is shaped. `xml` is null when nothing needed clipping.
 */
export function prepareSheet(xml: string, date1904 = false): PreparedSheet {
  checkSheetMerges(xml)
  const scan = scanSheet(xml)
  const edits: Edit[] = []
  let cells = scan.positions
  const mergeRows = scan.extent.rows + sheetLimits.mergeMarginRows
  const mergeColumns = scan.extent.columns + sheetLimits.mergeMarginColumns
  for (const merge of scan.merges) {
    const area = parseRange(merge.value)
    if (!area) continue
    const clipped = clipArea(area, mergeRows, mergeColumns)
    // A merge starting past the data covers nothing worth reading: it is dropped (when it can be).
    const kept = clipped ?? (merge.element ? null : area)
    cells += kept ? countCells(kept) : 0
    if (kept && kept.r2 === area.r2 && kept.c2 === area.c2) continue
    edits.push(
      kept
        ? { start: merge.start, end: merge.end, text: formatArea(kept) }
        : {
            start: merge.element![0],
            end: merge.element![1] + 1,
            text: '',
          },
    )
  }
  const listRows = scan.extent.rows + sheetLimits.validationMarginRows
  const listColumns = Math.max(scan.extent.columns, 1) + sheetLimits.mergeMarginColumns
  for (const list of scan.validations) {
    const tokens = list.value.trim().split(/\s+/)
    const out = tokens.map((token) => {
      const area = parseRange(token)
      if (!area) return token
      // A list wholly past the limits keeps one cell at their corner: its rule is not lost.
      const clipped = clipArea(area, listRows, listColumns) ?? {
        r1: Math.min(area.r1, listRows),
        c1: Math.min(area.c1, listColumns),
        r2: Math.min(area.r2, listRows),
        c2: Math.min(area.c2, listColumns),
      }
      cells += countCells(clipped)
      return clipped.r2 === area.r2 && clipped.c2 === area.c2 ? token : formatArea(clipped)
    })
    if (out.some((t, i) => t !== tokens[i]))
      edits.push({ start: list.start, end: list.end, text: out.join(' ') })
  }
  // ExcelJS reads an ISO date cell as the number its year makes: it gets the serial day instead.
  for (const iso of scan.isoDates) {
    const serial = convertIsoToSerial(xml.slice(iso.value[0], iso.value[1]), date1904)
    if (serial === null) continue
    edits.push({ start: iso.type[0], end: iso.type[1], text: 'n' })
    edits.push({ start: iso.value[0], end: iso.value[1], text: String(serial) })
  }
  if (cells > sheetLimits.maxLoadCells) throw new AppError('workbook/too-large', `${cells} cells`)
  return { xml: edits.length ? applyEdits(xml, edits) : null, cells }
}

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/

/** Excel's serial day of an ISO 8601 date or date-time (days since 1899-12-30, or 1904-01-01). */
export function convertIsoToSerial(text: string, date1904: boolean): number | null {
  const m = isoDateTime.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as number[]
  const ms = Date.UTC(y!, mo! - 1, d!, h, mi, 0) + sec! * 1000
  if (Number.isNaN(ms)) return null
  return (ms - Date.UTC(1899, 11, 30)) / 86_400_000 - (date1904 ? 1462 : 0)
}

/** Replaces [start, end) of the XML with the text. */
type Edit = { start: number; end: number; text: string }

/** Splices edits (in document order, not overlapping) into the XML in one pass. */
function applyEdits(xml: string, edits: Edit[]): string {
  const pieces: string[] = []
  let from = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    pieces.push(xml.slice(from, edit.start), edit.text)
    from = edit.end
  }
  pieces.push(xml.slice(from))
  return pieces.join('')
}

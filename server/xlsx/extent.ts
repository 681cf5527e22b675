import { columnLetter, columnNumber } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'

/** Bounds on a worksheet, checked in its XML before ExcelJS materialises anything. */
export const sheetLimits = {
  /** Merged areas per sheet. */
  maxMerges: 10_000,
  /** One merge may cover a few whole columns (a million cells each), never the whole sheet. */
  maxMergeCells: 20_000_000,
  /** How far a merge may reach past the last cell holding something (rows, columns); beyond is clipped. */
  mergeMarginRows: 100,
  mergeMarginColumns: 26,
  /** Data validation (drop-down lists) may reach further below the data: rows are added under a table. */
  validationMarginRows: 1000,
}

type Extent = { rows: number; columns: number }

const cellRef = /<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g
const mergeRef = /<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/g

/** The last row and column in which the sheet's XML has a cell. */
export function computeSheetExtent(xml: string): Extent {
  let rows = 0
  let columns = 0
  for (const m of xml.matchAll(cellRef)) {
    const column = columnNumber(m[1]!)
    const row = Number(m[2])
    if (row > rows) rows = row
    if (column > columns) columns = column
  }
  return { rows, columns }
}

/**
 * Counts a sheet's merged areas (refusing more than a sane number, or one covering most of the
 * sheet such as `A1:XFD1048576`) and clips each to the sheet's real extent plus a margin, so that
 * a merge reaching far past the data costs a few cells, not millions.
 * Returns the rewritten XML, or null when nothing needed clipping.
 */
export function clipSheetMerges(xml: string, extent = computeSheetExtent(xml)): string | null {
  const merges = xml.match(/<mergeCell\b/g)?.length ?? 0
  if (merges === 0) return null
  if (merges > sheetLimits.maxMerges) throw new AppError('workbook/too-large', `${merges} merges`)
  const maxRow = extent.rows + sheetLimits.mergeMarginRows
  const maxColumn = extent.columns + sheetLimits.mergeMarginColumns
  let changed = false
  const clipped = xml.replace(mergeRef, (whole, left: string, top: string, right, bottom) => {
    const r1 = Number(top)
    const c1 = columnNumber(left)
    const r2 = bottom === undefined ? r1 : Number(bottom)
    const c2 = right === undefined ? c1 : columnNumber(right as string)
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > sheetLimits.maxMergeCells)
      throw new AppError('workbook/unsafe', `merge ${left}${top}:${right ?? ''}${bottom ?? ''}`)
    if (r2 <= maxRow && c2 <= maxColumn) return whole
    changed = true
    // A merge starting past the extent covers nothing worth reading: it is dropped.
    if (r1 >= maxRow || c1 >= maxColumn) return '<mergeCell ref="_"'
    const r = Math.min(r2, maxRow)
    const c = Math.min(c2, maxColumn)
    return whole.replace(/ref="[^"]*"/, `ref="${left}${r1}:${columnLetter(c)}${r}"`)
  })
  return changed ? clipped.replace(/<mergeCell ref="_"[^>]*>/g, '') : null
}

const validationRef = /(<(?:\w+:)?dataValidation\b[^>]*?\bsqref=")([^"]*)(")/g
const rangeToken = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/

/**
 * Clips the ranges of data validation (drop-down lists) to the sheet's extent plus a margin:
 * ExcelJS keeps a rule for every cell a range covers, so a list over whole columns (`F1:F1048576`,
 * common in templates) costs it seconds a column, and one over the whole sheet never finishes.
 * Only what ExcelJS loads to write a marked copy is clipped; checking never reads validations.
 * Returns the rewritten XML, or null when nothing needed clipping.
 */
export function clipDataValidations(xml: string, extent = computeSheetExtent(xml)): string | null {
  if (!xml.includes('dataValidation')) return null
  const maxRow = extent.rows + sheetLimits.validationMarginRows
  const maxColumn = Math.max(extent.columns, 1) + sheetLimits.mergeMarginColumns
  let changed = false
  const clipped = xml.replace(
    validationRef,
    (whole, open: string, sqref: string, close: string) => {
      const tokens = sqref.trim().split(/\s+/)
      const out = tokens.map((token) => {
        const m = rangeToken.exec(token)
        if (!m) return token
        const [r1, c1] = [Number(m[2]), columnNumber(m[1]!)]
        const [r2, c2] = m[3] === undefined ? [r1, c1] : [Number(m[4]), columnNumber(m[3])]
        if (r2 <= maxRow && c2 <= maxColumn) return token
        const top = Math.min(r1, maxRow)
        const left = Math.min(c1, maxColumn)
        return `${columnLetter(left)}${top}:${columnLetter(Math.min(c2, maxColumn))}${Math.min(r2, maxRow)}`
      })
      if (out.every((t, i) => t === tokens[i])) return whole
      changed = true
      return `${open}${out.join(' ')}${close}`
    },
  )
  return changed ? clipped : null
}

/** Merges and data validation clipped (see both); null when the sheet needed neither. */
export function clipSheetRanges(xml: string): string | null {
  const extent = computeSheetExtent(xml)
  const merged = clipSheetMerges(xml, extent)
  const validated = clipDataValidations(merged ?? xml, extent)
  return validated ?? merged
}

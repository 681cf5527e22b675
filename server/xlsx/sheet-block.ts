import type { CellValue, Grid, MergeArea, StrayCell } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import { sheetLimits } from './extent.ts'

/**
 * How large a grid may grow: rows of its block, and cell positions (each row up to its last
 * value). The block is cut at long empty bands first, so only data that is really that large (not
 * a few scattered values) reaches these limits.
 */
export const gridLimits = { rows: 100_000, cells: 4_000_000 }

/** How many stray values a grid carries (all are counted). */
export const strayLimit = 100

/** The values of one sheet row as the XML holds them: columns ascending, values beside them. */
export type RowCells = { row: number; columns: number[]; values: CellValue[] }

/** What the XML pass found: rows with values, rows that count without one, merged areas. */
export type SheetCells = { rows: RowCells[]; lastCountedRow: number; merges: MergeArea[] }

/** Rows in ascending order, a row written twice joined, each row's cells in column order. */
function sortRows(rows: RowCells[]): RowCells[] {
  let out = rows
  if (rows.some((r, i) => i > 0 && rows[i - 1]!.row >= r.row)) {
    const byRow = new Map<number, RowCells>()
    for (const r of rows) {
      const seen = byRow.get(r.row)
      if (!seen) byRow.set(r.row, r)
      else
        for (const [j, c] of r.columns.entries()) {
          seen.columns.push(c)
          seen.values.push(r.values[j]!)
        }
    }
    out = [...byRow.values()].sort((a, b) => a.row - b.row)
  }
  for (const r of out) {
    if (r.columns.every((c, i) => i === 0 || r.columns[i - 1]! < c)) continue
    const order = r.columns.map((_, i) => i).sort((a, b) => r.columns[a]! - r.columns[b]!)
    r.values = order.map((i) => r.values[i]!)
    r.columns = order.map((i) => r.columns[i]!)
  }
  return out
}

/**
 * Places a sheet's values into core's grid, bounded by the values present, never by the highest
 * row or column index: the block runs from the first value to the first empty band of more than
 * `gapRows` rows, each row from the block's left edge to its first gap of more than `gapColumns`
 * columns; what lies past is kept aside as strays (the first `strayLimit`, all counted). The block
 * starts at row 1 and column A unless the first value lies past such a band. Cells a merge hides
 * (all but its top-left) keep no value; rows run on to those merges cover, a margin past the data.
 */
export function placeSheetCells(name: string, found: SheetCells): Grid {
  const rows = sortRows(found.rows)
  const strays: StrayCell[] = []
  let strayCount = 0
  const stray = (row: number, column: number, value: CellValue) => {
    if (strayCount++ < strayLimit) strays.push({ row, column, value })
  }
  // Rows: from the first value (or counted row) to the first long empty band.
  const first = rows[0]?.row ?? found.lastCountedRow
  const top = first - 1 > sheetLimits.gapRows ? first : 1
  let end = 0
  let cut = rows.length
  for (const [i, r] of rows.entries()) {
    if (end > 0 && r.row - end - 1 > sheetLimits.gapRows) {
      cut = i
      break
    }
    end = r.row
  }
  // A row that counts without a value (ExcelJS's rule) stretches the block, within the same band.
  if (found.lastCountedRow > end && found.lastCountedRow - end - 1 <= sheetLimits.gapRows)
    end =
      cut < rows.length ? Math.min(found.lastCountedRow, rows[cut]!.row - 1) : found.lastCountedRow
  const block = rows.slice(0, cut)
  // Columns: from column A, or from the first value when it lies past a long empty band.
  let minColumn = Infinity
  for (const r of block) minColumn = Math.min(minColumn, r.columns[0] ?? Infinity)
  const left = Number.isFinite(minColumn) && minColumn - 1 > sheetLimits.gapColumns ? minColumn : 1
  const bottom = placeMergeRows(found.merges, end, top)
  if (bottom - top + 1 > gridLimits.rows) throw new AppError('workbook/too-large', `${name}: rows`)
  const cells: CellValue[][] = Array.from({ length: Math.max(bottom - top + 1, 0) }, () => [])
  let budget = gridLimits.cells
  for (const r of block) {
    const out = cells[r.row - top]!
    let previous = left - 1
    for (const [j, column] of r.columns.entries()) {
      if (column - previous - 1 > sheetLimits.gapColumns) {
        for (let k = j; k < r.columns.length; k++) stray(r.row, r.columns[k]!, r.values[k]!)
        break
      }
      previous = column
      while (out.length < column - left) out.push(null)
      out[column - left] = r.values[j]!
    }
    budget -= out.length
    if (budget < 0) throw new AppError('workbook/too-large', `${name}: too many cells`)
  }
  // Rows past the block, after the block's own far cells: strays in reading order.
  for (const r of rows.slice(cut)) r.columns.forEach((c, j) => stray(r.row, c, r.values[j]!))
  hideMergedCells(cells, found.merges, top, left)
  const grid: Grid = { sheet: name, top, left, cells, merges: found.merges }
  if (strayCount > 0) Object.assign(grid, { strays, strayCount })
  return grid
}

/** The last row of the grid: the block's end, or further down to what merges cover (a margin at most). */
function placeMergeRows(merges: MergeArea[], end: number, top: number): number {
  let bottom = end
  for (const m of merges) {
    if (m.bottom < top) continue
    bottom = Math.max(bottom, Math.min(m.bottom, end + sheetLimits.mergeMarginRows))
  }
  return bottom
}

/** Clears the cells a merge hides (all but its top-left); each row then ends at its last value. */
function hideMergedCells(cells: CellValue[][], merges: MergeArea[], top: number, left: number) {
  for (const m of merges) {
    for (let r = Math.max(m.top, top); r <= m.bottom && r - top < cells.length; r++) {
      const row = cells[r - top]!
      for (let c = Math.max(m.left, left); c <= m.right && c - left < row.length; c++) {
        if (r === m.top && c === m.left) continue
        row[c - left] = null
      }
    }
  }
  for (const row of cells) while (row.length > 0 && row[row.length - 1] === null) row.pop()
}

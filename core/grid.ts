/** A calendar date (yyyy-mm-dd) that a spreadsheet cell held as a real date, not as text. */
/**
 * A real date; `shows` when its number format shows only the month ("mm/yyyy") or the year: a
 * deadline reads it as that period, a completion date as the day it holds.
 */
export type DateCell = { readonly date: string; readonly shows?: 'month' | 'year' }

/** One cell value as an adapter hands it to core: text, number, boolean, a real date, or empty. */
export type CellValue = string | number | boolean | DateCell | null

/** A merged area in 1-based sheet coordinates. */
export type MergeArea = { top: number; left: number; bottom: number; right: number }

/** A value far from the sheet's data (past a long empty band), kept out of the grid's block. */
export type StrayCell = { row: number; column: number; value: CellValue }

/**
 * A rectangular block of a sheet as core sees it: what every adapter (ExcelJS, Office.js, Sheets)
 * converts its world into. `cells[0][0]` is the sheet cell at (`top`, `left`), both 1-based.
 * `strays` are values the adapter found far outside the block (a stray entry in row 1,048,576):
 * reported, never read as table rows; `strayCount` counts them all when only the first are kept.
 */
export type Grid = {
  sheet: string
  top: number
  left: number
  cells: CellValue[][]
  merges: MergeArea[]
  strays?: StrayCell[]
  strayCount?: number
}

/** Excel holds at most this many characters in a cell; every reader clips text to it. */
export const maxCellChars = 32_767

/** Text clipped to what a cell holds (never splitting a surrogate pair). */
export function clipCellText(text: string): string {
  if (text.length <= maxCellChars) return text
  const cut = text.charCodeAt(maxCellChars - 1)
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? maxCellChars - 1 : maxCellChars)
}

/** Metadata a template workbook carries (hidden), read by adapters and passed to core. */
export type TemplateMeta = {
  planId?: string
  year?: number
  templateVersion?: string
  /** Column choices remembered in the workbook ("deadline=F" or JSON of header texts). */
  columns?: string
  /** The unit a template was built for (its tasks only): its numbering has gaps by design. */
  agency?: string
  /** The plan's issue date (yyyy-mm-dd), which deadlines such as "30 ngày kể từ ngày ban hành" count from. */
  issued?: string
}

/** Turns a 1-based column number into its letters, as Excel shows them (1 → A, 28 → AB). */
export function columnLetter(column: number): string {
  let n = column
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** Turns column letters into a 1-based column number (AB → 28). */
export function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** True when the value is a real date cell. */
export function isDateCell(value: CellValue): value is DateCell {
  return typeof value === 'object' && value !== null && 'date' in value
}

/** The text a person sees for a value (dates as dd/mm/yyyy, numbers as written). */
export function cellText(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  const [y, m, d] = value.date.split('-')
  if (value.shows === 'month') return `${m}/${y}`
  if (value.shows === 'year') return `${y}`
  return `${d}/${m}/${y}`
}

/**
 * Returns a copy of the grid's cells where every cell covered by a merge holds the merge's
 * top-left value, a parallel map saying which cells are merge-covered (not top-left), and for each
 * cell covered from a column to its left, that column (relative to the grid; -1 elsewhere).
 */
export function computeFilledCells(grid: Grid): {
  values: CellValue[][]
  covered: boolean[][]
  from: number[][]
} {
  const values = grid.cells.map((row) => row.slice())
  const covered = grid.cells.map((row) => row.map(() => false))
  const from = grid.cells.map((row) => row.map(() => -1))
  // Merges are clipped to the grid's real extent: a merge reaching column XFD fills no cell past the data.
  const width = grid.cells.reduce((w, row) => Math.max(w, row.length), 0)
  for (const m of grid.merges) {
    const r0 = m.top - grid.top
    const c0 = m.left - grid.left
    const origin = grid.cells[r0]?.[c0] ?? null
    for (let r = Math.max(r0, 0); r <= m.bottom - grid.top && r < values.length; r++) {
      const row = values[r]!
      for (let c = Math.max(c0, 0); c <= m.right - grid.left && c < width; c++) {
        if (r === r0 && c === c0) continue
        while (row.length <= c) row.push(null)
        row[c] = origin
        const cov = covered[r]!
        const left = from[r]!
        while (cov.length <= c) cov.push(false)
        while (left.length <= c) left.push(-1)
        cov[c] = true
        if (c > c0) left[c] = c0
      }
    }
  }
  return { values, covered, from }
}

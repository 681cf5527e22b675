import { columnLetter, columnNumber, type FieldKey } from '../../core/index.ts'
import type { FixtureCell, TableFixture } from './fixture.ts'

/**
 * Edits of a fixture's sheet that keep its truth in step: rows inserted shift the truth's rows, the
 * header row and the merged areas below them. Used to perturb the tuning tables (`perturb.ts`).
 */

/** A deep copy, free to edit. */
export function cloneFixture(f: TableFixture): TableFixture {
  return structuredClone(f)
}

/** The last row of the header: its row, or the bottom of an area merged down from it. */
export function findHeaderBottom(f: TableFixture): number {
  let bottom = f.truth.headerRow
  for (const area of f.merges) {
    const [top, end] = readArea(area)
    if (top.row === f.truth.headerRow) bottom = Math.max(bottom, end.row)
  }
  return bottom
}

/** The 0-based columns the truth gives a field. */
export function findColumns(f: TableFixture, field: FieldKey): number[] {
  return Object.entries(f.truth.columns)
    .filter(([, held]) => held === field)
    .map(([letter]) => columnNumber(letter) - 1)
}

/** How wide the sheet is: its widest row, or the last column the truth names. */
export function measureWidth(f: TableFixture): number {
  const named = Object.keys(f.truth.columns).map(columnNumber)
  return Math.max(...f.rows.map((r) => r.length), ...named)
}

/** Rows inserted before sheet row `at`; every row, area and truth at or below it moves down. */
export function insertRows(f: TableFixture, at: number, rows: FixtureCell[][]): TableFixture {
  const g = cloneFixture(f)
  const k = rows.length
  g.rows.splice(at - 1, 0, ...rows)
  g.merges = g.merges.map((area) =>
    area.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => c + shift(Number(r), at, k)),
  )
  g.truth.headerRow = shift(g.truth.headerRow, at, k)
  g.truth.rows = Object.fromEntries(
    Object.entries(g.truth.rows).map(([row, truth]) => [String(shift(Number(row), at, k)), truth]),
  )
  return g
}

/** Rows added below the sheet; each is clean (any error on it is false) unless the truth says more. */
export function appendRows(f: TableFixture, rows: FixtureCell[][]): TableFixture {
  const g = cloneFixture(f)
  const first = g.rows.length + 1
  g.rows.push(...rows)
  rows.forEach((_, i) => (g.truth.rows[String(first + i)] ??= { clean: true }))
  return g
}

/** Every cell from sheet row `fromRow` down, rewritten; null when no cell changed. */
export function rewriteCells(
  f: TableFixture,
  rewrite: (cell: FixtureCell, row: number, column: number) => FixtureCell,
  fromRow = 1,
): TableFixture | null {
  let changed = false
  const g = cloneFixture(f)
  g.rows = f.rows.map((cells, r) =>
    r + 1 < fromRow
      ? cells
      : cells.map((cell, c) => {
          const next = rewrite(cell, r + 1, c)
          if (next !== cell) changed = true
          return next
        }),
  )
  return changed ? g : null
}

/** A new column's cells, by sheet row (1-based). */
export type NewColumn = (row: number) => FixtureCell

/**
 * The sheet rebuilt with its columns in `order`: each entry an old 0-based column, or a new column's
 * cells. The truth's columns and the merged areas follow their columns; an area across columns that
 * the new order tears apart is dropped, so callers keep areas whole.
 */
export function arrangeColumns(f: TableFixture, order: (number | NewColumn)[]): TableFixture {
  const g = cloneFixture(f)
  const where = new Map<number, number>()
  order.forEach((o, i) => typeof o === 'number' && where.set(o, i))
  g.rows = f.rows.map((cells, r) =>
    order.map((o) => (typeof o === 'number' ? (cells[o] ?? null) : o(r + 1))),
  )
  g.merges = f.merges.flatMap((area) => {
    const [from, to] = area.split(':')
    const a = readRef(from!)
    const b = readRef(to ?? from!)
    const na = where.get(a.column)
    const nb = where.get(b.column)
    if (na === undefined || nb === undefined || nb - na !== b.column - a.column) return []
    return [`${letterOf(na)}${a.row}:${letterOf(nb)}${b.row}`]
  })
  g.truth.columns = Object.fromEntries(
    Object.entries(f.truth.columns).flatMap(([letter, field]) => {
      const moved = where.get(columnNumber(letter) - 1)
      return moved === undefined ? [] : [[letterOf(moved), field]]
    }),
  )
  return g
}

function readRef(ref: string): { column: number; row: number } {
  const [, letters, digits] = /([A-Z]+)(\d+)/.exec(ref)!
  return { column: columnNumber(letters!) - 1, row: Number(digits) }
}

/** The letter of a 0-based column. */
export function letterOf(column: number): string {
  return columnLetter(column + 1)
}

function shift(row: number, at: number, k: number): number {
  return row >= at ? row + k : row
}

function readArea(area: string): [{ row: number }, { row: number }] {
  const [from, to] = area.split(':')
  const row = (ref: string) => ({ row: Number(/\d+/.exec(ref)![0]) })
  return [row(from!), row(to ?? from!)]
}

import type { MergeArea } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'

// What a document reader (Word, HTML) hands on: the body's paragraphs and tables in order, each table
// laid out on its grid with its merged areas, so that core reads it like a sheet.

/** Limits on the tables of one document, checked as cells arrive (before a grid grows past them). */
export const tableLimits = {
  /** Table cells (w:tc, td) in the whole document. */
  cells: 200_000,
  /** Grid positions of one table (its rows times its width), merged positions included. */
  positions: 2_000_000,
  columns: 256,
  /** Tables inside tables. */
  depth: 16,
}

/** A table on its grid: text (null where a merge covers), merged areas 1-based within the table. */
export type DocumentTable = {
  rows: (string | null)[][]
  merges: MergeArea[]
  /** Rows marked to repeat at the top of each page (w:tblHeader, thead). */
  headerRows: boolean[]
}

export type DocumentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: DocumentTable }
  /** A page or section break: an appendix starts after one. */
  | { kind: 'break' }

/** A document-wide counter of table cells, refusing the one past the limit. */
export function createCellBudget(limit = tableLimits.cells) {
  let count = 0
  return () => {
    if (++count > limit) throw new AppError('document/too-complex', `> ${limit} table cells`)
  }
}

/**
 * Lays out one table as its cells arrive, row by row: a cell at a grid column with its horizontal span,
 * and either a vertical span counted in rows (HTML rowspan) or Word's vertical merge (restart, then
 * continue cells in the rows below).
 */
export function createTableLayout() {
  const rows: (string | null)[][] = []
  const headerRows: boolean[] = []
  const merges: MergeArea[] = []
  /** Per grid column: the merge a Word "continue" cell there extends. */
  const open = new Map<number, MergeArea>()
  /** Per grid column: the last row an HTML rowspan covers. */
  const spanned = new Map<number, number>()
  let positions = 0

  const ensureWidth = (row: (string | null)[], width: number) => {
    if (width > tableLimits.columns)
      throw new AppError('document/too-complex', `> ${tableLimits.columns} columns`)
    while (row.length < width) {
      row.push(null)
      if (++positions > tableLimits.positions)
        throw new AppError('document/too-complex', `> ${tableLimits.positions} table positions`)
    }
  }
  const current = () => rows[rows.length - 1]!

  return {
    startRow(header = false) {
      rows.push([])
      headerRows.push(header)
    },
    /** Marks the current row as a header row repeated on each page. */
    markHeader() {
      if (headerRows.length) headerRows[headerRows.length - 1] = true
    },
    /** The first grid column at or after `from` that no HTML rowspan from above covers. */
    freeColumn(from: number): number {
      let c = from
      while ((spanned.get(c) ?? 0) >= rows.length) c++
      return c
    },
    /** Places a cell; `rowSpan` > 1 is an HTML rowspan. Returns the next grid column. */
    place(column: number, text: string | null, colSpan: number, rowSpan = 1): number {
      const span = Math.max(1, colSpan)
      const row = current()
      ensureWidth(row, column + span)
      row[column] = text
      const r = rows.length
      for (let c = column; c < column + span; c++) open.delete(c)
      if (span > 1 || rowSpan > 1) {
        merges.push({ top: r, left: column + 1, bottom: r + rowSpan - 1, right: column + span })
        for (let c = column; c < column + span && rowSpan > 1; c++) spanned.set(c, r + rowSpan - 1)
      }
      return column + span
    },
    /** Places a Word cell that starts a vertical merge. */
    restart(column: number, text: string, colSpan: number): number {
      const next = this.place(column, text, colSpan)
      const r = rows.length
      let area = merges[merges.length - 1]
      if (!area || area.top !== r || area.left !== column + 1) {
        area = { top: r, left: column + 1, bottom: r, right: next }
        merges.push(area)
      }
      open.set(column, area)
      return next
    },
    /** Places a Word cell that continues the vertical merge above it (or, without one, an empty cell). */
    continue(column: number, colSpan: number): number {
      const area = open.get(column)
      const span = Math.max(1, colSpan)
      ensureWidth(current(), column + span)
      if (!area || area.right !== column + span) return this.place(column, null, colSpan)
      area.bottom = rows.length
      return column + span
    },
    /** The table, with merges that cover nothing dropped and rowspans clipped to the last row. */
    finish(): DocumentTable {
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0)
      for (const row of rows) ensureWidth(row, width)
      const last = rows.length
      const kept = merges
        .map((m) => ({ ...m, bottom: Math.min(m.bottom, last) }))
        .filter((m) => m.bottom > m.top || m.right > m.left)
      return { rows, merges: kept, headerRows }
    },
  }
}

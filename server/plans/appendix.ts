import { foldText, readTable, type CellValue, type Grid, type MergeArea } from '../../core/index.ts'
import type { DocumentBlock, DocumentTable } from '../docx/blocks.ts'

// A document's tables become the grids core reads: each appendix table with the title lines written
// above it, and the tables that continue it on the next pages (the same columns, nothing but blank
// lines or page breaks between, their repeated header rows dropped) joined to it.

/** An appendix found in a document: its grid (title rows, then the table) and the document's heading. */
export type AppendixGrid = { grid: Grid; context: string[] }

/** How many title lines above a table are kept with it. */
const maxTitleLines = 6
/** How many lines from the document's start are searched for its number and date. */
const maxContextLines = 40

function toRows(table: DocumentTable, from = 0): CellValue[][] {
  return table.rows.slice(from).map((r) => r.map((v) => (v === null || v === '' ? null : v)))
}

function shiftMerges(merges: MergeArea[], by: number, from = 0): MergeArea[] {
  return merges
    .filter((m) => m.bottom > from)
    .map((m) => ({
      top: Math.max(m.top, from + 1) + by - from,
      left: m.left,
      bottom: m.bottom + by - from,
      right: m.right,
    }))
}

const titleStart = /^(phu luc|danh muc|bieu|bang|ke hoach|chuong trinh|nhiem vu)\b/

/**
 * The title lines of a table: those since the last page break, from the last one that starts a title
 * ("PHỤ LỤC", "KẾ HOẠCH CỤ THỂ …", "DANH MỤC …") among the last few; else the last few.
 */
function selectTitle(lines: string[]): string[] {
  const recent = lines.slice(-maxTitleLines)
  for (let i = recent.length - 1; i >= 0; i--)
    if (titleStart.test(foldText(recent[i]!))) {
      // "PHỤ LỤC" over "KẾ HOẠCH …": the title starts at the first of consecutive title lines.
      let start = i
      while (start > 0 && titleStart.test(foldText(recent[start - 1]!))) start--
      return recent.slice(start)
    }
  return recent.slice(-3)
}

const foldRow = (row: (string | null)[]) => row.map((v) => foldText(v ?? '')).join('|')

type Candidate = { grid: Grid; width: number; header: string[]; context: string[] }

/** Starts a grid from a table with its title lines above it. */
function startCandidate(
  table: DocumentTable,
  title: string[],
  context: string[],
): Candidate | null {
  const cells: CellValue[][] = [...title.map((t) => [t]), ...toRows(table)]
  const grid: Grid = {
    sheet: 'Phụ lục',
    top: 1,
    left: 1,
    cells,
    merges: shiftMerges(table.merges, title.length),
  }
  const read = readTable(grid)
  if (!read) return null
  const first = read.header.row - 1 - title.length
  const header = table.rows.slice(first, first + read.header.height).map(foldRow)
  return { grid, width: table.rows[0]?.length ?? 0, header, context }
}

/** Joins a table that continues the candidate on the next page, without its repeated header rows. */
function joinContinuation(candidate: Candidate, table: DocumentTable): boolean {
  if ((table.rows[0]?.length ?? 0) !== candidate.width) return false
  let skip = 0
  while (
    skip < table.rows.length &&
    (table.headerRows[skip] || candidate.header.includes(foldRow(table.rows[skip]!)))
  )
    skip++
  const alone: Grid = { sheet: '', top: 1, left: 1, cells: toRows(table), merges: table.merges }
  // A table with a header of its own that is not the candidate's is another appendix.
  if (skip === 0 && readTable(alone)) return false
  const grid = candidate.grid
  grid.merges.push(...shiftMerges(table.merges, grid.cells.length, skip))
  grid.cells.push(...toRows(table, skip))
  return true
}

/**
 * The appendix grids of a document, in order: every table core finds a header in, with the title lines
 * above it and the tables continuing it. Each comes with the document's opening lines (its number and
 * date are there, "Số: 0156/KH-UBND", "Đắk Lắk, ngày 26 tháng 12 năm 2025").
 */
export function collectAppendixGrids(blocks: DocumentBlock[]): AppendixGrid[] {
  const found: Candidate[] = []
  const context: string[] = []
  let lines: string[] = []
  let current: Candidate | null = null
  for (const block of blocks) {
    if (block.kind === 'break') {
      lines = []
      continue
    }
    if (block.kind === 'paragraph') {
      if (!block.text) continue
      lines.push(block.text)
      if (context.length < maxContextLines) context.push(block.text)
      current = null
      continue
    }
    const table = block.table
    if (current && joinContinuation(current, table)) continue
    const candidate = startCandidate(table, selectTitle(lines), [...context])
    lines = []
    if (candidate) found.push((current = candidate))
    else {
      current = null
      // A layout table (the heading with the number and the date) is part of the document's opening.
      for (const row of table.rows)
        for (const cell of row)
          if (cell && context.length < maxContextLines) context.push(...cell.split('\n'))
    }
  }
  return found.map((c) => ({ grid: c.grid, context: c.context }))
}

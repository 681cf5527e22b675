import { columnNumber, type Report } from '../../core/index.ts'

// What "marks touch only what they mark" means, written once for every adapter's read-back test:
// inside the agency's table, the cells whose fill changes are the problem cells, each on the top-left
// cell of the merged area it lies in.

const rangePattern = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/

/** The cell showing a position: the top-left cell of the merged area ("C7:C9") covering it, else itself. */
export function placeCell(merges: readonly string[], column: string, row: number): string {
  const c = columnNumber(column)
  for (const merge of merges) {
    const m = rangePattern.exec(merge)
    if (!m) continue
    const [top, bottom] = [Number(m[2]), Number(m[4])]
    if (row >= top && row <= bottom && c >= columnNumber(m[1]!) && c <= columnNumber(m[3]!))
      return `${m[1]}${top}`
  }
  return `${column}${row}`
}

/** The problem cells of a report as the marks must show them: one per cell, merged areas at their top-left. */
export function computeProblemCells(report: Report, merges: readonly string[]): string[] {
  const cells = report.issues
    .filter((i) => i.row !== null && i.column !== null)
    .map((i) => placeCell(merges, i.column!, i.row!))
  return [...new Set(cells)].sort()
}

/** Whether an address lies in the agency's table: from the header row to the last task, its columns. */
export function isInTable(report: Report, address: string): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(address)
  if (!m || !report.header) return false
  const last = Math.max(...report.tasks.map((t) => t.row))
  const row = Number(m[2])
  return (
    columnNumber(m[1]!) <= columnNumber(report.header.lastColumn) &&
    row >= report.header.row &&
    row <= last
  )
}

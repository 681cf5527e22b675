import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { columnLetter, statusLabels, taskStatuses } from '../../core/index.ts'
import { firstDataRow, type PlannedCell, type PlannedSheet } from '../consolidation/types.ts'
import { statusFills } from './mark.ts'
import { writeRows, type StyledRow } from './rows.ts'
import {
  computeRowHeight,
  createHeaderFooter,
  createPageSetup,
  printFont,
  printFontSize,
} from './print.ts'

// Cells that look alike share one style object: ExcelJS's style registry recognises a seen object at once
// instead of serialising its style again for every cell.
// Times New Roman as official documents; text wraps at the top of its cell so that it prints whole.
const font: Partial<ExcelJS.Font> = { name: printFont, size: printFontSize }
const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' }
const statusStyles = new Map<string, Partial<ExcelJS.Style>>(
  taskStatuses.map((s) => [
    statusLabels[s].vi,
    {
      font,
      alignment: wrap,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: statusFills[s] } },
    },
  ]),
)
const dateStyle: Partial<ExcelJS.Style> = { font, alignment: wrap, numFmt: 'dd/mm/yyyy' }
const headerStyle: Partial<ExcelJS.Style> = {
  font: { ...font, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  alignment: { wrapText: true, vertical: 'middle' },
}
const totalStyle: Partial<ExcelJS.Style> = { font: { ...font, bold: true }, alignment: wrap }
const plainStyle: Partial<ExcelJS.Style> = { font, alignment: wrap }

/** The text a planned cell shows, for sizing its row. */
function readPlannedText(cell: PlannedCell): string | null {
  if (cell === null) return null
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  return 'date' in cell ? '00/00/0000' : String(cell.result)
}

/** ExcelJS's value for a planned cell: text stays text (ExcelJS never turns a string into a formula). */
function convertPlannedCell(cell: PlannedCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell
  if ('date' in cell) return new Date(`${cell.date}T00:00:00Z`)
  return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue
}

/**
 * A sheet's rows with their looks: status colours in status columns, dates as dd/mm/yyyy, totals in
 * bold, the rest plain; empty cells unstyled except in totals. Each row sized for its wrapped text.
 */
function* styleRows(sheet: PlannedSheet): Generator<StyledRow> {
  const widths = sheet.columns.map((c) => c.width)
  const statusColumns = new Set(sheet.statusColumns ?? [])
  const totalRows = new Set(sheet.totalRows ?? [])
  for (const [i, cells] of sheet.rows.entries()) {
    const total = totalRows.has(i)
    yield {
      cells,
      styles: cells.map((cell, c) => {
        if (cell === null) return total ? totalStyle : null
        if (typeof cell === 'object' && 'date' in cell) return dateStyle
        if (statusColumns.has(c) && typeof cell === 'string')
          return statusStyles.get(cell) ?? plainStyle
        return total ? totalStyle : plainStyle
      }),
      height: computeRowHeight(cells.map(readPlannedText), widths),
    }
  }
}

/**
 * Writes planned sheets with ExcelJS's streaming writer: a bold title, a coloured header row frozen
 * with a filter, status colours, dates formatted dd/mm/yyyy, totals in bold. Rows are committed as
 * they are written, so memory stays bounded by the plan, not by the workbook.
 */
export async function writeConsolidated(
  sheets: PlannedSheet[],
  stream: Writable,
  print: { province: string; period: string } = { province: '', period: '' },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  })
  workbook.creator = 'CCHC Annex'
  for (const sheet of sheets) {
    const lastLetter = columnLetter(Math.max(sheet.columns.length, 1))
    // The streaming writer accepts autoFilter as an option; ExcelJS's types only list it on Worksheet.
    const options = {
      views: [{ state: 'frozen', ySplit: firstDataRow - 1, xSplit: 0 }],
      autoFilter: `A${firstDataRow - 1}:${lastLetter}${firstDataRow - 1 + sheet.rows.length}`,
      pageSetup: createPageSetup([firstDataRow - 1, firstDataRow - 1]),
      headerFooter: createHeaderFooter(print),
    } as Partial<ExcelJS.AddWorksheetOptions>
    const ws = workbook.addWorksheet(sheet.name, options)
    ws.columns = sheet.columns.map((c) => ({ width: c.width }))
    const title = ws.addRow([sheet.title])
    title.font = { name: printFont, bold: true, size: 13 }
    title.commit()
    const widths = sheet.columns.map((c) => c.width)
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.eachCell((cell) => {
      cell.style = headerStyle
    })
    header.height = computeRowHeight(
      sheet.columns.map((c) => c.header),
      widths,
    )
    header.commit()
    writeRows(workbook, ws, firstDataRow, styleRows(sheet))
    ws.commit()
  }
  await workbook.commit()
}

/** The bare cost of the same cells: the streaming writer with no styles, views or filters (for the bench). */
export async function writeBareSheets(sheets: PlannedSheet[], stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: true,
  })
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name)
    ws.addRow([sheet.title]).commit()
    ws.addRow(sheet.columns.map((c) => c.header)).commit()
    for (const planned of sheet.rows) ws.addRow(planned.map(convertPlannedCell)).commit()
    ws.commit()
  }
  await workbook.commit()
}

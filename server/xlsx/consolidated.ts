import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { columnLetter, statusCodes, statusLabels, taskStatuses } from '../../core/index.ts'
import {
  firstDataRow,
  headerRow,
  type PlannedCell,
  type PlannedSheet,
} from '../consolidation/types.ts'
import { statusFills } from './mark.ts'
import { writeRows, type StyledRow } from './rows.ts'
import {
  computeHeaderSize,
  computePrintScale,
  computeRowHeight,
  createHeaderFooter,
  createPageSetup,
  printFont,
  printFontSize,
} from './print.ts'

// Cells that look alike share one style object: ExcelJS's style registry recognises a seen object at once
// instead of serialising its style again for every cell. One set of looks per text size.
// Times New Roman as official documents; text wraps at the top of its cell so that it prints whole.
type Looks = {
  status: Map<string, Partial<ExcelJS.Style>>
  date: Partial<ExcelJS.Style>
  number: Partial<ExcelJS.Style>
  header: Partial<ExcelJS.Style>
  total: Partial<ExcelJS.Style>
  plain: Partial<ExcelJS.Style>
  /** A line of its own under a table: one cell whose text runs on over the empty cells beside it. */
  line: Partial<ExcelJS.Style>
}
const looks = new Map<number, Looks>()

function createLooks(size: number): Looks {
  const font: Partial<ExcelJS.Font> = { name: printFont, size }
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' }
  const status = new Map<string, Partial<ExcelJS.Style>>()
  for (const s of taskStatuses) {
    const fill: ExcelJS.Fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: statusFills[s] },
    }
    status.set(statusLabels[s].vi, { font, alignment: wrap, fill })
    // A code in a grid is centred in its narrow column.
    status.set(statusCodes[s].vi, {
      font,
      alignment: { vertical: 'top', horizontal: 'center' },
      fill,
    })
  }
  return {
    status,
    // Dates and figures centred, so that they never run into the text of the next column.
    date: { font, alignment: { ...wrap, horizontal: 'center' }, numFmt: 'dd/mm/yyyy' },
    number: { font, alignment: { ...wrap, horizontal: 'center' } },
    header: {
      font: { ...font, bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
      border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
      alignment: { wrapText: true, vertical: 'middle' },
    },
    total: { font: { ...font, bold: true }, alignment: wrap },
    plain: { font, alignment: wrap },
    line: { font, alignment: { vertical: 'top' } },
  }
}

function useLooks(size: number): Looks {
  let found = looks.get(size)
  if (!found) looks.set(size, (found = createLooks(size)))
  return found
}

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
function* styleRows(sheet: PlannedSheet, size: number): Generator<StyledRow> {
  // Hidden columns (ids, provenance) do not size the rows.
  const widths = sheet.columns.slice(0, sheet.print?.printColumns).map((c) => c.width)
  const statusColumns = new Set(sheet.statusColumns ?? [])
  const totalRows = new Set(sheet.totalRows ?? [])
  const { status, date, number, total: totalStyle, plain, line } = useLooks(size)
  const hiddenDate: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' }
  for (const [i, cells] of sheet.rows.entries()) {
    const total = totalRows.has(i)
    if (cells.length === 1 && widths.length > 1) {
      yield { cells, styles: [line], height: computeRowHeight([], [], size) }
      continue
    }
    yield {
      cells,
      styles: cells.map((cell, c) => {
        // Hidden columns' text does not wrap: LibreOffice would draw it down the page's edge.
        if (c >= widths.length)
          return cell !== null && typeof cell === 'object' && 'date' in cell ? hiddenDate : null
        if (cell === null) return total ? totalStyle : null
        if (typeof cell === 'object' && 'date' in cell) return date
        if (statusColumns.has(c) && typeof cell === 'string') return status.get(cell) ?? plain
        if (total) return totalStyle
        return typeof cell === 'number' || (typeof cell === 'object' && 'formula' in cell)
          ? number
          : plain
      }),
      height: computeRowHeight(cells.slice(0, widths.length).map(readPlannedText), widths, size),
    }
  }
}

/** A sheet's page setup (fitted or across pages, its title columns) and its page header's size. */
function planPage(
  sheet: PlannedSheet,
  size: number,
): { pageSetup: Partial<ExcelJS.PageSetup>; headerSize: number } {
  const printed = sheet.columns.slice(0, sheet.print?.printColumns ?? sheet.columns.length)
  const scale = computePrintScale(
    printed.map((c) => c.width),
    size,
  )
  const titles = sheet.print?.titleColumns
  const pageSetup = createPageSetup([headerRow, headerRow + (sheet.print?.fixedRows ?? 0)], {
    scale,
    ...(!scale.fit && titles ? { titleColumns: `A:${columnLetter(titles)}` } : {}),
  })
  return { pageSetup, headerSize: computeHeaderSize(scale) }
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
    const size = sheet.print?.fontSize ?? printFontSize
    const lastLetter = columnLetter(Math.max(sheet.columns.length, 1))
    const { pageSetup, headerSize } = planPage(sheet, size)
    // The streaming writer accepts autoFilter as an option; ExcelJS's types only list it on Worksheet.
    const options = {
      views: [
        {
          state: 'frozen',
          ySplit: headerRow + (sheet.print?.fixedRows ?? 0),
          xSplit: sheet.print?.titleColumns ?? 0,
        },
      ],
      autoFilter: `A${headerRow}:${lastLetter}${headerRow + sheet.rows.length}`,
      pageSetup,
      headerFooter: createHeaderFooter({
        ...print,
        size: headerSize,
        ...(sheet.print?.legend ? { legend: sheet.print.legend } : {}),
      }),
    } as Partial<ExcelJS.AddWorksheetOptions>
    const ws = workbook.addWorksheet(sheet.name, options)
    // Columns past those that print (ids, provenance) are kept hidden: ExcelJS writes a print area
    // LibreOffice does not read ("$A1:$S9").
    const shown = sheet.print?.printColumns ?? sheet.columns.length
    ws.columns = sheet.columns.map((c, i) => ({ width: c.width, hidden: i >= shown }))
    const title = ws.addRow([sheet.title])
    title.font = { name: printFont, bold: true, size: 13 }
    if (pageSetup.printTitlesColumn) {
      // Printed across pages, the title stays within the repeated columns: wrapped there, never cut.
      const span = sheet.print?.titleColumns ?? 1
      if (span > 1) ws.mergeCells(1, 1, 1, span)
      title.getCell(1).alignment = { wrapText: true, vertical: 'top' }
      // Bold capitals run about a third wider than the text the estimate is made for.
      const width = sheet.columns.slice(0, span).reduce((w, c) => w + c.width, 0)
      title.height = computeRowHeight([sheet.title], [width * 0.7], 13)
    }
    title.commit()
    const widths = sheet.columns.map((c) => c.width)
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    const headerStyle = useLooks(size).header
    header.eachCell((cell) => {
      cell.style = headerStyle
    })
    header.height = computeRowHeight(
      sheet.columns.map((c) => c.header),
      widths,
      size,
    )
    header.commit()
    writeRows(workbook, ws, firstDataRow, styleRows(sheet, size))
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

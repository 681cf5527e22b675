import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { columnLetter, statusLabels, taskStatuses } from '../../core/index.ts'
import { firstDataRow, type PlannedCell, type PlannedSheet } from '../consolidated.ts'
import { statusFills } from './mark.ts'

const statusByLabel = new Map<string, string>(taskStatuses.map((s) => [statusLabels[s].vi, statusFills[s]]))
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
const border: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } }
const fills = new Map<string, ExcelJS.Fill>()

function fillOf(argb: string): ExcelJS.Fill {
  let fill = fills.get(argb)
  if (!fill) fills.set(argb, (fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }))
  return fill
}

/** ExcelJS's value for a planned cell: text stays text (ExcelJS never turns a string into a formula). */
function convertPlannedCell(cell: PlannedCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell
  if ('date' in cell) return new Date(`${cell.date}T00:00:00Z`)
  return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue
}

/**
 * Writes planned sheets with ExcelJS's streaming writer: a bold title, a coloured header row frozen
 * with a filter, status colours, dates formatted dd/mm/yyyy, totals in bold. Rows are committed as
 * they are written, so memory stays bounded by the plan, not by the workbook.
 */
export async function writeConsolidated(sheets: PlannedSheet[], stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true })
  workbook.creator = 'CCHC Annex'
  for (const sheet of sheets) {
    const lastLetter = columnLetter(Math.max(sheet.columns.length, 1))
    // The streaming writer accepts autoFilter as an option; ExcelJS's types only list it on Worksheet.
    const options = {
      views: [{ state: 'frozen', ySplit: firstDataRow - 1, xSplit: 0 }],
      autoFilter: `A${firstDataRow - 1}:${lastLetter}${firstDataRow - 1 + sheet.rows.length}`,
    } as Partial<ExcelJS.AddWorksheetOptions>
    const ws = workbook.addWorksheet(sheet.name, options)
    ws.columns = sheet.columns.map((c) => ({ width: c.width }))
    const title = ws.addRow([sheet.title])
    title.font = { bold: true, size: 13 }
    title.commit()
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.eachCell((cell) => {
      cell.font = { bold: true }
      cell.fill = headerFill
      cell.border = border
      cell.alignment = { wrapText: true, vertical: 'middle' }
    })
    header.commit()
    const statusColumns = new Set(sheet.statusColumns ?? [])
    const totalRows = new Set(sheet.totalRows ?? [])
    sheet.rows.forEach((planned, i) => {
      const row = ws.addRow(planned.map(convertPlannedCell))
      planned.forEach((cell, c) => {
        if (cell === null) return
        if (typeof cell === 'object' && 'date' in cell) row.getCell(c + 1).numFmt = 'dd/mm/yyyy'
        else if (statusColumns.has(c) && typeof cell === 'string') {
          const argb = statusByLabel.get(cell)
          if (argb) row.getCell(c + 1).fill = fillOf(argb)
        }
      })
      if (totalRows.has(i)) row.font = { bold: true }
      row.commit()
    })
    ws.commit()
  }
  await workbook.commit()
}

/** The bare cost of the same cells: the streaming writer with no styles, views or filters (for the bench). */
export async function writeBareSheets(sheets: PlannedSheet[], stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: true })
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name)
    ws.addRow([sheet.title]).commit()
    ws.addRow(sheet.columns.map((c) => c.header)).commit()
    for (const planned of sheet.rows) ws.addRow(planned.map(convertPlannedCell)).commit()
    ws.commit()
  }
  await workbook.commit()
}

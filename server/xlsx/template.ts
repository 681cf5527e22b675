import ExcelJS from 'exceljs'
import {
  fieldSpecs,
  formatColumnChoices,
  progressChoices,
  type FieldKey,
} from '../../core/index.ts'
import type { PlanDefinition } from '../province/config.ts'
import { applyPrintSetup } from './print.ts'
import { metaSheetName } from './read.ts'

const defaultProgress: FieldKey[] = ['progress', 'doneDate', 'achieved', 'evidence']
// Widths that fit A4 landscape at a readable scale once the page is fitted to its width.
const widths: Partial<Record<FieldKey, number>> = {
  stt: 6,
  criterion: 30,
  content: 44,
  expected: 24,
  product: 22,
  lead: 16,
  executing: 16,
  coop: 18,
  deadline: 14,
  start: 10,
  end: 10,
  note: 12,
  progress: 14,
  doneDate: 11,
  achieved: 14,
  evidence: 20,
  selfScore: 8,
}
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
}

/**
 * Builds the fill-in workbook an agency receives from a plan: title rows, the plan's columns
 * (locked) and the progress columns (unlocked, with a dropdown and a date format), and hidden
 * metadata (plan id, year, template version) that the checker reads back.
 */
export function buildTemplate(plan: PlanDefinition): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CCHC Annex'
  const ws = workbook.addWorksheet('Phụ lục', {
    views: [{ state: 'frozen', ySplit: plan.title.length + 2 }],
  })
  const columns = [...plan.columns, ...(plan.progressColumns ?? defaultProgress)]
  ws.columns = columns.map((f) => ({ width: widths[f] ?? 16 }))
  plan.title.forEach((line, i) => {
    const row = ws.getRow(i + 1)
    row.getCell(1).value = line
    row.getCell(1).font = { bold: i < 2, italic: line.startsWith('('), size: i === 0 ? 13 : 12 }
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true }
    ws.mergeCells(i + 1, 1, i + 1, columns.length)
  })
  const headerRow = ws.getRow(plan.title.length + 2)
  columns.forEach((f, i) => {
    const cell = headerRow.getCell(i + 1)
    cell.value = plan.headers?.[f] ?? fieldSpecs[f].label
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = thin
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: fieldSpecs[f].role === 'plan' ? 'FFD9E1F2' : 'FFE2EFDA' },
    }
  })
  const first = headerRow.number + 1
  plan.rows.forEach((planRow, i) => {
    const row = ws.getRow(first + i)
    const title = !planRow.deadline && !planRow.lead && !planRow.executing && !planRow.end
    columns.forEach((f, c) => {
      const cell = row.getCell(c + 1)
      const text = planRow[f]
      // Plan text is always written as text, never as a formula.
      if (text !== undefined && text !== '') cell.value = text
      cell.border = thin
      cell.alignment = { vertical: 'top', wrapText: true }
      if (title) cell.font = { bold: true }
      if (fieldSpecs[f].role !== 'plan' && !title) {
        cell.protection = { locked: false }
        if (f === 'progress') {
          cell.dataValidation = {
            type: 'list',
            allowBlank: true,
            showErrorMessage: false,
            formulae: [`"${progressChoices.join(',')}"`],
          }
        }
        if (f === 'doneDate') cell.numFmt = 'dd/mm/yyyy'
      }
    })
  })
  // Room for the computed columns the checker adds after the table.
  for (let c = columns.length + 1; c <= columns.length + 3; c++)
    ws.getColumn(c).protection = { locked: false }
  void ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  })
  applyPrintSetup(ws, {
    province: plan.province,
    period: `Năm ${plan.year}`,
    headerRows: [headerRow.number, headerRow.number],
  })
  const meta = workbook.addWorksheet(metaSheetName, { state: 'veryHidden' })
  meta.addRow(['planId', plan.id])
  meta.addRow(['year', plan.year])
  meta.addRow(['templateVersion', plan.templateVersion])
  meta.addRow(['province', plan.province])
  if (plan.issued) meta.addRow(['issued', plan.issued])
  // Headers the plan words its own way are remembered, so every checker reads them as the plan says.
  if (plan.headers && Object.keys(plan.headers).length)
    meta.addRow(['columns', formatColumnChoices(plan.headers)])
  return workbook
}

import ExcelJS from 'exceljs'
import { columnLetter, computeExcelSerial } from '../../core/index.ts'
import { createFakeWorkbook, type FakeWorkbook } from './fake-excel.ts'

export type FakeSheetSpec = Parameters<typeof createFakeWorkbook>[0][number]

/**
 * Turns a real .xlsx into the fake host's workbook, each cell as Office.js would show it: dates as
 * serials (in the workbook's date system) with their format, formulas with their cached results.
 */
export async function createFakeWorkbookFromXlsx(bytes: Uint8Array): Promise<FakeWorkbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const model = createFakeWorkbook(readSheets(workbook))
  model.date1904 = isDate1904(workbook)
  return model
}

function isDate1904(workbook: ExcelJS.Workbook): boolean {
  return (workbook.properties as { date1904?: boolean }).date1904 === true
}

/** The sheets of a real .xlsx as plain data (rows, formats, merges), ready to send to a browser. */
export async function readFakeSheets(bytes: Uint8Array): Promise<FakeSheetSpec[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return readSheets(workbook)
}

function readSheets(workbook: ExcelJS.Workbook): FakeSheetSpec[] {
  const date1904 = isDate1904(workbook)
  return workbook.worksheets.map((ws): FakeSheetSpec => {
    const rows: unknown[][] = []
    const formats: Record<string, string> = {}
    const formulas: Record<string, string> = {}
    const unlocked: string[] = []
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: unknown[] = []
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return
        let v: unknown = cell.value
        if (v && typeof v === 'object' && 'richText' in v)
          v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
        if (v && typeof v === 'object' && 'formula' in v) {
          formulas[cell.address] = `=${(v as { formula: string }).formula}`
          v = (v as { result?: unknown }).result ?? ''
        }
        if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result
        if (v instanceof Date) {
          v = computeExcelSerial(v.toISOString().slice(0, 10), date1904)
          formats[cell.address] = cell.numFmt || 'dd/mm/yyyy'
        } else if (cell.numFmt) formats[cell.address] = cell.numFmt
        out[c - 1] = v
      })
      rows[r - 1] = out
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false) unlocked.push(cell.address)
      })
    })
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice()
    const visibility =
      ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible'
    // ExcelJS reads <sheetProtection formatCells="0"> as formatCells: true (allowed) and
    // objects="1" as objects: false. In the file (ECMA-376 §18.3.1.85) formatting, inserting,
    // deleting, sorting… are locked unless their attribute is "0", and objects and scenarios are
    // locked only when their attribute is "1".
    const p = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection
    const protection = p?.sheet
      ? {
          protected: true,
          allowAutoFilter: p.autoFilter === true,
          allowDeleteColumns: p.deleteColumns === true,
          allowDeleteRows: p.deleteRows === true,
          allowEditObjects: p.objects !== false,
          allowEditScenarios: p.scenarios !== false,
          allowFormatCells: p.formatCells === true,
          allowFormatColumns: p.formatColumns === true,
          allowFormatRows: p.formatRows === true,
          allowInsertColumns: p.insertColumns === true,
          allowInsertHyperlinks: p.insertHyperlinks === true,
          allowInsertRows: p.insertRows === true,
          allowPivotTables: p.pivotTables === true,
          allowSort: p.sort === true,
        }
      : undefined
    return {
      name: ws.name,
      rows: Array.from(rows, (r) => r ?? []),
      formats,
      formulas,
      merges,
      visibility,
      unlocked,
      ...(protection ? { protection } : {}),
    }
  })
}

/**
 * `cchc template` unlocks the three columns after the table for the computed columns with a column
 * style, which ExcelJS does not read back; this gives a read template those unlocked columns.
 */
export function unlockComputedColumns(sheet: FakeSheetSpec): FakeSheetSpec {
  const width = Math.max(...sheet.rows.map((r) => r.length))
  const columns = [1, 2, 3].map((i) => columnLetter(width + i))
  return { ...sheet, unlockedColumns: { columns, lastRow: sheet.rows.length + 5 } }
}

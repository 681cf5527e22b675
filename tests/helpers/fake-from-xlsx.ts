import ExcelJS from 'exceljs'
import { columnLetter, computeExcelSerial } from '../../core/index.ts'
import { createFakeWorkbook, type FakeWorkbook } from './fake-excel.ts'

export type FakeSheetSpec = Parameters<typeof createFakeWorkbook>[0][number]

/** Turns a real .xlsx into the fake host's workbook, each cell as Office.js would show it (dates as serials with their format). */
export async function createFakeWorkbookFromXlsx(bytes: Uint8Array): Promise<FakeWorkbook> {
  return createFakeWorkbook(await readFakeSheets(bytes))
}

/** The sheets of a real .xlsx as plain data (rows, formats, merges), ready to send to a browser. */
export async function readFakeSheets(bytes: Uint8Array): Promise<FakeSheetSpec[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets.map((ws): FakeSheetSpec => {
    const rows: unknown[][] = []
    const formats: Record<string, string> = {}
    const unlocked: string[] = []
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: unknown[] = []
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return
        let v: unknown = cell.value
        if (v && typeof v === 'object' && 'richText' in v)
          v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
        if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result
        if (v instanceof Date) {
          v = computeExcelSerial(v.toISOString().slice(0, 10))
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
    // "Edit objects" is off unless the file says otherwise, as in Excel's Protect Sheet dialog.
    const p = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection
    const protection = p?.sheet
      ? {
          protected: true,
          allowFormatCells: p.formatCells === true,
          allowEditObjects: p.objects === false,
        }
      : undefined
    return {
      name: ws.name,
      rows: Array.from(rows, (r) => r ?? []),
      formats,
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

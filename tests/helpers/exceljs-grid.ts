import ExcelJS from 'exceljs'
import type { CellValue, Grid, MergeArea } from '../../core/index.ts'
import { convertCellValue } from '../../server/xlsx/read.ts'

/**
 * The reference reader for the fast reader's tests: every sheet of a workbook read by ExcelJS into
 * core's grid (values, real dates, merged areas; a cell hidden under a merge keeps no value), as the
 * product read workbooks before it had its own reader.
 */
export async function readGridsWithExcelJS(
  bytes: Uint8Array,
): Promise<{ name: string; state: string; grid: Grid }[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets.map((ws) => ({ name: ws.name, state: ws.state, grid: readGrid(ws) }))
}

function readGrid(worksheet: ExcelJS.Worksheet): Grid {
  const cells: CellValue[][] = []
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master !== cell) return
      const v = convertCellValue(cell.value)
      if (v === null) return
      while (out.length < col - 1) out.push(null)
      out[col - 1] = v
    })
    while (cells.length < rowNumber - 1) cells.push([])
    cells[rowNumber - 1] = out
  })
  const merges: MergeArea[] = []
  for (const range of (worksheet.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)
    if (!m) continue
    const a = worksheet.getCell(`${m[1]}${m[2]}`)
    const b = worksheet.getCell(`${m[3]}${m[4]}`)
    merges.push({
      top: Number(a.row),
      left: Number(a.col),
      bottom: Number(b.row),
      right: Number(b.col),
    })
  }
  return { sheet: worksheet.name, top: 1, left: 1, cells, merges }
}

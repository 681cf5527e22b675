import type ExcelJS from 'exceljs'

/** Official documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP). */
export const printFont = 'Times New Roman'
export const printFontSize = 11

/** What the page header and footer say, and which rows repeat on every page. */
export type PrintContext = {
  province: string
  /** The period or report date ("Quý III/2026", "Số liệu đến 14/09/2026"). */
  period: string
  /** First and last sheet row repeated at the top of every page (the table header). */
  headerRows: [number, number]
  /**
   * Set Times New Roman and row heights on the cells too (workbooks we write). The marked copy keeps
   * the agency's own cells as they are, so that `cchc clear` restores exactly what was sent.
   */
  restyle?: boolean
}

/** Text inside an Excel header/footer, where "&" starts a code. */
function escapeCode(text: string): string {
  return text.replace(/&/g, '&&')
}

/** A4 landscape, fit to one page wide (as many tall as needed), the header rows repeated, narrow margins. */
export function createPageSetup(headerRows: [number, number]): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRows[0]}:${headerRows[1]}`,
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
}

/** The province and the sheet at left, the period at right, "Trang X/Y" centred at the foot. */
export function createHeaderFooter(
  context: Omit<PrintContext, 'headerRows'>,
): Partial<ExcelJS.HeaderFooter> {
  const font = `&"${printFont},Regular"&9`
  const province = context.province ? `Tỉnh ${escapeCode(context.province)} — ` : ''
  const header = `&L${font}${province}&A&R${font}${escapeCode(context.period)}`
  return { oddHeader: header, oddFooter: `&C${font}Trang &P/&N` }
}

/**
 * The height (points) a row needs so that its wrapped text shows whole: lines per cell from the
 * text length over the column width (Vietnamese text in Times New Roman runs about 1.2 characters
 * per width unit), the tallest cell winning.
 */
export function computeRowHeight(texts: (string | null | undefined)[], widths: number[]): number {
  let lines = 1
  // A loop over line breaks, not split(): the consolidated workbook sizes half a million cells.
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]
    if (!text) continue
    const perLine = Math.max(4, Math.floor((widths[i] ?? 10) * 1.2))
    let count = 0
    for (let start = 0; ;) {
      const end = text.indexOf('\n', start)
      count += Math.max(1, Math.ceil(((end < 0 ? text.length : end) - start) / perLine))
      if (end < 0) break
      start = end + 1
    }
    if (count > lines) lines = count
  }
  return Math.min(409, Math.ceil(lines * printFontSize * 1.32 + 4))
}

/**
 * Prepares a worksheet for printing and filing in one call: A4 landscape fit to width, header rows
 * repeated, header and footer, Times New Roman on every cell (keeping bold, size and colour), and
 * row heights that keep wrapped text readable.
 */
export function applyPrintSetup(ws: ExcelJS.Worksheet, context: PrintContext): void {
  // A worksheet read from a file may have no page setup or header/footer objects at all.
  // ExcelJS reads every loaded sheet as starting at page 1; without it pages number on across sheets.
  const setup: Partial<ExcelJS.PageSetup> = { ...ws.pageSetup }
  delete setup.firstPageNumber
  ws.pageSetup = { ...setup, ...createPageSetup(context.headerRows) }
  ws.headerFooter = { ...ws.headerFooter, ...createHeaderFooter(context) }
  if (context.restyle === false) return
  const widths: number[] = []
  ws.columns.forEach((column, i) => (widths[i] = column.width ?? 9))
  ws.eachRow({ includeEmpty: false }, (row) => {
    const texts: string[] = []
    let merged = false
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cell.font = { ...cell.font, name: printFont }
      if (cell.isMerged) merged = true
      if (!cell.isMerged && cell.alignment?.wrapText) texts[col - 1] = cell.text
    })
    // Merged title rows keep their height; data rows grow with their wrapped text.
    if (!merged && texts.length)
      row.height = Math.max(row.height ?? 0, computeRowHeight(texts, widths))
  })
}

/** The marked copy's annex sheet and its "Kiểm tra" sheet, ready to print (one call from the marker). */
export function applyMarkedCopyPrint(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  report: { asOf: string; header: { row: number; dataStart: number } | null },
  checkSheetName = 'Kiểm tra',
): void {
  const [y, m, d] = report.asOf.split('-')
  const period = `Số liệu đến ${d}/${m}/${y}`
  const province = readProvince(workbook)
  const sheet = workbook.getWorksheet(sheetName)
  if (sheet && report.header)
    applyPrintSetup(sheet, {
      province,
      period,
      headerRows: [report.header.row, Math.max(report.header.row, report.header.dataStart - 1)],
      restyle: false,
    })
  const check = workbook.getWorksheet(checkSheetName)
  const frozen = (check?.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1
  if (check) applyPrintSetup(check, { province, period, headerRows: [frozen, frozen] })
}

/** The province a template recorded in its hidden metadata, else none. */
function readProvince(workbook: ExcelJS.Workbook): string {
  let province = ''
  workbook.worksheets.forEach((ws) => {
    if (ws.state !== 'veryHidden') return
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'province') province = String(row.getCell(2).value ?? '')
    })
  })
  return province
}

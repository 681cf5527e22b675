import type ExcelJS from 'exceljs'

/** Official documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP). */
export const printFont = 'Times New Roman'
export const printFontSize = 11
/** The smallest text a printed page may set (points): below it a table is no longer read. */
export const minPrintSize = 8

const margins = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.5, header: 0.25, footer: 0.25 }
/** What the cells of an A4 landscape page with these margins print in (points). */
export const printableWidth = 842 - (margins.left + margins.right) * 72

/**
 * A column's printed width in points, the wider of Excel's conversion (7 pixels a character and 5 of
 * padding) and LibreOffice's (7 points a character, without the Calibri the workbook names), so
 * that a sheet fitted by either prints its text at the size planned or larger.
 */
export function computeColumnPoints(width: number): number {
  return Math.max(width * 7, Math.trunc(width * 7 + 5) * 0.75)
}

/**
 * How a sheet prints: fitted to one page wide (about `scale` percent), or at a set scale across pages
 * (title columns repeated).
 */
export type PrintScale = { fit: boolean; scale: number }

/**
 * Fits a sheet to one page wide when its text stays at 8 pt or more (with a margin for how each
 * application measures widths), else prints it at full size across pages, its first columns repeated.
 */
export function computePrintScale(widths: number[], fontSize = printFontSize): PrintScale {
  const natural = widths.reduce((sum, w) => sum + computeColumnPoints(w), 0)
  const fitted = Math.min(1, printableWidth / natural)
  return fitted * fontSize >= minPrintSize * 1.05
    ? { fit: true, scale: Math.floor(fitted * 100) }
    : { fit: false, scale: Math.min(100, Math.ceil((105 * minPrintSize) / fontSize)) }
}

/** The page header's text size (points) that prints at 8 pt or more once the page is scaled. */
export function computeHeaderSize(scale: PrintScale): number {
  return Math.max(9, Math.ceil((105 * minPrintSize) / scale.scale))
}

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

/** What a sheet's page setup says beyond its header rows: its scale and title columns. */
export type PageOptions = {
  scale?: PrintScale
  /** Columns repeated at the left of every page ("A:B"). */
  titleColumns?: string
}

/**
 * A4 landscape, the header rows repeated, narrow margins; fit to one page wide (as many tall as
 * needed) unless the scale says to print across pages.
 */
export function createPageSetup(
  headerRows: [number, number],
  options: PageOptions = {},
): Partial<ExcelJS.PageSetup> {
  const scale = options.scale ?? { fit: true, scale: 100 }
  return {
    paperSize: 9,
    orientation: 'landscape',
    ...(scale.fit
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true }
      : { fitToPage: false, scale: scale.scale, pageOrder: 'overThenDown' }),
    printTitlesRow: `${headerRows[0]}:${headerRows[1]}`,
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
    margins,
  }
}

/**
 * The province and the sheet at left, the period at right, "Trang X/Y" centred at the foot; a
 * legend (the codes of a grid) at the foot's left when given.
 */
export function createHeaderFooter(
  context: Omit<PrintContext, 'headerRows'> & { legend?: string; size?: number },
): Partial<ExcelJS.HeaderFooter> {
  const font = `&"${printFont},Regular"&${context.size ?? 9}`
  const province = context.province ? `Tỉnh ${escapeCode(context.province)} — ` : ''
  const header = `&L${font}${province}&A&R${font}${escapeCode(context.period)}`
  // A legend takes the foot's left and middle; the page number moves to the right.
  const footer = context.legend
    ? `&L${font}${escapeCode(context.legend)}&R${font}Trang &P/&N`
    : `&C${font}Trang &P/&N`
  return { oddHeader: header, oddFooter: footer }
}

/**
 * The lines a paragraph takes when wrapped at word boundaries, `perLine` characters to a line: a word
 * that does not fit goes to the next line, a word longer than a line is broken.
 */
function countWrappedLines(text: string, start: number, end: number, perLine: number): number {
  if (end - start <= perLine) return 1
  let lines = 1
  let used = 0
  for (let i = start; i < end;) {
    let next = text.indexOf(' ', i)
    if (next < 0 || next > end) next = end
    const word = next - i
    if (used > 0 && used + 1 + word > perLine) {
      lines++
      used = 0
    }
    if (word > perLine) {
      lines += Math.ceil(word / perLine) - 1
      used = word % perLine
    } else used += (used > 0 ? 1 : 0) + word
    i = next + 1
  }
  return lines
}

/**
 * The height (points) a row needs so that its wrapped text shows whole: lines per cell wrapped at
 * words over the column width (Vietnamese text in 11 pt Times New Roman runs about 1.2 characters
 * per width unit), the tallest cell winning.
 */
export function computeRowHeight(
  texts: (string | null | undefined)[],
  widths: number[],
  fontSize = printFontSize,
): number {
  // Smaller text fits more characters on a line of the same width.
  const perUnit = (1.2 * printFontSize) / fontSize
  let lines = 1
  // A loop over line breaks, not split(): the consolidated workbook sizes half a million cells.
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]
    if (!text) continue
    const perLine = Math.max(4, Math.floor((widths[i] ?? 10) * perUnit))
    let count = 0
    for (let start = 0; ;) {
      const end = text.indexOf('\n', start)
      count += countWrappedLines(text, start, end < 0 ? text.length : end, perLine)
      if (end < 0) break
      start = end + 1
    }
    if (count > lines) lines = count
  }
  // Times New Roman sets a line in about 1.15 times its size in Excel and LibreOffice: 1.25 and a
  // fifth of the size as padding keep a margin. Quarter points, as Excel keeps row heights.
  return Math.min(409, Math.ceil((lines * fontSize * 1.25 + fontSize * 0.2) * 4) / 4)
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
  const widths: number[] = []
  ws.columns.forEach((column, i) => (widths[i] = column.hidden ? 0 : (column.width ?? 9)))
  // The page header shrinks with the page: sized so that it still prints at 8 pt or more.
  const size = computeHeaderSize(computePrintScale(widths.filter(Boolean)))
  ws.headerFooter = { ...ws.headerFooter, ...createHeaderFooter({ ...context, size }) }
  if (context.restyle === false) return
  ws.eachRow({ includeEmpty: false }, (row) => {
    const texts: string[] = []
    let merged = false
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cell.font = { ...cell.font, name: printFont }
      if (cell.isMerged) merged = true
      if (!cell.isMerged && cell.alignment?.wrapText && widths[col - 1]) texts[col - 1] = cell.text
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

import ExcelJS from 'exceljs'
import type { PdfPage } from './pdf.ts'

// What the printing tests read back from a workbook and its PDF: each sheet's printed headers, and
// which pages belong to which sheet.

/** pdftotext may split a Vietnamese word at a combining mark ("c ơ quan"): compare without spaces. */
export const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '')

/**
 * The words of a header missing from a page's text. A header wrapped over several lines is read by
 * pdftotext interleaved with its neighbours' lines, so each word is looked for on its own.
 */
export function readMissingWords(pageText: string, header: string): string[] {
  const text = squash(pageText)
  return header.split(/\s+/).filter((w) => w && !text.includes(squash(w)))
}

export type PrintedSheet = {
  name: string
  first: string
  last: string
  texts: string[]
  /** Printed across pages (title columns repeated) rather than fitted to one page wide. */
  across: boolean
}

/** Each visible sheet's name with the headers of its table as they print (hidden columns left out). */
export async function readHeaders(
  path: string,
  headerRow: (sheet: string) => number,
): Promise<PrintedSheet[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const row = ws.getRow(headerRow(ws.name))
      const texts: string[] = []
      row.eachCell((cell, col) => {
        if (!ws.getColumn(col).hidden) texts.push(cell.text)
      })
      return {
        name: ws.name,
        first: texts[0]!,
        last: texts.at(-1)!,
        texts,
        across: Boolean(ws.pageSetup.printTitlesColumn),
      }
    })
}

/** The sheet a page prints, named in its page header ("Tỉnh Đắk Lắk — Tổng hợp"). */
export function findPageSheet<T extends { name: string }>(
  page: PdfPage,
  sheets: T[],
): T | undefined {
  // The longest name first: "Điểm" must not claim the pages of a sheet whose name contains it.
  return [...sheets]
    .sort((a, b) => b.name.length - a.name.length)
    .find((s) => squash(page.text).includes(squash(`— ${s.name}`)))
}

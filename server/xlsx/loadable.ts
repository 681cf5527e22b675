import { crc32 } from 'node:zlib'
import { AppError } from '../errors/index.ts'
import { prepareSheet, sheetLimits } from './extent.ts'
import type { CheckedPackage } from './guard.ts'
import { XmlCursor } from './xml.ts'
import { readStoredBody, writeZip, type ZipPart } from './zip.ts'

function readDate1904(pkg: CheckedPackage): boolean {
  const book = pkg.parts.get('xl/workbook.xml')
  if (!book) return false
  const cursor = new XmlCursor(book.toString('utf8'))
  if (!cursor.seek('workbookPr')) return false
  const flag = cursor.attribute('date1904')
  return flag === '1' || flag === 'true'
}

/**
 * The package as ExcelJS loads it, built from the checked package's parts: stored, not deflated,
 * so ExcelJS (JSZip) copies them and inflates nothing; worksheets readied by prepareSheet (merges
 * and drop-down lists clipped, ISO dates as serial days, what ExcelJS would hold counted and
 * refused past the limit); embedded objects left out (ExcelJS drops them). A part the package did
 * not keep (opened only to read) goes in as it was stored: the guard has checked it inflates to
 * what it declares.
 */
export function buildLoadableZip(pkg: CheckedPackage): Uint8Array {
  const date1904 = readDate1904(pkg)
  const embedded = new Set(pkg.embedded)
  const parts: ZipPart[] = []
  let cells = 0
  for (const entry of pkg.entries) {
    if (entry.name.endsWith('/') || embedded.has(entry.name)) continue
    let data = pkg.parts.get(entry.name)
    if (data === undefined) {
      const body = Buffer.from(readStoredBody(pkg.bytes, entry))
      const method = entry.method === 0 ? 0 : 8
      parts.push({ name: entry.name, body, method, crc: entry.crc, size: entry.size })
      continue
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const prepared = prepareSheet(data.toString('utf8'), date1904)
      cells += prepared.cells
      if (cells > sheetLimits.maxLoadCells)
        throw new AppError('workbook/too-large', `${cells} cells`)
      if (prepared.xml !== null) data = Buffer.from(prepared.xml)
    }
    parts.push({ name: entry.name, body: data, method: 0, crc: crc32(data), size: data.length })
  }
  return writeZip(parts)
}

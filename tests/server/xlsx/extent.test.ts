import { describe, expect, it } from 'vitest'
import { clipSheetMerges, computeSheetExtent } from '../../../server/xlsx/extent.ts'
import { WorkbookError } from '../../../server/xlsx/errors.ts'

const cells =
  '<sheetData><row r="1"><c r="A1"/><c r="J1"/></row><row r="20"><c r="B20"/></row></sheetData>'
const sheet = (merges: string[]) =>
  `<worksheet>${cells}<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`

describe('worksheet merges before ExcelJS', () => {
  it('finds the last row and column holding a cell', () => {
    expect(computeSheetExtent(cells)).toEqual({ rows: 20, columns: 10 })
  })

  it('keeps ordinary merges, such as a title over the table, untouched', () => {
    expect(clipSheetMerges(sheet(['A1:J1', 'A2:A5']))).toBeNull()
  })

  it('clips a merge reaching far past the data to the extent plus a margin, and drops one outside it', () => {
    const clipped = clipSheetMerges(sheet(['A3:XFD3', 'C2:C900000', 'ZZ5000:AAA6000']))!
    expect(clipped).toContain('<mergeCell ref="A3:AJ3"/>')
    expect(clipped).toContain('<mergeCell ref="C2:C120"/>')
    expect(clipped).not.toContain('ZZ5000')
  })

  it('refuses a merge covering the whole sheet, and more than 10,000 merges', () => {
    expect(() => clipSheetMerges(sheet(['A1:XFD1048576']))).toThrow(WorkbookError)
    const many = Array.from({ length: 10_001 }, (_, i) => `A${i + 1}:B${i + 1}`)
    expect(() => clipSheetMerges(sheet(many))).toThrow(/merges/)
  })
})

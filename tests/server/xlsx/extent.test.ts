import { describe, expect, it } from 'vitest'
import {
  clipDataValidations,
  clipSheetMerges,
  computeSheetExtent,
} from '../../../server/xlsx/extent.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { loadWorkbook } from '../../../server/xlsx/read.ts'
import { buildWholeColumnListWorkbook } from '../../helpers/hostile.ts'
import { AppError } from '../../../server/errors/index.ts'

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
    expect(() => clipSheetMerges(sheet(['A1:XFD1048576']))).toThrow(AppError)
    const many = Array.from({ length: 10_001 }, (_, i) => `A${i + 1}:B${i + 1}`)
    expect(() => clipSheetMerges(sheet(many))).toThrow(/merges/)
  })
})

describe('drop-down lists (data validation) before ExcelJS', () => {
  const lists = (refs: string[]) =>
    `<worksheet>${cells}<dataValidations count="${refs.length}">${refs.map((r) => `<dataValidation type="list" sqref="${r}"><formula1>"Có,Không"</formula1></dataValidation>`).join('')}</dataValidations></worksheet>`

  it('keeps lists over the table untouched and clips whole columns and the whole sheet to the data plus 1,000 rows', () => {
    expect(clipDataValidations(lists(['D2:D30', 'E2 F2:F40']))).toBeNull()
    const clipped = clipDataValidations(lists(['F1:F1048576', 'A1:XFD1048576 B3']))!
    expect(clipped).toContain('sqref="F1:F1020"')
    expect(clipped).toContain('sqref="A1:AJ1020 B3"')
  })

  it('lets a workbook with whole-column lists be marked: ExcelJS loads it in moments, the check reads the table', async () => {
    const bytes = await buildWholeColumnListWorkbook()
    const start = performance.now()
    const workbook = await loadWorkbook(bytes)
    expect(performance.now() - start).toBeLessThan(3000)
    // ExcelJS keeps its rules per cell in `dataValidations.model` (not in its published types).
    const sheet = workbook.worksheets[0] as unknown as {
      dataValidations: { model: Record<string, unknown> }
    }
    const rules = sheet.dataValidations.model
    // Every cell of the table and 1,000 rows below keeps its rule; nothing past that is materialised.
    expect(Object.keys(rules)).toEqual(expect.arrayContaining(['E2', 'E500', 'AD1002']))
    expect([rules['E1003'], rules['AE2']]).toEqual([undefined, undefined])
    expect(Object.keys(rules).length).toBe(1002 * 30)
    expect(checkWorkbook(bytes, { asOf: '2026-09-14' }).report.tasks.length).toBe(1)
  })
})

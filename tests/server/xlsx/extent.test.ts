import { describe, expect, it } from 'vitest'
import {
  checkSheetMerges,
  convertIsoToSerial,
  prepareSheet,
  scanSheet,
} from '../../../server/xlsx/extent.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { loadWorkbook } from '../../../server/xlsx/read.ts'
import { buildWholeColumnListWorkbook } from '../../helpers/hostile.ts'
import { AppError } from '../../../server/errors/index.ts'

const cells =
  '<sheetData><row r="1"><c r="A1"/><c r="J1"/></row><row r="20"><c r="B20"/></row></sheetData>'
const sheet = (merges: string[], prefix = '') =>
  `<${prefix}worksheet>${cells.replace(/<(\/?)(sheetData|row|c)\b/g, `<$1${prefix}$2`)}<${prefix}mergeCells count="${merges.length}">${merges.map((m) => `<${prefix}mergeCell ref="${m}"/>`).join('')}</${prefix}mergeCells></${prefix}worksheet>`

describe('worksheet merges before ExcelJS', () => {
  it('finds the last row and column holding a cell, and the positions ExcelJS holds', () => {
    expect(scanSheet(cells)).toMatchObject({ extent: { rows: 20, columns: 10 }, positions: 12 })
  })

  it('leaves a stray far cell out of the extent (past an empty band of 500 rows, or 50 columns)', () => {
    const stray =
      '<sheetData><row r="1"><c r="A1"/><c r="J1"/><c r="XFD1"/></row><row r="20"><c r="B20"/></row>' +
      '<row r="1048576"><c r="XFD1048576"/></row></sheetData>'
    expect(scanSheet(stray)).toMatchObject({
      extent: { rows: 20, columns: 10 },
      positions: 16_384 + 2 + 16_384,
    })
  })

  it('keeps ordinary merges, such as a title over the table, untouched', () => {
    expect(prepareSheet(sheet(['A1:J1', 'A2:A5'])).xml).toBeNull()
  })

  for (const prefix of ['', 'x:']) {
    it(`clips a merge reaching far past the data and drops one outside it (prefix "${prefix}")`, () => {
      const clipped = prepareSheet(sheet(['A3:XFD3', 'C2:C900000', 'ZZ5000:AAA6000'], prefix)).xml!
      expect(clipped).toContain(`<${prefix}mergeCell ref="A3:AJ3"/>`)
      expect(clipped).toContain(`<${prefix}mergeCell ref="C2:C120"/>`)
      expect(clipped).not.toContain('ZZ5000')
      expect(clipped).toContain(`</${prefix}mergeCells></${prefix}worksheet>`)
    })

    it(`refuses a merge covering the whole sheet, and more than 10,000 merges (prefix "${prefix}")`, () => {
      expect(() => checkSheetMerges(sheet(['A1:XFD1048576'], prefix))).toThrow(AppError)
      const many = Array.from({ length: 10_001 }, (_, i) => `A${i + 1}:B${i + 1}`)
      expect(() => checkSheetMerges(sheet(many, prefix))).toThrow(/merges/)
      expect(() => checkSheetMerges(sheet(many.slice(0, 10_000), prefix))).not.toThrow()
    })
  }

  it('refuses to hand ExcelJS rows padded far to the right (it walks every position)', () => {
    const rows = Array.from(
      { length: 600 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"/></row>`,
    )
    expect(() => prepareSheet(`<sheetData>${rows.join('')}</sheetData>`)).toThrow(
      expect.objectContaining({ code: 'workbook/too-large' }),
    )
  })
})

describe('ISO dates (Strict OOXML) before ExcelJS', () => {
  it('turns an ISO date cell into its serial day, which ExcelJS reads (it reads the year otherwise)', () => {
    const xml = '<c r="A1" s="1" t="d"><v>2026-09-14T00:00:00</v></c><c r="B1" t="d"><v>x</v></c>'
    expect(prepareSheet(xml).xml).toBe(
      '<c r="A1" s="1" t="n"><v>46279</v></c><c r="B1" t="d"><v>x</v></c>',
    )
    expect([
      convertIsoToSerial('1900-03-01', false),
      convertIsoToSerial('2026-09-14T12:00:00Z', false),
      convertIsoToSerial('1904-01-02', true),
    ]).toEqual([61, 46279.5, 1])
  })
})

describe('drop-down lists (data validation) before ExcelJS', () => {
  const lists = (refs: string[]) =>
    `<worksheet>${cells}<dataValidations count="${refs.length}">${refs.map((r) => `<dataValidation type="list" sqref="${r}"><formula1>"Có,Không"</formula1></dataValidation>`).join('')}</dataValidations></worksheet>`

  it('keeps lists over the table untouched and clips whole columns and the whole sheet to the data plus 1,000 rows', () => {
    expect(prepareSheet(lists(['D2:D30', 'E2 F2:F40'])).xml).toBeNull()
    const clipped = prepareSheet(lists(['F1:F1048576', 'A1:XFD1048576 B3'])).xml!
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

import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { PlannedCell } from '../../../server/consolidation/types.ts'
import { escapeXml, writeRows, type StyledRow } from '../../../server/xlsx/rows.ts'
import { inflateEntry, readZipEntries } from '../../../server/xlsx/zip.ts'
import { readPlanAppendixRows } from '../../../scripts/seeds.ts'

const font: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 11 }
const plain: Partial<ExcelJS.Style> = { font, alignment: { wrapText: true, vertical: 'top' } }
const date: Partial<ExcelJS.Style> = { font, numFmt: 'dd/mm/yyyy' }
const bold: Partial<ExcelJS.Style> = { font: { ...font, bold: true } }
const fill: Partial<ExcelJS.Style> = {
  font,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } },
}

// Real task texts of the plan's appendix (seed 000), and every kind of cell the planned sheets hold.
const texts = readPlanAppendixRows()
  .flat()
  .map((t) => t.replace(/\s*\|$/, '').trim())
  .filter((t) => t.length > 20)
  .slice(0, 6)
const rows: StyledRow[] = [
  {
    cells: [texts[0]!, 1, { date: '2026-09-30' }, null, 'Quá hạn', texts[1]!],
    styles: [plain, plain, date, null, fill, plain],
    height: 48,
  },
  {
    cells: [texts[2]!, 2.5, { date: '2026-02-29' }, 'Đúng "hạn" & <muộn>\u0001', null, texts[0]!],
    styles: [plain, plain, date, plain, bold, plain],
    height: 15.5,
  },
  {
    cells: [
      null,
      'Tổng cộng',
      { formula: 'COUNTIF(D3:D4,"Có")', result: 2 },
      { formula: 'IF(H5>0,ROUND((I5+J5)/H5*100,1),"")', result: '' },
      { formula: 'SUM(E3:E4)', result: -0.25 },
      { formula: 'A1&"\'"', result: "l'an & <b>" },
    ],
    styles: [bold, bold, bold, bold, bold, bold],
    height: 20,
  },
  { cells: [], styles: [], height: 15 },
]

/** A workbook with a title and a header committed by ExcelJS, then data rows written by `write`. */
async function buildWorkbook(
  write: (wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet) => void,
) {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  })
  const ws = wb.addWorksheet('Chi tiết')
  ws.columns = [30, 8, 12, 18, 16, 60].map((width) => ({ width }))
  ws.addRow(['CHI TIẾT NHIỆM VỤ']).commit()
  const header = ws.addRow(['Nội dung', 'STT', 'Hạn', 'Ghi chú', 'Trạng thái', 'Nội dung'])
  header.eachCell((cell) => (cell.style = bold))
  header.commit()
  write(wb, ws)
  ws.commit()
  await wb.commit()
  const bytes = new Uint8Array(Buffer.concat(chunks))
  return new Map(
    readZipEntries(bytes, 100)
      .filter((e) => e.name !== 'docProps/core.xml') // its creation time
      .map((e) => [e.name, inflateEntry(bytes, e, 1e7).toString('utf8')]),
  )
}

/** ExcelJS's own path: a row of cells, each given its style (a shared empty one when it has none). */
function writeWithExcelJS(ws: ExcelJS.Worksheet, rows: StyledRow[]) {
  const none: Partial<ExcelJS.Style> = {}
  for (const row of rows) {
    const values = row.cells.map((c: PlannedCell): ExcelJS.CellValue => {
      if (c === null || typeof c !== 'object') return c
      if ('date' in c) return new Date(`${c.date}T00:00:00Z`)
      return { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue
    })
    const r = ws.addRow(values)
    r.height = row.height
    row.styles.forEach((style, c) => (r.getCell(c + 1).style = style ?? none))
    r.commit()
  }
}

describe('writeRows', () => {
  it('writes the very workbook ExcelJS writes cell by cell: values, shared strings, styles, heights', async () => {
    const expected = await buildWorkbook((_, ws) => writeWithExcelJS(ws, rows))
    const actual = await buildWorkbook((wb, ws) => writeRows(wb, ws, 3, rows))
    expect([...actual.keys()]).toEqual([...expected.keys()])
    for (const [name, xml] of expected) expect(actual.get(name), name).toBe(xml)
    const sheet = actual.get('xl/worksheets/sheet1.xml')!
    // The fill, the date format and the escaped formula are really there, not merely equal.
    expect(sheet).toContain('<row r="5" ht="20" customHeight="1" spans="1:6"')
    expect(sheet).toContain('<f>COUNTIF(D3:D4,&quot;Có&quot;)</f><v>2</v>')
    expect(actual.get('xl/styles.xml')).toContain('FFF8CBAD')
    expect(actual.get('xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"')
    expect(actual.get('xl/sharedStrings.xml')).toContain(escapeXml(texts[2]!))
  })

  it('writes a long sheet in pieces that make the same sheet as ExcelJS row by row', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => rows[i % 3]!)
    const expected = await buildWorkbook((_, ws) => writeWithExcelJS(ws, many))
    const actual = await buildWorkbook((wb, ws) => writeRows(wb, ws, 3, many))
    const sheet = actual.get('xl/worksheets/sheet1.xml')!
    expect(sheet.length).toBeGreaterThan(4 * 65_536)
    expect(sheet).toBe(expected.get('xl/worksheets/sheet1.xml'))
    expect(sheet).toContain('<row r="1502" ht="20" customHeight="1"')
  })

  it('refuses to write before the header rows are committed (the sheet data is not open yet)', () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() })
    const ws = wb.addWorksheet('Tổng hợp')
    expect(() => writeRows(wb, ws, 1, rows)).toThrow(/header rows/)
  })
})

describe('escapeXml', () => {
  it('escapes the five XML entities and drops control characters, keeping Vietnamese', () => {
    expect(escapeXml('"Có" & <Chưa nộp> l\'an\u0001\u007f\tdòng\nmới')).toBe(
      '&quot;Có&quot; &amp; &lt;Chưa nộp&gt; l&apos;an\tdòng\nmới',
    )
  })
})

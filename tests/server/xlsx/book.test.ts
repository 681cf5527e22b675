import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { isDateCell, type Grid } from '../../../core/index.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { readWorkbookView } from '../../../server/xlsx/book.ts'
import { openPackage } from '../../../server/xlsx/guard.ts'
import { markWorkbook } from '../../../server/xlsx/mark.ts'
import { buildZip } from '../../../server/xlsx/zip.ts'
import { checkAndLoad } from '../../helpers/check-and-load.ts'
import { readGridsWithExcelJS } from '../../helpers/exceljs-grid.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'
import { convertWithSoffice } from '../../helpers/readers.ts'
import { runOpenpyxl } from '../../helpers/tools.ts'

/**
 * ExcelJS loses a formula's cached FALSE (LibreOffice writes every boolean as `FALSE()` with its
 * result): where the reference has nothing and the fast reader has false, the reference is wrong.
 */
function forgiveLostFalse(fast: Grid, reference: Grid): Grid {
  const cells = fast.cells.map((row, r) =>
    row.map((value, c) => {
      const expected = reference.cells[r]?.[c] ?? null
      if (value === false && expected === null) return null
      // ExcelJS also reads a time of day (0.5 as "h:mm") as the date 30/12/1899; Excel shows no
      // date there, and the reader (core's one serial rule, shared with the add-in) keeps the number.
      if (typeof value === 'number' && value < 1 && isDateCell(expected)) return expected
      return value
    }),
  )
  for (const row of cells) while (row.length > 0 && row[row.length - 1] === null) row.pop()
  return { ...fast, cells }
}

function readFast(bytes: Uint8Array) {
  return readWorkbookView(openPackage(bytes)).sheets.map((s) => ({
    name: s.name,
    state: s.state,
    grid: s.readGrid(),
  }))
}

/** A workbook with what real annexes hold: rich text, formulas and their results, dates, merges, links. */
async function buildVariedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục 1')
  ws.addRow(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'])
  ws.mergeCells('A1:F1')
  ws.addRow(['STT', 'Nội dung', 'Thời hạn', 'Ngày hoàn thành', 'Tỷ lệ', 'Ghi chú'])
  ws.addRow([
    1,
    { richText: [{ text: 'Rà soát ' }, { text: 'ít nhất 30%', font: { bold: true } }] },
    'Quý IV/2026',
    new Date(Date.UTC(2026, 9, 15)),
    0.35,
    'Có "ngoặc" & <thẻ> \'đơn\'',
  ])
  ws.getCell('D3').numFmt = 'dd/mm/yyyy'
  ws.getCell('E3').numFmt = '0%'
  ws.addRow([
    2,
    { formula: '"Tổng "&"hợp"', result: 'Tổng hợp' },
    { formula: 'A3+1', result: 2 },
    { formula: 'D3+1', result: new Date(Date.UTC(2026, 9, 16)) },
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { text: 'Văn bản số 5/KH-UBND', hyperlink: 'https://example.gov.vn/vb/5' },
  ])
  ws.getCell('D4').numFmt = '[$-42A]d/m/yyyy'
  ws.addRow([3, true, false, '', ' khoảng trắng ', 'dòng 1\ndòng 2'])
  ws.getCell('A6').value = { formula: 'A3*2', result: 2 }
  ws.getCell('B6').value = { sharedFormula: 'A6', result: 4 } as ExcelJS.CellValue
  ws.getCell('C6').value = 12.5
  ws.getCell('C6').numFmt = '0.00" ngày"'
  ws.getCell('A8').value = 'Nhiệm vụ gộp dọc'
  ws.mergeCells('A8:A10')
  ws.getCell('B9').value = 'Thường xuyên'
  ws.getCell('AA12').value = 'xa'
  ws.getCell('B14').numFmt = '0%'
  ws.getCell('C14').value = null
  ws.mergeCells('D15:E17')
  wb.addWorksheet('Ẩn', { state: 'hidden' }).addRow(['ẩn', 1])
  wb.addWorksheet('Rất ẩn', { state: 'veryHidden' }).addRow(['rất ẩn', 2])
  const second = wb.addWorksheet('Ngày')
  second.addRow([46000, 46000.75, 0.5, 'Tháng 3/2026'])
  second.getCell('A1').numFmt = 'mm-dd-yy'
  second.getCell('B1').numFmt = 'yyyy-mm-dd hh:mm'
  second.getCell('C1').numFmt = 'h:mm'
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

async function buildMarkedWorkbook(): Promise<Uint8Array> {
  const checked = await checkAndLoad(await buildFilledWorkbook(), { asOf: '2026-09-14' })
  markWorkbook(checked.workbook, checked.sheetName, checked.report)
  return new Uint8Array(await checked.workbook.xlsx.writeBuffer())
}

/** The same workbooks re-saved by two other writers: LibreOffice Calc and openpyxl. */
function resaveElsewhere(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-book-'))
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.xlsx`)
    writeFileSync(path, bytes)
    return path
  })
  const out = join(dir, 'lo')
  convertWithSoffice(paths, 'xlsx:Calc MS Excel 2007 XML', dir, out)
  runOpenpyxl(
    `import sys, openpyxl
for p in sys.argv[1:]:
    openpyxl.load_workbook(p).save(p[:-5] + '.openpyxl.xlsx')`,
    paths,
  )
  const resaved: Record<string, Uint8Array> = {}
  for (const name of Object.keys(files)) {
    resaved[`${name} (LibreOffice)`] = readFileSync(join(out, `${name}.xlsx`))
    resaved[`${name} (openpyxl)`] = readFileSync(join(dir, `${name}.openpyxl.xlsx`))
  }
  return resaved
}

describe('the fast workbook reader', () => {
  it('reads every sheet exactly as ExcelJS does, for workbooks from ExcelJS, LibreOffice and openpyxl', async () => {
    const files: Record<string, Uint8Array> = {
      varied: await buildVariedWorkbook(),
      'par-sipas': await buildFilledWorkbook(),
      'ke-hoach': await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc'),
      marked: await buildMarkedWorkbook(),
    }
    const all = { ...files, ...resaveElsewhere(files) }
    const unreadable: string[] = []
    for (const [name, bytes] of Object.entries(all)) {
      const fast = readFast(bytes)
      // ExcelJS cannot open some files other writers produce (openpyxl's comments): there the
      // original's sheets, already compared with ExcelJS, are the reference.
      const reference = await readGridsWithExcelJS(bytes).catch(() => {
        unreadable.push(name)
        return readGridsWithExcelJS(files[name.replace(/ \(.*\)$/, '')]!)
      })
      expect(fast.length, name).toBeGreaterThan(0)
      for (const [i, sheet] of reference.entries()) {
        expect(fast[i]?.name, name).toBe(sheet.name)
        expect(fast[i]?.state, `${name}: ${sheet.name}`).toBe(sheet.state)
        expect(forgiveLostFalse(fast[i]!.grid, sheet.grid), `${name}: ${sheet.name}`).toEqual(
          sheet.grid,
        )
      }
      expect(fast.length, name).toBe(reference.length)
    }
    expect(unreadable).toEqual(['marked (openpyxl)'])
    // What the varied sheet holds, spelled out (so that both readers cannot be wrong together).
    const varied = readFast(files.varied!)[0]!.grid.cells
    expect(varied[2]).toEqual([
      1,
      'Rà soát ít nhất 30%',
      'Quý IV/2026',
      { date: '2026-10-15' },
      0.35,
      'Có "ngoặc" & <thẻ> \'đơn\'',
    ])
    expect(varied[3]).toEqual([
      2,
      'Tổng hợp',
      2,
      { date: '2026-10-16' },
      '#DIV/0!',
      'Văn bản số 5/KH-UBND',
    ])
    expect(varied[4]).toEqual([3, true, false, '', ' khoảng trắng ', 'dòng 1\ndòng 2'])
    expect(varied[8]).toEqual([null, 'Thường xuyên'])
    expect(readFast(all['varied (LibreOffice)']!)[0]!.grid.cells[4]!.slice(0, 3)).toEqual([
      3,
      true,
      false,
    ])
    expect(varied.length).toBe(17)
    expect(readFast(files.varied!)[3]!.grid.cells[0]).toEqual([
      { date: '2025-12-09' },
      { date: '2025-12-09' },
      0.5,
      'Tháng 3/2026',
    ])
  }, 180_000)

  it('reads SpreadsheetML as other writers spell it: prefixes, inline and phonetic text, 1904 dates, no cell references', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    const parts = {
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      '_rels/.rels': `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/book.xml"/></Relationships>`,
      'xl/_rels/book.xml.rels': `<Relationships>
        <Relationship Id="s1" Type="${rel}/worksheet" Target="/xl/tables/annex.xml"/>
        <Relationship Id="s2" Type="${rel}/sharedStrings" Target="strings.xml"/>
        <Relationship Id="s3" Type="${rel}/styles" Target="./styles.xml"/></Relationships>`,
      'xl/book.xml': `<x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:workbookPr date1904="true"/>
        <x:sheets><x:sheet name="Báo cáo &amp; tiến độ" sheetId="7" r:id="s1"/></x:sheets></x:workbook>`,
      'xl/strings.xml': `<x:sst xmlns:x="${ns}"><x:si><x:t>Trong năm 2026</x:t></x:si>
        <x:si><x:r><x:t xml:space="preserve">Sở </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Nội vụ</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si>
        <x:si><x:t>Dòng 1_x000D_&#10;Dòng 2 &#x1EA1;</x:t></x:si></x:sst>`,
      'xl/styles.xml': `<x:styleSheet xmlns:x="${ns}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts>
        <x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>
        <x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="10"/></x:cellXfs></x:styleSheet>`,
      'xl/tables/annex.xml': `<x:worksheet xmlns:x="${ns}"><x:sheetData>
        <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row>
        <x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>Quý IV/2026</x:t><x:rPh><x:t>x</x:t></x:rPh></x:is></x:c>
          <x:c t="s"><x:v>2</x:v></x:c><x:c t="d"><x:v>2026-12-31T00:00:00</x:v></x:c><x:c s="2"><x:v>0.98</x:v></x:c>
          <x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>Trong năm 2026</x:v></x:c></x:row>
        </x:sheetData><x:mergeCells><x:mergeCell ref="A3:A4"/></x:mergeCells></x:worksheet>`,
    }
    const bytes = buildZip(
      Object.entries(parts).map(([name, xml]) => ({ name, data: Buffer.from(xml) })),
    )
    const [sheet, ...rest] = readFast(bytes)
    expect(rest).toEqual([])
    expect(sheet!.name).toBe('Báo cáo & tiến độ')
    expect(sheet!.grid.cells).toEqual([
      ['Trong năm 2026', 'Sở Nội vụ', { date: '1904-01-01' }],
      [],
      [
        null,
        'Quý IV/2026',
        'Dòng 1\r\nDòng 2 ạ',
        { date: '2026-12-31' },
        0.98,
        true,
        '#N/A',
        'Trong năm 2026',
      ],
      [],
    ])
    expect(sheet!.grid.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 1 }])
  })

  it('checks a workbook without loading ExcelJS, with the same report as before', async () => {
    const bytes = await buildFilledWorkbook()
    const checked = checkWorkbook(bytes, { asOf: '2026-09-14' })
    expect(checked.sheetName).toBe('Phụ lục')
    expect(checked.planId).toBe('dak-lak-2026-par-sipas')
    expect(checked.report.tasks.length).toBeGreaterThan(20)
  })
})

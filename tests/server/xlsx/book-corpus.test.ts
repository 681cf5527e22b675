import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CellValue, Grid } from '../../../core/index.ts'
import { readWorkbookView } from '../../../server/xlsx/book.ts'
import { openPackage } from '../../../server/xlsx/guard.ts'
import { buildLoadableZip } from '../../../server/xlsx/loadable.ts'
import { loadWorkbook } from '../../../server/xlsx/read.ts'
import { readGridsWithExcelJS } from '../../helpers/exceljs-grid.ts'
import { readZipParts } from '../../helpers/hostile.ts'
import { createZip } from '../../helpers/zip.ts'

// Workbooks from the wild, kept by ExcelJS's own test suite (tests/fixtures/README.md names them):
// Excel in several versions and languages, Google Sheets, LibreOffice, chart sheets, 1904 dates,
// hidden sheets, comments, images, shared formulas, odd and invalid XML.
const dir = fileURLToPath(new URL('../../fixtures/xlsx/', import.meta.url))
const files = readdirSync(dir).filter((n) => n.endsWith('.xlsx'))
// Workbooks we made (tests/fixtures/README.md says how), where ExcelJS is not the reference.
const own = fileURLToPath(new URL('../../fixtures/xlsx-own/', import.meta.url))

function read(bytes: Uint8Array) {
  return readWorkbookView(openPackage(bytes)).sheets.map((s) => ({
    name: s.name,
    state: s.state,
    grid: s.readGrid(),
  }))
}

/**
 * Where the two readers may differ, and ExcelJS is the one that is wrong: it drops a formula's
 * cached result when it is 0 or FALSE, and counts a row whose only cell is an empty hyperlink.
 */
function forgiveExcelJS(fast: Grid, reference: Grid): [CellValue[][], CellValue[][]] {
  const cells = fast.cells.map((row, r) =>
    row.map((v, c) =>
      (v === 0 || v === false) && (reference.cells[r]?.[c] ?? null) === null ? null : v,
    ),
  )
  const trim = (rows: CellValue[][]) => {
    const out = rows.map((row) => {
      const copy = row.slice()
      while (copy.length && copy[copy.length - 1] === null) copy.pop()
      return copy
    })
    while (out.length && out[out.length - 1]!.length === 0) out.pop()
    return out
  }
  return [trim(cells), trim(reference.cells)]
}

describe('the fast workbook reader on workbooks from other offices and programs', () => {
  it('has a corpus to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(30)
  })

  for (const name of files) {
    it(`reads ${name} as ExcelJS does (where ExcelJS reads it right)`, async () => {
      const bytes = readFileSync(`${dir}${name}`)
      const fast = read(bytes)
      // ExcelJS reads what our guard lets through (a whole-sheet drop-down list clipped: unclipped, it never finishes).
      const reference = await readGridsWithExcelJS(buildLoadableZip(openPackage(bytes))).catch(
        () => null,
      )
      if (reference === null) {
        // ExcelJS refuses this one (invalid XML); ours still reads every sheet it names.
        expect(name).toBe('invalid-xml.xlsx')
        expect(fast.length).toBeGreaterThan(0)
        return
      }
      expect(fast.map((s) => s.name)).toEqual(reference.map((s) => s.name))
      for (const [i, sheet] of reference.entries()) {
        const own = fast[i]!
        // ExcelJS passes an unknown state through ("show"); ours reads it as visible, as Excel does.
        expect(own.state).toBe(
          ['visible', 'hidden', 'veryHidden'].includes(sheet.state) ? sheet.state : 'visible',
        )
        expect(own.grid.merges, `${name} ${sheet.name}`).toEqual(sheet.grid.merges)
        const [a, b] = forgiveExcelJS(own.grid, sheet.grid)
        expect(a, `${name} ${sheet.name}`).toEqual(b)
      }
    })
  }

  it('reads what the files hold, spelled out', () => {
    const at = (name: string, sheet = 0) => read(readFileSync(`${dir}${name}`))[sheet]!.grid.cells
    // The 1904 date system: serial 0 is 1 January 1904.
    expect(at('1904.xlsx')[3]).toEqual([null, { date: '1904-01-01' }])
    // Google Sheets' export.
    expect(at('hidden-test_google-sheets.xlsx')[0]).toEqual(['BEGIN', 'HIDDEN', 'VISIBLE'])
    // A line break written as CR LF in the XML reads as one line feed, as every XML parser reads it.
    const german = read(readFileSync(`${dir}test-issue-877.xlsx`))
    const text = german.find((s) => s.name === 'Ersatzteilliste')!.grid.cells[0]![5] as string
    expect(text).toMatch(/^Berechnungsgrundlage: 50,-€\/std\. \+ Ersatzteile\.\nJe Filiale/)
    // A formula whose cached result is 0 reads as 0 (ExcelJS loses it).
    expect(german.find((s) => s.name === 'Ersatzteilliste')!.grid.cells[4]![9]).toBe(0)
  })

  it('reads Strict OOXML written by Excel (another namespace for every part)', () => {
    const sheets = read(readFileSync(`${dir}sample.strict.xlsx`))
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['Sheet1', 'visible'],
      ['rich test', 'visible'],
      ['Sheet3', 'visible'],
    ])
    expect(sheets[0]!.grid.cells[0]).toEqual(['Lorem', 111])
    expect(sheets[0]!.grid.cells[9]).toEqual(['at', 4995])
    expect(sheets[1]!.grid.cells[0]).toEqual(['The quick brown fox jumps over the lazy dog'])
  })

  it('reads ISO dates in Strict cells, and hands them to ExcelJS as the same days', async () => {
    const parts = readZipParts(readFileSync(`${dir}sample.strict.xlsx`))
    const edit = (name: string, change: (xml: string) => string) => {
      const part = parts.find((p) => p.name === name)!
      part.data = Buffer.from(change(part.data.toString('utf8')))
    }
    edit('xl/styles.xml', (xml) =>
      xml.replace(
        /<cellXfs count="3">([^]*?)<\/cellXfs>/,
        '<cellXfs count="4">$1<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
      ),
    )
    edit('xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace('</row>', '<c r="C1" s="3" t="d"><v>2026-09-14T00:00:00</v></c></row>')
        .replace(/(<row r="2"[^>]*>[^]*?)<\/row>/, '$1<c r="C2" t="d"><v>2026-12-31</v></c></row>'),
    )
    const bytes = createZip(parts)
    const grid = read(bytes)[0]!.grid
    expect(grid.cells.slice(0, 2)).toEqual([
      ['Lorem', 111, { date: '2026-09-14' }],
      ['ipsum', 222, { date: '2026-12-31' }],
    ])
    const sheet = (await loadWorkbook(bytes)).getWorksheet('Sheet1')!
    expect([sheet.getCell('C1').value, sheet.getCell('C2').value]).toEqual([
      new Date('2026-09-14T00:00:00Z'),
      46387,
    ])
  })

  it('reads numbers whose formats hold escaped or quoted letters as numbers, not dates', async () => {
    const bytes = readFileSync(`${own}escaped-literals.xlsx`)
    expect(read(bytes)[0]!.grid.cells).toEqual([
      ['Số ngày', 12],
      ['Ngày có chữ', { date: '2026-09-14' }],
      ['Số ngày có chữ', 5],
      ['Gạch chéo thoát', { date: '2026-09-14' }],
      ['Màu và chữ', 3],
      ['Chữ d trong ngoặc kép', 7],
      ['Ngày tiếng Việt', { date: '2026-12-31' }],
      ['Chữ y thoát', 15],
      ['Ngày thường', { date: '2026-01-02' }],
    ])
    // ExcelJS reads the escaped letters of `0\ \d\a\y\s` as a date: 12 becomes 11/01/1900.
    const [reference] = await readGridsWithExcelJS(bytes)
    expect(reference!.grid.cells[0]).toEqual(['Số ngày', { date: '1900-01-11' }])
  })
})

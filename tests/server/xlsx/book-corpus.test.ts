import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CellValue, Grid } from '../../../core/index.ts'
import { readWorkbookView } from '../../../server/xlsx/book.ts'
import { openPackage } from '../../../server/xlsx/guard.ts'
import { buildLoadableZip } from '../../../server/xlsx/loadable.ts'
import { readGridsWithExcelJS } from '../../helpers/exceljs-grid.ts'

// Workbooks from the wild, kept by ExcelJS's own test suite (tests/fixtures/README.md names them):
// Excel in several versions and languages, Google Sheets, LibreOffice, chart sheets, 1904 dates,
// hidden sheets, comments, images, shared formulas, odd and invalid XML.
const dir = fileURLToPath(new URL('../../fixtures/xlsx/', import.meta.url))
const files = readdirSync(dir).filter((n) => n.endsWith('.xlsx'))

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
      const reference = await readGridsWithExcelJS(buildLoadableZip(openPackage(bytes))).catch(() => null)
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
})

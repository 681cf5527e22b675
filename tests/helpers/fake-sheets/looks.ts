import { readFileSync } from 'node:fs'
import { columnLetter, columnNumber } from '../../../core/index.ts'
import { readFakeSheets } from '../fake-from-xlsx.ts'
import { createSpreadsheetFromSpecs } from './from-grid.ts'
import type { FakeSheet, FakeSpreadsheet } from './model.ts'

/** A cell of the Sheets fake as the user sees it: its value, its fill and its note, each as JSON text. */
export type FakeCellLook = { value: string; fill: string; note: string | null }

/** Every cell of a fake sheet by address, with the merged areas as "C7:C9". */
export function readFakeLooks(sheet: FakeSheet): {
  cells: Map<string, FakeCellLook>
  merges: string[]
} {
  const cells = new Map<string, FakeCellLook>()
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number]
    cells.set(`${columnLetter(c + 1)}${r + 1}`, {
      value: JSON.stringify(cell.userEnteredValue ?? null),
      fill: JSON.stringify(cell.userEnteredFormat?.backgroundColorStyle ?? null),
      note: cell.note ?? null,
    })
  }
  const merges = sheet.merges.map(
    (m) =>
      `${columnLetter((m.startColumnIndex ?? 0) + 1)}${(m.startRowIndex ?? 0) + 1}:` +
      `${columnLetter(m.endColumnIndex ?? 1)}${m.endRowIndex ?? 1}`,
  )
  return { cells, merges }
}

/** The addresses whose property differs between two readings of a fake sheet. */
export function findChangedFakeCells(
  before: Map<string, FakeCellLook>,
  after: Map<string, FakeCellLook>,
  property: keyof FakeCellLook,
): string[] {
  const blank: FakeCellLook = { value: 'null', fill: 'null', note: null }
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((a) => (before.get(a) ?? blank)[property] !== (after.get(a) ?? blank)[property])
    .sort()
}

function paint(sheet: FakeSheet, address: string, hex: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!
  const key = `${Number(m[2]) - 1},${columnNumber(m[1]!) - 1}`
  const part = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16) / 255
  const color = { red: part(0), green: part(2), blue: part(4) }
  const data = sheet.cells.get(key) ?? {}
  data.userEnteredFormat = {
    ...data.userEnteredFormat,
    backgroundColorStyle: { rgbColor: color },
    backgroundColor: color,
  }
  sheet.cells.set(key, data)
}

/**
 * The Excel-styled fixture as Google Sheets holds it after import, with its colours: the header row
 * blue, the progress column yellow down the whole table (cells of one look, as in the Excel file).
 */
export async function createStyledSpreadsheet(spreadsheetId: string): Promise<FakeSpreadsheet> {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/xlsx/excel-shared-styles.xlsx'))
  const book = createSpreadsheetFromSpecs(spreadsheetId, 'Báo cáo quý III', [
    (await readFakeSheets(bytes))[0]!,
  ])
  const sheet = book.sheets[0]!
  for (let c = 1; c <= 10; c++) paint(sheet, `${columnLetter(c)}4`, 'DAE3F3')
  for (let r = 5; r <= 17; r++) paint(sheet, `F${r}`, 'FFE699')
  return book
}

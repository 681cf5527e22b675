import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FieldKey, IsoDate, TaskStatus } from '../../core/index.ts'

/** A cell as a fixture writes it: text, a number, a real date (`{ "date": "2026-05-16" }`) or empty. */
export type FixtureCell = string | number | { date: IsoDate } | null

/** What a careful reader takes from one row (SPEC section 2); an absent key is not measured. */
export type RowTruth = { due?: IsoDate | null; status?: TaskStatus | null; clean: boolean }

/** The reading a person would give the table, written before the product ever read it. */
export type TableTruth = {
  headerRow: number
  columns: Record<string, FieldKey | null>
  asOf: IsoDate
  issued?: IsoDate
  rows: Record<string, RowTruth>
}

/** One real table of tests/fixtures/tables or tests/fixtures/unseen (format: tests/fixtures/README.md). */
export type TableFixture = {
  id: string
  source: Record<string, string>
  office: string
  document: { number: string; date: IsoDate; title: string }
  kind: string
  added: IsoDate
  sheet: string
  rows: FixtureCell[][]
  merges: string[]
  truth: TableTruth
}

/** Reads every fixture of a folder, sorted by id. */
export function readFixtures(dir: string): TableFixture[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as TableFixture)
}

function toExcelValue(cell: FixtureCell): ExcelJS.CellValue {
  if (cell === null) return null
  if (typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`)
  return cell
}

/** Builds the fixture as a real .xlsx in memory: its cells, merged areas and real dates. */
export async function buildFixtureWorkbook(fixture: TableFixture): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(fixture.sheet)
  fixture.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return
      const target = sheet.getCell(r + 1, c + 1)
      target.value = toExcelValue(cell)
      if (typeof cell === 'object') target.numFmt = 'dd/mm/yyyy'
    })
  })
  for (const area of fixture.merges) sheet.mergeCells(area)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { columnLetter } from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { fillSampleProgress } from '../../../server/demo/sample.ts'
import { templatesDir } from '../../../server/paths.ts'
import { readPlan, readRegistry } from '../../../server/province/config.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { findChangedCells, readCellLooks } from '../../helpers/cell-looks.ts'
import { computeProblemCells, isInTable } from '../../helpers/mark-invariant.ts'
import { capture, output } from '../../helpers/output.ts'
import { convertWithSoffice } from '../../helpers/readers.ts'

// The marked copy read back by openpyxl, cell by cell against the original: on a workbook laid out
// and styled as Excel saves one (thousands of cells sharing a few styles), on the template `cchc
// template` writes, and on a copy LibreOffice wrote. The marks must change the problem cells only.

const asOf = '2026-09-14'
const dir = 'test-output/mark-readback'
const agencies = join(templatesDir, 'agencies', 'dak-lak-2026.json')
const registry = await readRegistry(agencies)
afterEach(() => vi.restoreAllMocks())

/** The template `cchc template` writes, filled as an agency would, with a few wrong answers. */
async function buildTemplateCopy(path: string): Promise<void> {
  const planPath = join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json')
  capture()
  expect(await runCli(['template', planPath, '-o', path])).toBe(0)
  vi.restoreAllMocks()
  const plan = await readPlan(planPath)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  fillSampleProgress(wb, plan, asOf)
  const ws = wb.getWorksheet('Phụ lục')!
  const header = plan.title.length + 2
  const columns = [...plan.columns, ...(plan.progressColumns ?? ['progress', 'doneDate'])]
  const progress = columnLetter(columns.indexOf('progress') + 1)
  const doneDate = columnLetter(columns.indexOf('doneDate') + 1)
  ws.getCell(`${progress}${header + 4}`).value = 'Hoàn thành 150%'
  ws.getCell(`${doneDate}${header + 9}`).value = '31/02/2026'
  await wb.xlsx.writeFile(path)
}

const books: { name: string; path: string; sheet: string }[] = []

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  const excel = join(dir, 'excel-shared-styles.xlsx')
  copyFileSync('tests/fixtures/xlsx/excel-shared-styles.xlsx', excel)
  const template = join(dir, 'bieu-mau.xlsx')
  await buildTemplateCopy(template)
  const libre = resolve(dir, 'libreoffice')
  mkdirSync(libre, { recursive: true })
  convertWithSoffice([excel], 'xlsx:Calc MS Excel 2007 XML', libre)
  books.push(
    { name: 'saved by Excel (shared styles)', path: excel, sheet: 'Báo cáo quý III' },
    { name: 'the cchc template', path: template, sheet: 'Phụ lục' },
    {
      name: 'written by LibreOffice',
      path: join(libre, 'excel-shared-styles.xlsx'),
      sheet: 'Báo cáo quý III',
    },
  )
}, 180_000)

describe('the marked copy read back by openpyxl, cell by cell', () => {
  it(
    'changes fills on the problem cells and nowhere else in the table, no value, notes on top-left cells of merged areas; clearing gives the original back',
    { timeout: 240_000 },
    async () => {
      expect(books).toHaveLength(3)
      for (const book of books) {
        const { report } = checkWorkbook(new Uint8Array(readFileSync(book.path)), {
          asOf,
          registry,
        })
        const marked = book.path.replace(/\.xlsx$/, '.marked.xlsx')
        const cleared = book.path.replace(/\.xlsx$/, '.cleared.xlsx')
        capture()
        await runCli(['validate', book.path, '--as-of', asOf, '--agencies', agencies, '-o', marked])
        expect(await runCli(['clear', marked, '-o', cleared]), output.err).toBe(0)
        vi.restoreAllMocks()

        const before = readCellLooks(book.path, book.sheet)
        const after = readCellLooks(marked, book.sheet)
        const problems = computeProblemCells(report, before.merges)
        expect(problems.length, book.name).toBeGreaterThan(3)
        // The Excel-styled workbooks name one unit merged down C7:C9: its problem is marked once, at C7.
        if (book.sheet === 'Báo cáo quý III') {
          expect(before.merges, book.name).toContain('C7:C9')
          expect(problems, book.name).toContain('C7')
          expect(report.issues.filter((i) => i.column === 'C').map((i) => i.row)).toEqual([7, 8, 9])
        }
        const fills = findChangedCells(before, after, 'fill').filter((a) => isInTable(report, a))
        expect(fills.sort(), book.name).toEqual(problems)
        for (const property of ['value', 'font', 'border', 'format', 'alignment'] as const)
          expect(
            findChangedCells(before, after, property).filter((a) => isInTable(report, a)),
            `${book.name}: ${property}`,
          ).toEqual([])
        const notes = Object.entries(after.cells)
          .filter(([, look]) => look.note)
          .map(([address]) => address)
        expect(notes.filter((a) => isInTable(report, a)).sort(), book.name).toEqual(problems)
        // The package holds no other note: none on a covered cell of a merged area.
        expect(after.noteRefs, book.name).toEqual(notes.sort())
        expect(after.merges, book.name).toEqual(before.merges)

        // `cchc clear` gives the original back in cell terms: every property of every cell.
        const back = readCellLooks(cleared, book.sheet)
        for (const property of Object.keys(before.blank) as (keyof typeof before.blank)[])
          expect(findChangedCells(before, back, property), `${book.name}: ${property}`).toEqual([])
        expect(back.sheets, book.name).toEqual(before.sheets)
        expect(back.merges, book.name).toEqual(before.merges)
      }
    },
  )
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statusFills } from '../../../core/index.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { createAuthClient, createSheetsApi } from '../../../server/sheets/auth.ts'
import { checkSpreadsheet, clearSpreadsheet } from '../../../server/sheets/check.ts'
import {
  createStyledSpreadsheet,
  findChangedFakeCells,
  readFakeLooks,
} from '../../helpers/fake-sheets/looks.ts'
import { startFakeSheets, type FakeSheets } from '../../helpers/fake-sheets/server.ts'
import { computeProblemCells, isInTable } from '../../helpers/mark-invariant.ts'

// The Sheets API adapter read back from the strict fake, cell by cell against the sheet before: the
// same invariant as the marked .xlsx copy (core decides the cells, the adapter applies them).

const catalog = await readCatalog()
const options = { asOf: '2026-09-14', registry: catalog.registry }
const token = 'ya29.test-token'
const id = '1StyledSheetAbcdefghijKLMNOP'
let fake: FakeSheets

beforeAll(async () => {
  fake = await startFakeSheets({
    books: [await createStyledSpreadsheet(id)],
    tokens: { [token]: 'can-bo@ubnd-ea-kao.gov.vn' },
  })
})
afterAll(() => fake.close())

describe('Google Sheets marks read back', () => {
  it('change fills on the problem cells only, no value, notes on top-left cells of merged areas; clear restores every cell', async () => {
    const api = await createSheetsApi(await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: token }), {
      CCHC_SHEETS_API_URL: fake.url,
    })
    const before = readFakeLooks(structuredClone(fake.books.get(id)!).sheets[0]!)
    const target = { spreadsheetId: id, gid: 0 }
    const { report, plan } = await checkSpreadsheet(api, target, options)
    const book = fake.books.get(id)!
    const after = readFakeLooks(book.sheets[0]!)
    const problems = computeProblemCells(report, before.merges)
    expect(problems).toContain('C7') // the unit merged down C7:C9
    expect(problems).not.toContain('C8')
    const inTable = (list: string[]) => list.filter((a) => isInTable(report, a))
    expect(inTable(findChangedFakeCells(before.cells, after.cells, 'fill'))).toEqual(problems)
    expect(inTable(findChangedFakeCells(before.cells, after.cells, 'value'))).toEqual([])
    const notes = [...after.cells].filter(([, look]) => look.note).map(([a]) => a)
    expect(inTable(notes).sort()).toEqual(problems)
    // The computed columns keep their status colours.
    const status = plan!.columns.find((c) => c.field === 'status')!.column
    const { rgbColor } = JSON.parse(after.cells.get(`${status}17`)!.fill) as {
      rgbColor: Record<'red' | 'green' | 'blue', number>
    }
    const hex = (['red', 'green', 'blue'] as const)
      .map((k) =>
        Math.round(rgbColor[k] * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
      .toUpperCase()
    expect([report.tasks.find((t) => t.row === 17)!.status, `FF${hex}`]).toEqual([
      'overdue',
      statusFills.overdue,
    ])
    // The "Kiểm tra" sheet keeps the issue codes in a hidden last column.
    const check = book.sheets.find((s) =>
      s.developerMetadata.some((m) => m.metadataValue === 'check'),
    )!
    expect([...check.hiddenColumns]).toEqual([5])

    expect(await clearSpreadsheet(api, target)).toBe(true)
    const cleared = readFakeLooks(fake.books.get(id)!.sheets[0]!)
    for (const property of ['value', 'fill', 'note'] as const)
      expect(findChangedFakeCells(before.cells, cleared.cells, property), property).toEqual([])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthClient, createSheetsApi } from '../../../server/sheets/auth.ts'
import { createSpreadsheetFromSpecs } from '../../helpers/fake-sheets/from-grid.ts'
import { startFakeSheets, type FakeSheets } from '../../helpers/fake-sheets/server.ts'

// The fake stands in for Google's servers, so it must refuse what they refuse.
const id = '1StrictFakeSheetAbcdefghijKLM'
const token = 'ya29.strict'
const clock = { ms: 0 }
let fake: FakeSheets

beforeAll(async () => {
  const book = createSpreadsheetFromSpecs(id, 'Thử', [
    {
      name: 'Trang 1',
      rows: [
        ['STT', 'Nội dung'],
        [1, 'Họp giao ban'],
      ],
    },
  ])
  book.sheets[0]!.cells.set('1,1', {
    userEnteredValue: { stringValue: 'Họp giao ban' },
    note: 'ghi chú cũ',
  })
  fake = await startFakeSheets({
    books: [book],
    tokens: { [token]: 'a@b.vn' },
    clock: () => clock.ms,
  })
})
afterAll(() => fake.close())

async function send(requests: unknown[], accessToken = token): Promise<unknown> {
  const api = createSheetsApi(await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: accessToken }), {
    CCHC_SHEETS_API_URL: fake.url,
  })
  return api.spreadsheets
    .batchUpdate({ spreadsheetId: id, requestBody: { requests } as never })
    .then((r) => r.status)
    .catch((e: { status?: number; message?: string }) => [e.status, e.message])
}

describe('the Sheets fake is as strict as the real API', () => {
  it('refuses unknown fields, bad masks and writes past the grid; clears masked fields the data leaves out', async () => {
    expect(
      await send([{ updateCells: { start: { sheetId: 0 }, rows: [], fields: 'note', colour: 1 } }]),
    ).toEqual([400, expect.stringContaining('must NOT have additional properties')])
    expect(
      await send([
        {
          updateCells: {
            start: { sheetId: 0 },
            rows: [{ values: [{}] }],
            fields: 'userEnteredFormat.backgroundColour',
          },
        },
      ]),
    ).toEqual([
      400,
      expect.stringContaining("'userEnteredFormat.backgroundColour' is not a field of CellData"),
    ])
    expect(
      await send([
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 26 },
            rows: [{ values: [{ note: 'x' }] }],
            fields: 'note',
          },
        },
      ]),
    ).toEqual([400, expect.stringContaining('exceeds grid limits')])
    // A wide mask over a range without data wipes what it names: here every note, values untouched.
    expect(
      await send([
        {
          updateCells: {
            range: {
              sheetId: 0,
              startRowIndex: 0,
              endRowIndex: 2,
              startColumnIndex: 0,
              endColumnIndex: 2,
            },
            fields: 'note',
          },
        },
      ]),
    ).toBe(200)
    expect(fake.books.get(id)!.sheets[0]!.cells.get('1,1')).toEqual({
      userEnteredValue: { stringValue: 'Họp giao ban' },
    })
    // All or nothing: a batch with one bad request changes nothing.
    const before = structuredClone(fake.books.get(id))
    expect(
      await send([
        { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 2 } },
        { deleteSheet: { sheetId: 0 } },
      ]),
    ).toEqual([400, expect.stringContaining("You can't remove all the visible sheets")])
    expect(fake.books.get(id)).toEqual(before)
  })

  it('wants a bearer token and answers 429 past 60 writes a minute per user', async () => {
    expect(await send([], 'ya29.unknown')).toEqual([
      401,
      expect.stringContaining('missing required authentication credential'),
    ])
    const statuses: unknown[] = []
    for (let i = 0; i < 61; i++) statuses.push(await send([]))
    // The five batches of the test above counted too, refused or not.
    expect(statuses.filter((s) => s === 200).length).toBe(55)
    expect(statuses.at(-1)).toEqual([
      429,
      expect.stringContaining('Write requests per minute per user'),
    ])
    clock.ms += 60_001
    expect(await send([])).toBe(200)
  })
})

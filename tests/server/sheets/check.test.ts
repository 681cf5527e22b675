import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../../addin/excel/check.ts'
import { checkSheetName } from '../../../core/index.ts'
import { findPlanProfile, readCatalog } from '../../../server/province/catalog.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { createAuthClient, createSheetsApi } from '../../../server/sheets/auth.ts'
import { checkSpreadsheet, clearSpreadsheet } from '../../../server/sheets/check.ts'
import { noteTag, sheetRoleKey } from '../../../core/index.ts'
import { parseSheetTarget } from '../../../server/sheets/target.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { createFakeExcel } from '../../helpers/fake-excel.ts'
import { createFakeWorkbookFromXlsx, readFakeSheets } from '../../helpers/fake-from-xlsx.ts'
import {
  createSheetFromSpec,
  createSpreadsheetFromSpecs,
  createSpreadsheetFromWorkbook,
  readExcelLook,
  readSheetLook,
} from '../../helpers/fake-sheets/from-grid.ts'
import { startFakeSheets, type FakeSheets } from '../../helpers/fake-sheets/server.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'
import { AppError } from '../../../server/errors/index.ts'

const catalog = await readCatalog()
const asOf = '2026-09-14'
const options = {
  asOf,
  registry: catalog.registry,
  profileFor: (id: string | null) => findPlanProfile(catalog, id),
}
const token = 'ya29.test-token'
let fake: FakeSheets
const ids = {
  problem: '1ProblemSheetAbcdefghijKLMNOP',
  par: '1ParSipasSheetAbcdefghijKLMN',
  plan: '1PlanSheetAbcdefghijKLMNOPQR',
}

async function createApiFor(book: ReturnType<typeof createSpreadsheetFromWorkbook>) {
  fake.books.set(book.spreadsheetId, structuredClone(book))
  return createApi()
}

async function createApi(accessToken = token) {
  return createSheetsApi(await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: accessToken }), {
    CCHC_SHEETS_API_URL: fake.url,
  })
}

beforeAll(async () => {
  const books = [
    createSpreadsheetFromWorkbook(ids.problem, 'Báo cáo quý 3', createProblemWorkbook()),
  ]
  for (const [plan, id] of [
    ['dak-lak-2026-par-sipas', ids.par],
    ['dak-lak-2026-ke-hoach-cchc', ids.plan],
  ] as const)
    books.push(
      createSpreadsheetFromSpecs(
        id,
        'bao-cao',
        await readFakeSheets(await buildFilledWorkbook(plan)),
      ),
    )
  fake = await startFakeSheets({ books, tokens: { [token]: 'can-bo@so-noi-vu.gov.vn' } })
})
afterAll(() => fake.close())

describe('Google Sheets adapter against the strict fake, with the real @googleapis/sheets client', () => {
  it("gives `cchc validate`'s report and the Excel add-in's marks for the seed annexes, in one read and one write", async () => {
    const api = await createApi()
    for (const [plan, id] of [
      ['dak-lak-2026-par-sipas', ids.par],
      ['dak-lak-2026-ke-hoach-cchc', ids.plan],
    ] as const) {
      const cli = await checkWorkbook(await buildFilledWorkbook(plan), {
        ...options,
        file: 'bao-cao',
      })
      const { report, calls } = await checkSpreadsheet(
        api,
        { spreadsheetId: id, gid: null },
        options,
      )
      expect(report).toEqual(cli.report)
      expect(calls).toEqual({ reads: 1, writes: 1 })
      // The marks are those the Excel add-in makes on the same workbook.
      const excel = createFakeExcel(
        await createFakeWorkbookFromXlsx(await buildFilledWorkbook(plan)),
      )
      await excel.run((context) => runCheck(context, { ...options, notes: true }))
      const sheet = fake.books.get(id)!.sheets.find((s) => s.properties.title === 'Phụ lục')!
      const look = readSheetLook(sheet, noteTag)
      // The template leaves "Edit objects" allowed (no objects="1" in its sheetProtection), so
      // Excel writes the same notes as Sheets.
      expect(readExcelLook(excel.model, 'Phụ lục').some(([, , , n]) => n !== null)).toBe(true)
      expect(look).toEqual(readExcelLook(excel.model, 'Phụ lục'))
      expect(look.filter(([, , f, n]) => n !== null && f === null)).toEqual([])
    }
    const mine = fake.calls.filter((c) => c.path.includes(ids.par) || c.path.includes(ids.plan))
    expect(mine.length).toBe(4)
    expect(mine.every((c) => c.authorization === `Bearer ${token}` && c.status === 200)).toBe(true)
    expect(mine.filter((c) => c.method === 'POST').every((c) => c.bytes < 2_000_000)).toBe(true)
  })

  it('marks the sheet exactly as the Excel add-in does: computed columns, fills, tagged notes, a "Kiểm tra" sheet found by metadata', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    await excel.run((context) => runCheck(context, { ...options, file: 'x', notes: true }))
    const api = await createApi()
    const target = parseSheetTarget(
      `https://docs.google.com/spreadsheets/d/${ids.problem}/edit#gid=0`,
    )
    await checkSpreadsheet(api, target, options)
    const book = fake.books.get(ids.problem)!
    const sheet = book.sheets[0]!
    const excelLook = readExcelLook(excel.model, 'Báo cáo Q3')
    expect(readSheetLook(sheet, noteTag)).toEqual(excelLook)
    expect(sheet.cells.get('4,3')!.note).toMatch(
      /^\[Lỗi\] Không hiểu được thời hạn “Tháng 13\/2026”[\s\S]*— CCHC Annex$/,
    )
    const check = book.sheets.find((s) =>
      s.developerMetadata.some(
        (m) => m.metadataKey === sheetRoleKey && m.metadataValue === 'check',
      ),
    )!
    expect(check.properties.title).toBe(checkSheetName)
    const marks = book.sheets.find((s) =>
      s.developerMetadata.some((m) => m.metadataValue === 'marks'),
    )!
    expect(marks.properties.hidden).toBe(true)
  })

  it('re-checking replaces its marks; clear restores the sheet as it was and keeps a note the user wrote since', async () => {
    const original = createSpreadsheetFromWorkbook(
      '1FreshProblemAbcdefghijKLMN',
      'Bản gốc',
      createProblemWorkbook(),
    )
    fake.books.set(original.spreadsheetId, structuredClone(original))
    const api = await createApi()
    const target = { spreadsheetId: original.spreadsheetId, gid: null }
    await checkSpreadsheet(api, target, options)
    const once = structuredClone(fake.books.get(original.spreadsheetId)!)
    await checkSpreadsheet(api, target, options)
    const twice = fake.books.get(original.spreadsheetId)!
    expect(twice.sheets.map((s) => s.properties.title)).toEqual(
      once.sheets.map((s) => s.properties.title),
    )
    expect(readSheetLook(twice.sheets[0]!)).toEqual(readSheetLook(once.sheets[0]!))
    // The user answers one of our notes by writing their own in its place.
    twice.sheets[0]!.cells.get('4,3')!.note = 'Đã hỏi lại Sở Nội vụ'
    expect(await clearSpreadsheet(api, target)).toBe(true)
    const cleared = fake.books.get(original.spreadsheetId)!
    expect(cleared.sheets.map((s) => s.properties.title)).toEqual(['Báo cáo Q3', 'Ghi chú'])
    const expected = readSheetLook(original.sheets[0]!).map((c) =>
      c[0] === 'D5' ? ([c[0], c[1], c[2], 'Đã hỏi lại Sở Nội vụ'] as typeof c) : c,
    )
    expect(readSheetLook(cleared.sheets[0]!)).toEqual(expected)
    expect(cleared.sheets[0]!.properties.gridProperties.columnCount).toBe(26)
    expect(await clearSpreadsheet(api, target)).toBe(false)
  })

  it('clear finds the marked rows again after a row was inserted above them (as in Excel)', async () => {
    const original = createSpreadsheetFromWorkbook(
      '1MovedRowsAbcdefghijKLMNOPQ',
      'Chèn dòng',
      createProblemWorkbook(),
    )
    fake.books.set(original.spreadsheetId, structuredClone(original))
    const api = await createApi()
    const target = { spreadsheetId: original.spreadsheetId, gid: null }
    await checkSpreadsheet(api, target, options)
    // The user inserts a row above row 5 (0-based 4): every cell below moves down one row.
    const insert = (sheet: { cells: Map<string, unknown> }) => {
      sheet.cells = new Map(
        [...sheet.cells].map(([key, cell]) => {
          const [r, c] = key.split(',').map(Number) as [number, number]
          return [`${r >= 4 ? r + 1 : r},${c}`, cell]
        }),
      )
    }
    insert(fake.books.get(original.spreadsheetId)!.sheets[0]!)
    insert(original.sheets[0]!)
    expect(await clearSpreadsheet(api, target)).toBe(true)
    const cleared = fake.books.get(original.spreadsheetId)!
    expect(readSheetLook(cleared.sheets[0]!)).toEqual(readSheetLook(original.sheets[0]!))
  })

  it('grows the grid first when the computed columns fall past its last column', async () => {
    const book = createSpreadsheetFromWorkbook(
      '1NarrowSheetAbcdefghijKLMNOP',
      'Hẹp',
      createProblemWorkbook(),
    )
    book.sheets[0]!.properties.gridProperties.columnCount = 8
    fake.books.set(book.spreadsheetId, book)
    await checkSpreadsheet(
      await createApi(),
      { spreadsheetId: book.spreadsheetId, gid: 0 },
      options,
    )
    const sheet = fake.books.get(book.spreadsheetId)!.sheets[0]!
    expect(sheet.properties.gridProperties.columnCount).toBe(11)
    expect(sheet.cells.get('2,10')!.userEnteredValue).toEqual({ stringValue: 'Kết quả kiểm tra' })
  })

  it('refuses in Vietnamese, writing nothing: protected cells, no annex, too large, no access', async () => {
    const api = await createApi()
    const locked = createSpreadsheetFromWorkbook(
      '1LockedSheetAbcdefghijKLMNOP',
      'Khóa',
      createProblemWorkbook(),
    )
    locked.sheets[0]!.protections.push({ range: { sheetId: 0 }, editors: ['chu-so-huu@gmail.com'] })
    const blank = createSpreadsheetFromSpecs('1BlankSheetAbcdefghijKLMNOPQ', 'Trống', [
      { name: 'Trang tính1', rows: [['Danh sách cán bộ'], ['Nguyễn Văn A', 'Sở Nội vụ']] },
    ])
    const huge = createSpreadsheetFromSpecs('1HugeSheetAbcdefghijKLMNOPQR', 'Lớn', [
      { name: 'Trang tính1', rows: [] },
    ])
    huge.sheets[0]!.properties.gridProperties.rowCount = 20_000
    huge.sheets[0]!.cells.set('10500,0', { userEnteredValue: { stringValue: 'cuối' } })
    for (const b of [locked, blank, huge]) fake.books.set(b.spreadsheetId, structuredClone(b))
    const refusal = (id: string, token?: string) =>
      (token ? createApi(token) : Promise.resolve(api))
        .then((a) => checkSpreadsheet(a, { spreadsheetId: id, gid: null }, options))
        .then(
          () => null,
          (e: unknown) => (e instanceof AppError ? [e.code, e.text.vi.slice(0, 30)] : e),
        )
    expect(await refusal(locked.spreadsheetId)).toEqual([
      'sheets/protected',
      'Các ô cần ghi kết quả đang đượ',
    ])
    expect(await refusal(blank.spreadsheetId)).toEqual([
      'sheets/not-annex',
      'Không tìm thấy bảng phụ lục CC',
    ])
    expect(await refusal(huge.spreadsheetId)).toEqual([
      'sheets/too-large',
      'Trang tính quá lớn để kiểm tra',
    ])
    expect(await refusal(locked.spreadsheetId, 'ya29.revoked')).toEqual([
      'sheets/auth',
      'Google từ chối thông tin đăng ',
    ])
    expect(await refusal('1MissingSheetAbcdefghijKLMNO')).toEqual([
      'sheets/not-found',
      'Không mở được bảng tính: kiểm ',
    ])
    expect(fake.books.get(locked.spreadsheetId)).toEqual(locked)
    expect(fake.books.get(blank.spreadsheetId)).toEqual(blank)
  })

  it('finds the sheet by the gid of the link or by --sheet, and says so when it is not there', async () => {
    const api = await createApi()
    const byName = await checkSpreadsheet(
      api,
      { spreadsheetId: ids.par, gid: null },
      { ...options, sheet: 'Phụ lục', write: false },
    )
    expect(byName.read.sheetName).toBe('Phụ lục')
    const gid = byName.read.sheetId
    const byGid = await checkSpreadsheet(
      api,
      parseSheetTarget(
        `https://docs.google.com/spreadsheets/d/${ids.par}/edit?gid=${gid}#gid=${gid}`,
      ),
      { ...options, write: false },
    )
    expect(byGid.report).toEqual(byName.report)
    const missing = await checkSpreadsheet(
      api,
      { spreadsheetId: ids.par, gid: 987654 },
      options,
    ).catch((e: unknown) => e)
    expect(missing).toMatchObject({
      code: 'sheets/sheet-not-found',
      text: { vi: 'Không tìm thấy trang tính được chỉ định trong bảng tính. (gid=987654)' },
    })
  })

  it('honours the column choices remembered in the hidden _cchc sheet, as the other checkers do', async () => {
    const book = createSpreadsheetFromWorkbook(
      '1ColumnsSheetAbcdefghijKLMN',
      'Cột',
      createProblemWorkbook(),
    )
    const plain = await checkSpreadsheet(
      await createApiFor(book),
      { spreadsheetId: book.spreadsheetId, gid: 0 },
      { ...options, write: false },
    )
    expect(plain.report.header?.columns.evidence).toBe('H')
    book.sheets.push(
      createSheetFromSpec(
        { name: '_cchc', rows: [['columns', 'evidence=']], visibility: 'Hidden' },
        777,
        2,
      ),
    )
    fake.books.set(book.spreadsheetId, book)
    const chosen = await checkSpreadsheet(
      await createApi(),
      { spreadsheetId: book.spreadsheetId, gid: 0 },
      { ...options, write: false },
    )
    expect(chosen.read.meta).toEqual({ columns: 'evidence=' })
    expect(chosen.report.header?.columns.evidence).toBeUndefined()
  })

  it('survives a storm of 429 and 503 answers, the POST included, with jittered backoff under a minute', async () => {
    const api = await createApi()
    const waits: number[] = []
    const backoff = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 }
    fake.failNext(429, 429, 503)
    const read = fake.calls.length
    const outcome = await checkSpreadsheet(
      api,
      { spreadsheetId: ids.problem, gid: 0 },
      { ...options, backoff },
    )
    expect(outcome.report.errorCount).toBeGreaterThan(0)
    fake.failNext(429, 500, 429)
    const writes = fake.calls.length
    await checkSpreadsheet(api, { spreadsheetId: ids.problem, gid: 0 }, { ...options, backoff })
    expect(fake.calls.slice(read, writes).map((c) => c.status)).toEqual([429, 429, 503, 200, 200])
    expect(fake.calls.slice(writes).map((c) => [c.method, c.status])).toEqual([
      ['GET', 429],
      ['GET', 500],
      ['GET', 429],
      ['GET', 200],
      ['POST', 200],
    ])
    expect(waits).toEqual([750, 1500, 3000, 750, 1500, 3000])
    fake.failNext(...Array.from({ length: 12 }, () => 429))
    const failure = await checkSpreadsheet(
      api,
      { spreadsheetId: ids.problem, gid: 0 },
      { ...options, backoff: { sleep: async () => {} } },
    ).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('sheets/quota')
    fake.failNext(0)
  })
})

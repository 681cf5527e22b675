import { Script, createContext } from 'node:vm'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../addin/excel/check.ts'
import type { Report } from '../../core/index.ts'
import { buildSheetsAddon, entryFunctions } from '../../scripts/build-sheets-addon.ts'
import { findPlanProfile, readCatalog } from '../../server/province/catalog.ts'
import { checkWorkbook } from '../../server/xlsx/check.ts'
import { noteTag } from '../../core/index.ts'
import { createAppsScriptGlobals, FakeHost } from '../helpers/fake-apps-script.ts'
import { createProblemWorkbook } from '../helpers/fake-annex.ts'
import { createFakeExcel } from '../helpers/fake-excel.ts'
import { createFakeWorkbookFromXlsx } from '../helpers/fake-from-xlsx.ts'
import { readFakeSheets } from '../helpers/fake-from-xlsx.ts'
import {
  createSheetFromSpec,
  createSpreadsheetFromSpecs,
  createSpreadsheetFromWorkbook,
  readExcelLook,
  readSheetLook,
} from '../helpers/fake-sheets/from-grid.ts'
import { bearer, buildFilledWorkbook, createTestService } from '../helpers/service.ts'

const catalog = await readCatalog()
const asOf = '2026-09-14'
let files: Map<string, string>

beforeAll(async () => {
  files = await buildSheetsAddon()
})

type Addon = {
  checkActiveSheet(asOf: string): Report
  clearActiveSheet(): boolean
  fixActiveSheet(asOf: string): { fixed: number; report: Report }
  selectCell(sheet: string, address: string): void
  sendReport(period: string): { id: number; version: number; period: string }
  onOpen(): void
}

/** Runs the built Code.js in a fresh vm context over a fake host, as Apps Script would. */
function loadAddon(
  host: FakeHost,
  ...rest: Parameters<typeof createAppsScriptGlobals> extends [unknown, ...infer R] ? R : never
): Addon {
  const context = createContext({ ...createAppsScriptGlobals(host, ...rest) })
  new Script(files.get('Code.js')!).runInContext(context)
  return context as unknown as Addon
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

describe('Apps Script add-on, built and run in node:vm against a typed fake SpreadsheetApp', () => {
  it('builds one script with top-level entry functions, a Vietnamese sidebar and a minimal V8 manifest', () => {
    const code = files.get('Code.js')!
    for (const name of entryFunctions) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'))
    const manifest = JSON.parse(files.get('appsscript.json')!) as {
      runtimeVersion: string
      oauthScopes: string[]
    }
    expect(manifest.runtimeVersion).toBe('V8')
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
    ])
    const sidebar = files.get('Sidebar.html')!
    for (const label of ['Kiểm tra', 'Sửa tự động', 'Xóa đánh dấu', 'Gửi báo cáo', 'Ngày báo cáo'])
      expect(sidebar).toContain(label)
    expect(sidebar).not.toContain('/* SCRIPT */')
    expect(sidebar).toContain('google.script.run')
  })

  it('a click on "Kiểm tra" marks the annex exactly as the Excel add-in does, with the same report', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const excelOutcome = await excel.run((context) =>
      runCheck(context, {
        asOf,
        file: 'Báo cáo quý 3',
        registry: catalog.registry,
        profileFor: (id) => findPlanProfile(catalog, id),
        notes: true,
      }),
    )
    const host = new FakeHost(
      createSpreadsheetFromWorkbook(
        '1AddonProblemAbcdefghijKLMN',
        'Báo cáo quý 3',
        createProblemWorkbook(),
      ),
    )
    const addon = loadAddon(host)
    const report = copy(addon.checkActiveSheet(asOf))
    expect(report).toEqual(copy(excelOutcome.report))
    expect(readSheetLook(host.book.sheets[0]!, noteTag)).toEqual(
      readExcelLook(excel.model, 'Báo cáo Q3'),
    )
    const check = host.book.sheets.find((s) =>
      s.developerMetadata.some((m) => m.metadataValue === 'check'),
    )!
    expect(check.properties.title).toBe('Kiểm tra')
    const links = [...check.cells.values()]
      .map((c) => c.userEnteredValue?.formulaValue)
      .filter(Boolean)
    expect(links).toContain('=HYPERLINK("#gid=0&range=D5","D5")')
  })

  it('the menu\'s "Kiểm tra" marks the seed annexes exactly as the Excel add-in does', async () => {
    for (const plan of ['dak-lak-2026-par-sipas', 'dak-lak-2026-ke-hoach-cchc']) {
      const bytes = await buildFilledWorkbook(plan)
      const excel = createFakeExcel(await createFakeWorkbookFromXlsx(bytes))
      await excel.run((context) =>
        runCheck(context, {
          asOf,
          registry: catalog.registry,
          profileFor: (id) => findPlanProfile(catalog, id),
          notes: true,
        }),
      )
      const host = new FakeHost(
        createSpreadsheetFromSpecs(
          '1AddonSeedMarksAbcdefghijKL',
          'bao-cao',
          await readFakeSheets(bytes),
        ),
      )
      const addon = loadAddon(host) as Addon & { runCheckFromMenu(): void }
      // The menu checks as of the current period's cut-off; the pane passes the report date.
      addon.checkActiveSheet(asOf)
      const sheet = host.book.sheets.find((s) => s.properties.title === 'Phụ lục')!
      const look = readSheetLook(sheet, noteTag)
      // The template leaves "Edit objects" allowed (no objects="1" in its sheetProtection), so
      // Excel writes the same notes as Sheets.
      expect(readExcelLook(excel.model, 'Phụ lục').some(([, , , n]) => n !== null)).toBe(true)
      expect(look).toEqual(readExcelLook(excel.model, 'Phụ lục'))
      expect(look.filter(([, , f, n]) => n !== null && f === null)).toEqual([])
      expect(look.filter(([, v]) => v === 'Hoàn thành đúng hạn').length).toBeGreaterThan(5)
      addon.runCheckFromMenu()
      expect(host.toasts.at(-1)).toMatch(/^Đã kiểm tra \d+ nhiệm vụ: \d+ lỗi, \d+ cảnh báo\./)
    }
  })

  it('honours the column choices remembered in the hidden _cchc sheet', () => {
    const book = createSpreadsheetFromWorkbook(
      '1AddonColumnsAbcdefghijKLMN',
      'x',
      createProblemWorkbook(),
    )
    book.sheets.push(
      createSheetFromSpec(
        { name: '_cchc', rows: [['columns', 'evidence=']], visibility: 'Hidden' },
        777,
        2,
      ),
    )
    const report = loadAddon(new FakeHost(book)).checkActiveSheet(asOf)
    expect(report.header?.columns.evidence).toBeUndefined()
    expect(report.header?.columns.deadline).toBe('D')
  })

  it('makes a constant number of bulk calls whatever the table size', () => {
    const callsFor = (extraRows: number) => {
      const host = new FakeHost(
        createSpreadsheetFromWorkbook(
          '1AddonSizeAbcdefghijKLMNOPQ',
          'x',
          createProblemWorkbook(extraRows),
        ),
      )
      loadAddon(host).checkActiveSheet(asOf)
      return Object.fromEntries(host.calls)
    }
    const small = callsFor(0)
    expect(callsFor(400)).toEqual(small)
    // Reads: one of each; writes: one per computed column and property, plus the two sheets of ours
    // (the "Kiểm tra" sheet's five bold rows and six column widths, its code column hidden).
    expect(small).toEqual({
      findDeveloperMetadata: 1,
      getValues: 1,
      getFormulas: 1,
      getNumberFormats: 1,
      getMergedRanges: 1,
      getBackgrounds: 1,
      getNotes: 1,
      setValues: 5,
      setBackgrounds: 2,
      setNotes: 1,
      setFontWeight: 6,
      insertSheet: 2,
      addDeveloperMetadata: 2,
      setRichTextValues: 1,
      setColumnWidth: 6,
      hideColumns: 1,
    })
  })

  it('re-checking replaces the marks; "Xóa đánh dấu" restores the sheet exactly', () => {
    const original = createSpreadsheetFromWorkbook(
      '1AddonClearAbcdefghijKLMNOP',
      'x',
      createProblemWorkbook(),
    )
    const host = new FakeHost(structuredClone(original))
    const addon = loadAddon(host)
    addon.checkActiveSheet(asOf)
    const once = readSheetLook(host.book.sheets[0]!)
    host.active = host.book.sheets.find(
      (s) => s.properties.title === 'Kiểm tra',
    )!.properties.sheetId
    addon.checkActiveSheet(asOf)
    expect(readSheetLook(host.book.sheets[0]!)).toEqual(once)
    expect(host.book.sheets.map((s) => s.properties.title)).toEqual([
      'Báo cáo Q3',
      'Ghi chú',
      'Kiểm tra',
      '_cchc_marks',
    ])
    expect(addon.clearActiveSheet()).toBe(true)
    expect(host.book.sheets.map((s) => s.properties.title)).toEqual(['Báo cáo Q3', 'Ghi chú'])
    expect(readSheetLook(host.book.sheets[0]!)).toEqual(readSheetLook(original.sheets[0]!))
    expect(addon.clearActiveSheet()).toBe(false)
  })

  it("gives `cchc validate`'s report for the seed annexes, reading dates in the spreadsheet's time zone", async () => {
    for (const plan of ['dak-lak-2026-par-sipas', 'dak-lak-2026-ke-hoach-cchc']) {
      const bytes = await buildFilledWorkbook(plan)
      const cli = await checkWorkbook(bytes, {
        asOf,
        file: 'bao-cao',
        registry: catalog.registry,
        profileFor: (id) => findPlanProfile(catalog, id),
      })
      for (const timeZone of ['Asia/Ho_Chi_Minh', 'America/Los_Angeles']) {
        const book = createSpreadsheetFromSpecs(
          '1AddonSeedAbcdefghijKLMNOPQ',
          'bao-cao',
          await readFakeSheets(bytes),
        )
        book.properties.timeZone = timeZone
        const host = new FakeHost(book)
        expect(copy(loadAddon(host).checkActiveSheet(asOf))).toEqual(copy(cli.report))
      }
    }
  })

  it('reads a date shown as its month (M/yyyy) as `cchc validate` does', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Theo dõi')
    sheet.addRow(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'])
    sheet.addRow(['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn hoàn thành'])
    sheet.addRow([1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', new Date(Date.UTC(2026, 3, 1))])
    sheet.getCell('D3').numFmt = 'mm/yyyy'
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const cli = checkWorkbook(bytes, { asOf, file: 'theo-doi', registry: catalog.registry })
    const book = createSpreadsheetFromSpecs(
      '1AddonMonthAbcdefghijKLMNOP',
      'theo-doi',
      await readFakeSheets(bytes),
    )
    const report = copy(loadAddon(new FakeHost(book)).checkActiveSheet(asOf))
    expect(report.tasks[0]).toMatchObject({
      deadlineText: '04/2026',
      deadline: { due: '2026-04-30' },
    })
    expect(report).toEqual(copy(cli.report))
  })

  it('fixes, selects a problem cell, builds its menu, and sends the table the sync service accepts', async () => {
    const host = new FakeHost(
      createSpreadsheetFromWorkbook(
        '1AddonSendAbcdefghijKLMNOPQ',
        'Báo cáo quý 3',
        createProblemWorkbook(),
      ),
    )
    const sent: { url: string; options: Record<string, unknown> }[] = []
    const properties = new Map([
      ['cchc.server', 'https://cchc.example.gov.vn'],
      ['cchc.token', 'cchc_agency-token'],
    ])
    const addon = loadAddon(host, properties, (url, options) => {
      sent.push({ url, options })
      return {
        code: 201,
        body: JSON.stringify({ id: 7, version: 1, submittedAt: '2026-09-15T03:00:00.000Z' }),
      }
    })
    addon.onOpen()
    expect(host.toasts).toContain('menu:runCheckFromMenu,showSidebar,runClearFromMenu')
    const { fixed, report } = addon.fixActiveSheet(asOf)
    expect(fixed).toBe(2)
    expect(report.issues.map((i) => i.code)).not.toContain('cell/html-markup')
    expect(host.book.sheets[0]!.cells.get('5,1')!.userEnteredValue).toEqual({
      stringValue: 'Cập nhật văn bản',
    })
    addon.selectCell('Báo cáo Q3', 'D5')
    expect(host.selection).toEqual({ sheet: 'Báo cáo Q3', address: 'D5:D5' })
    expect(addon.sendReport('Quý III/2026')).toEqual({
      id: 7,
      version: 1,
      period: '2026-Q3',
      submittedAt: '2026-09-15T03:00:00.000Z',
    })
    expect(sent[0]!.url).toBe('https://cchc.example.gov.vn/api/submissions')
    expect((sent[0]!.options.headers as Record<string, string>).Authorization).toBe(
      'Bearer cchc_agency-token',
    )
    const service = await createTestService()
    const response = await service.app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(service.agencyToken('so-noi-vu')), 'Content-Type': 'application/json' },
      body: sent[0]!.options.payload as string,
    })
    expect(response.status).toBe(201)
    const stored = (await response.json()) as { report: Report; version: number }
    expect(stored.report.summary).toEqual(addon.checkActiveSheet('2026-09-14').summary)
  })
})

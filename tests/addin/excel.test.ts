import { describe, expect, it } from 'vitest'
import {
  runCheck,
  runClear,
  runFixes,
  selectCell,
  type CheckOptions,
} from '../../addin/excel/check.ts'
import { checkSheetName, marksSheetName } from '../../core/index.ts'
import { findPlanProfile, readCatalog } from '../../server/province/catalog.ts'
import { checkWorkbook } from '../../server/xlsx/check.ts'
import {
  createFakeExcel,
  FakeContext,
  readFakeValue,
  type FakeWorkbook,
} from '../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../helpers/fake-annex.ts'
import { createFakeWorkbookFromXlsx } from '../helpers/fake-from-xlsx.ts'
import { buildFilledWorkbook } from '../helpers/service.ts'

const catalog = await readCatalog()
const asOf = '2026-09-14'
const options: CheckOptions = {
  asOf,
  file: 'bao-cao.xlsx',
  registry: catalog.registry,
  profileFor: (id) => findPlanProfile(catalog, id),
  notes: true,
}

function snapshot(model: FakeWorkbook) {
  const sorted = <T extends [string, ...unknown[]]>(entries: T[]) =>
    entries.sort((a, b) => a[0].localeCompare(b[0]))
  return [...model.sheets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      notes: sorted([...s.notes]),
      cells: sorted(
        [...s.cells]
          .filter(() => s.name !== marksSheetName)
          .filter(([, c]) => c.value !== '' || c.fill)
          .map(([a, c]): [string, unknown, unknown] => [a, c.value, c.fill]),
      ),
    }))
}

describe('Office.js adapter against the fake Excel host', () => {
  it('gives the same report as `cchc validate` for the seed annexes', async () => {
    for (const plan of ['dak-lak-2026-par-sipas', 'dak-lak-2026-ke-hoach-cchc']) {
      const bytes = await buildFilledWorkbook(plan)
      const cli = await checkWorkbook(bytes, {
        asOf,
        file: 'bao-cao.xlsx',
        registry: catalog.registry,
        profileFor: (id) => findPlanProfile(catalog, id),
      })
      const excel = createFakeExcel(await createFakeWorkbookFromXlsx(bytes))
      const { report } = await excel.run((context) => runCheck(context, options))
      expect(report).toEqual(cli.report)
    }
  })

  it('marks the sheet: statuses, scores, problem fills and notes, a "Kiểm tra" sheet, a hidden record', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { report, syncs } = await excel.run((context) => runCheck(context, options))
    expect(syncs).toBeLessThanOrEqual(4)
    const sheet = excel.model.sheets[0]!
    expect(['I3', 'J3', 'K3'].map((a) => readFakeValue(sheet, a))).toEqual([
      'Trạng thái',
      'Điểm',
      'Kết quả kiểm tra',
    ])
    expect(['I4', 'I5', 'I6', 'I7'].map((a) => readFakeValue(sheet, a))).toEqual([
      'Hoàn thành đúng hạn',
      'Chưa xác định',
      'Hoàn thành đúng hạn',
      'Quá hạn',
    ])
    expect(readFakeValue(sheet, 'K5')).toBe('1 lỗi, 0 cảnh báo')
    expect(sheet.cells.get('D5')!.fill).toBe('#FFC7CE')
    expect(sheet.notes.get('D5')).toContain('Không hiểu được thời hạn “Tháng 13/2026”')
    expect(sheet.cells.get('I7')!.fill).toBe('#FFC7CE')
    const check = excel.model.sheets.find((s) => s.name === checkSheetName)!
    const codes = [...check.cells.values()].map((c) => c.value)
    expect(codes).toEqual(
      expect.arrayContaining(['cell/invalid-deadline', 'cell/html-markup', 'cell/legacy-encoding']),
    )
    expect([...check.cells.values()].some((c) => c.hyperlink === "'Báo cáo Q3'!D5")).toBe(true)
    expect(excel.model.sheets.find((s) => s.name === marksSheetName)!.visibility).toBe('VeryHidden')
    expect(report.errorCount).toBeGreaterThan(0)
  })

  it('re-running replaces the marks, and clearing restores the original look', async () => {
    const model = createProblemWorkbook()
    const original = snapshot(model)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    const once = snapshot(model)
    await excel.run((context) => runCheck(context, options))
    expect(snapshot(model)).toEqual(once)
    const { cleared } = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared).toBe(true)
    expect(snapshot(model)).toEqual(original)
    expect(model.sheets[0]!.cells.get('B4')!.fill).toBe('#00B0F0')
  })

  it('applies the safe automatic fixes (HTML, TCVN3) to the cells', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { report } = await excel.run((context) => runCheck(context, options))
    const fixed = await excel.run((context) => runFixes(context, report))
    expect(fixed).toEqual({ applied: 2, manual: [], stale: [] })
    const sheet = excel.model.sheets[0]!
    expect([readFakeValue(sheet, 'B6'), readFakeValue(sheet, 'C6')]).toEqual([
      'Cập nhật văn bản',
      'Sở Nội vụ',
    ])
    const again = await excel.run((context) => runCheck(context, options))
    expect(again.report.issues.filter((i) => i.row === 6).map((i) => i.code)).not.toContain(
      'cell/legacy-encoding',
    )
  })

  it.each([50, 2000])(
    'checks %i rows in at most 4 round trips, each request under 5 MB',
    async (rows) => {
      const excel = createFakeExcel(createProblemWorkbook(rows - 4))
      const { report, syncs } = await excel.run((context) => runCheck(context, options))
      expect(report.summary.tasks).toBe(rows)
      expect(syncs).toBeLessThanOrEqual(4)
      expect(excel.counter.largestRequest).toBeLessThan(5 * 1024 * 1024)
      const rerun = await excel.run((context) => runCheck(context, options))
      expect(rerun.syncs).toBeLessThanOrEqual(4)
    },
  )

  it(
    'splits the writes of a huge, problem-ridden sheet into requests under 5 MB',
    { timeout: 60_000 },
    async () => {
      const excel = createFakeExcel(createProblemWorkbook(6_000, true))
      const { report, syncs } = await excel.run((context) => runCheck(context, options))
      expect(report.errorCount).toBeGreaterThan(6_000)
      expect(excel.counter.largestRequest).toBeLessThan(5 * 1024 * 1024)
      expect(syncs).toBeGreaterThan(3)
      expect(excel.model.sheets[0]!.notes.size).toBeGreaterThan(6_000)
    },
  )

  it('without the notes API marks problems with fills only', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { syncs } = await excel.run((context) => runCheck(context, { ...options, notes: false }))
    expect(syncs).toBeLessThanOrEqual(4)
    expect(excel.model.sheets[0]!.notes.size).toBe(0)
    expect(excel.model.sheets[0]!.cells.get('D5')!.fill).toBe('#FFC7CE')
  })

  it('selects a problem cell from the list', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    await excel.run((context) => selectCell(context, 'Báo cáo Q3', 'D5'))
    expect(excel.model.selection).toEqual({ sheet: 'Báo cáo Q3', address: 'D5' })
  })
})

describe('the fake host is faithful where it matters', () => {
  it('throws when a property is read before load() and sync()', async () => {
    const context = new FakeContext(createProblemWorkbook())
    const range = context.workbook.worksheets.getActiveWorksheet().getRange('A3:B4')
    expect(() => range.values).toThrow(/PropertyNotLoaded/)
    range.load('values')
    expect(() => range.values).toThrow(/PropertyNotLoaded/)
    await context.sync()
    expect(range.values).toEqual([
      ['STT', 'Nội dung'],
      [1, 'Tổ chức 02 cuộc đối thoại'],
    ])
  })

  it('refuses a request over 5 MB and values that do not fit the range', async () => {
    const context = new FakeContext(createProblemWorkbook())
    const sheet = context.workbook.worksheets.getActiveWorksheet()
    sheet.getRange('A1:A2').values = [['x']]
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/)
    for (let i = 0; i < 200; i++) sheet.getRange(`Z${i + 1}`).values = [['x'.repeat(30_000)]]
    await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/)
  })

  it('answers *OrNullObject for missing sheets and notes', async () => {
    const context = new FakeContext(createProblemWorkbook())
    const missing = context.workbook.worksheets.getItemOrNullObject('Không có')
    missing.load('name')
    const note = context.workbook.worksheets.getActiveWorksheet().notes.getItemOrNullObject('A1')
    note.load('content')
    await context.sync()
    expect([missing.isNullObject, note.isNullObject]).toEqual([true, true])
  })
})

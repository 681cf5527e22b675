import { describe, expect, it } from 'vitest'
import { runCheck, runClear, type CheckOptions } from '../../../addin/excel/check.ts'
import { describeExcelError } from '../../../addin/excel/errors.ts'
import { marksSheetName } from '../../../core/index.ts'
import { findPlanProfile, readCatalog } from '../../../server/province/catalog.ts'
import {
  copyFakeSheet,
  createFakeExcel,
  createFakeWorkbook,
  deleteFakeRows,
  insertFakeRows,
  resaveFakeWorkbook,
  typeFakeCell,
  type FakeWorkbook,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { viewFakeWorkbook, viewSheet } from '../../helpers/fake-excel-view.ts'

const catalog = await readCatalog()
const options: CheckOptions = {
  asOf: '2026-09-14',
  registry: catalog.registry,
  profileFor: (id) => findPlanProfile(catalog, id),
  notes: true,
}

/** What the clerk does by hand after reading the marks: the HTML and the TCVN3 text of row 6. */
function correctByHand(model: FakeWorkbook, sheet = 0) {
  typeFakeCell(model.sheets[sheet]!, 'B6', 'Cập nhật văn bản')
  typeFakeCell(model.sheets[sheet]!, 'C6', 'Sở Nội vụ')
  typeFakeCell(model.sheets[sheet]!, 'D5', 'Quý IV/2026')
}

describe('the check–fix–check loop never locks the user out', () => {
  it('check → correct by hand → check → clear gives back the corrected table, unmarked', async () => {
    const model = createProblemWorkbook()
    const expected = createProblemWorkbook()
    correctByHand(expected)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    correctByHand(model)
    const again = await excel.run((context) => runCheck(context, options))
    const corrected = ['B6', 'C6', 'D5']
    expect(again.report.issues.filter((i) => corrected.includes(`${i.column}${i.row}`))).toEqual([])
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared).toMatchObject({ cleared: true, unrestored: [] })
    expect(viewFakeWorkbook(model)).toEqual(viewFakeWorkbook(expected))
  })

  it('after a task is inserted and the tasks below renumbered, check and clear still work', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    const edit = (m: FakeWorkbook) => {
      const sheet = m.sheets[0]!
      insertFakeRows(sheet, 6, 1)
      for (const [a, v] of Object.entries({
        A6: 3,
        B6: 'Rà soát thủ tục hành chính',
        C6: 'Sở Tư pháp',
        D6: 'Quý IV/2026',
        E6: 'Đang thực hiện',
        A7: 4,
        A8: 5,
      }))
        typeFakeCell(sheet, a, v)
    }
    edit(model)
    const expected = createProblemWorkbook()
    edit(expected)
    await excel.run((context) => runCheck(context, options))
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared).toMatchObject({ cleared: true, unrestored: [] })
    // "Format Same As Above": the new row 6 took row 5's marks; they are the user's cells now.
    const row6 = (view: ReturnType<typeof viewFakeWorkbook>) =>
      viewSheet(view, 'Báo cáo Q3')!.cells.filter(([a]) => !/^[A-Z]+6$/.test(a))
    expect(row6(viewFakeWorkbook(model))).toEqual(row6(viewFakeWorkbook(expected)))
    expect(model.sheets.map((s) => s.name)).toEqual(['Báo cáo Q3', 'Ghi chú'])
  })

  it('a deleted marked row is reported, never a reason to refuse; the rest is restored', async () => {
    const model = createProblemWorkbook()
    const expected = createProblemWorkbook()
    deleteFakeRows(expected.sheets[0]!, 5, 1)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    deleteFakeRows(model.sheets[0]!, 5, 1)
    const again = await excel.run((context) => runCheck(context, options))
    expect(again.report.summary.tasks).toBe(3)
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared.cleared).toBe(true)
    expect(viewFakeWorkbook(model)).toEqual(viewFakeWorkbook(expected))
  })

  it('finds its marks after another program saved the file (new sheet ids)', async () => {
    const model = createProblemWorkbook()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    resaveFakeWorkbook(model)
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared.cleared).toBe(true)
    expect(viewFakeWorkbook(model)).toEqual(original)
  })
})

describe('one record per checked sheet', () => {
  function createTwoAnnexes(): FakeWorkbook {
    const first = createProblemWorkbook()
    const second = createProblemWorkbook()
    const annex = second.sheets[0]!
    annex.name = 'Quý 4'
    annex.id = '{00000000-0000-4000-8000-0000000000aa}'
    first.sheets.push(annex)
    return first
  }

  it('a second annex has its own marks; clearing one leaves the other', async () => {
    const model = createTwoAnnexes()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    const firstMarked = viewSheet(viewFakeWorkbook(model), 'Báo cáo Q3')
    model.active = 'Quý 4'
    await excel.run((context) => runCheck(context, options))
    expect(viewSheet(viewFakeWorkbook(model), 'Báo cáo Q3')).toEqual(firstMarked)
    await excel.run((context) => runClear(context, { notes: true }))
    expect(viewSheet(viewFakeWorkbook(model), 'Quý 4')).toEqual(viewSheet(original, 'Quý 4'))
    expect(viewSheet(viewFakeWorkbook(model), 'Báo cáo Q3')).toEqual(firstMarked)
    model.active = 'Báo cáo Q3'
    await excel.run((context) => runClear(context, { notes: true }))
    expect(viewFakeWorkbook(model)).toEqual(original)
  })

  it('a copy of a marked sheet gets its own record, so its marks can be cleared too', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    copyFakeSheet(model, 'Báo cáo Q3', 'Báo cáo Q3 (2)')
    model.active = 'Báo cáo Q3 (2)'
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared.cleared).toBe(true)
    const original = viewSheet(viewFakeWorkbook(createProblemWorkbook()), 'Báo cáo Q3')!
    expect(viewSheet(viewFakeWorkbook(model), 'Báo cáo Q3 (2)')!.cells).toEqual(original.cells)
    expect(model.sheets.find((s) => s.name === 'Báo cáo Q3 (2)')!.notes.size).toBe(0)
    model.active = 'Báo cáo Q3'
    await excel.run((context) => runClear(context, { notes: true }))
    expect(viewSheet(viewFakeWorkbook(model), 'Báo cáo Q3')!.cells).toEqual(original.cells)
  })

  it('never reads its own "Kiểm tra" sheet as an annex: refuses before touching anything', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    model.active = 'Kiểm tra'
    const before = viewFakeWorkbook(model)
    const error = await excel.run((context) => runCheck(context, options)).catch((e) => e)
    expect(describeExcelError(error).vi).toContain('trang kết quả')
    expect(describeExcelError(error).vi).toContain('Báo cáo Q3')
    expect(viewFakeWorkbook(model)).toEqual(before)
  })

  it('refuses, before touching anything, a sheet without a table (the other sheet keeps its marks)', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    model.active = 'Ghi chú'
    const before = viewFakeWorkbook(model)
    const error = await excel.run((context) => runCheck(context, options)).catch((e) => e)
    expect(describeExcelError(error).vi).toContain('Không tìm thấy bảng phụ lục')
    expect(viewFakeWorkbook(model)).toEqual(before)
    model.active = 'Báo cáo Q3'
    await excel.run((context) => runClear(context, { notes: true }))
    expect(viewFakeWorkbook(model)).toEqual(viewFakeWorkbook(createProblemWorkbook()))
  })

  it('"Xóa dấu kiểm tra" removes the add-in’s sheets and columns even when its record is unreadable', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    const marks = model.sheets.find((s) => s.name === marksSheetName)!
    marks.cells.get('A1')!.value = '{"version": 3, "records": [hỏng'
    expect((await excel.run((context) => runClear(context, { notes: true }))).cleared).toBe(false)
    const forgot = await excel.run((context) => runClear(context, { notes: true, forget: true }))
    expect(forgot.cleared).toBe(true)
    expect(model.sheets.map((s) => s.name)).toEqual(['Báo cáo Q3', 'Ghi chú'])
  })
})

describe('the record stays within Excel on the web’s limits', () => {
  it(
    'a 10,500-row sheet with a problem on every row: re-checked with every response under 4 MB',
    { timeout: 120_000 },
    async () => {
      const excel = createFakeExcel(createProblemWorkbook(10_496, true))
      await excel.run((context) => runCheck(context, options))
      const again = await excel.run((context) => runCheck(context, options))
      expect(again.report.summary.tasks).toBe(10_500)
      expect(excel.counter.largestResponse).toBeLessThan(4 * 1024 * 1024)
      expect(excel.counter.largestRequest).toBeLessThan(4 * 1024 * 1024)
      const cleared = await excel.run((context) => runClear(context, { notes: true }))
      expect(cleared).toMatchObject({ cleared: true, unrestored: [] })
      expect(excel.model.sheets[0]!.notes.size).toBe(0)
    },
  )
})

describe('a workbook without marks', () => {
  it('has nothing to clear', async () => {
    const model = createFakeWorkbook([{ name: 'Trang 1', rows: [['Ghi chú']] }])
    const excel = createFakeExcel(model)
    expect((await excel.run((context) => runClear(context, { notes: true }))).cleared).toBe(false)
  })
})

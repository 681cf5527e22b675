import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../addin/excel/check.ts'
import { describeExcelError, readErrorCode } from '../../../addin/excel/errors.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import {
  createFakeExcel,
  createFakeWorkbook,
  createProtection,
  FakeContext,
  mergedAreasLimit,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook, createWideWorkbook } from '../../helpers/fake-annex.ts'
import { createFakeWorkbookFromXlsx } from '../../helpers/fake-from-xlsx.ts'
import { viewFakeWorkbook } from '../../helpers/fake-excel-view.ts'
import { readPlanAppendixRows } from '../../../scripts/seeds.ts'

const bullet = readPlanAppendixRows()
  .flat()
  .find((c) => c.startsWith('- '))!

describe('reading real sheets within Excel’s documented limits', () => {
  it('reads a sheet with more merged areas than one call returns (512), all of them', async () => {
    const rows = 700
    const model = createFakeWorkbook([
      {
        name: 'Phụ lục',
        rows: [
          ['PHỤ LỤC NHIỆM VỤ CCHC NĂM 2026'],
          ['STT', 'Nội dung, nhiệm vụ', '', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
          ...Array.from({ length: rows }, (_, i) => [
            i + 1,
            `${bullet} ${i + 1}`,
            '',
            'Sở Nội vụ',
            'Quý IV/2026',
          ]),
        ],
        // Content merged over two columns on every row, as many agencies lay out their tables.
        merges: [
          'A1:E1',
          'B2:C2',
          ...Array.from({ length: rows }, (_, i) => `B${i + 3}:C${i + 3}`),
        ],
      },
    ])
    expect(rows + 2).toBeGreaterThan(mergedAreasLimit)
    const excel = createFakeExcel(model)
    const { report, read } = await excel.run((context) =>
      runCheck(context, { asOf: '2026-09-14', notes: true }),
    )
    expect(read.grid.merges).toHaveLength(rows + 2)
    expect(report.summary.tasks).toBe(rows)
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a big sheet in row blocks, each response under the limit, with progress', async () => {
    const excel = createFakeExcel(createWideWorkbook(6_000, bullet, false))
    const seen: number[] = []
    const { report } = await excel.run((context) =>
      runCheck(context, {
        asOf: '2026-09-14',
        notes: true,
        onProgress: (p) => p.phase === 'read' && seen.push(p.done),
      }),
    )
    expect(report.summary.tasks).toBe(6_000)
    expect(seen.length).toBeGreaterThan(1)
    expect(excel.counter.largestResponse).toBeLessThan(4 * 1024 * 1024)
  })
})

describe('dates in the 1904 date system', () => {
  /** An agency workbook saved with the 1904 date system (Excel for Mac's old default). */
  async function build1904(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook()
    ;(wb.properties as { date1904?: boolean }).date1904 = true
    const ws = wb.addWorksheet('Báo cáo')
    ws.addRow(['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'])
    ws.addRow(['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', 'Ngày hoàn thành'])
    ws.addRow([1, bullet, 'Sở Nội vụ', 'Quý II/2026', 'Đã hoàn thành', new Date('2026-06-20')])
    ws.addRow([2, 'Báo cáo quý', 'Sở Nội vụ', 'Quý I/2026', 'Hoàn thành', new Date('2026-04-02')])
    for (const cell of ['F3', 'F4']) ws.getCell(cell).numFmt = 'dd/mm/yyyy'
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }

  it('reads every date as `cchc validate` does (not four years early)', async () => {
    const bytes = await build1904()
    const model = await createFakeWorkbookFromXlsx(bytes)
    expect(model.date1904).toBe(true)
    const cli = checkWorkbook(bytes, { asOf: '2026-09-14', file: 'bao-cao.xlsx' })
    const excel = createFakeExcel(model)
    const { report, read } = await excel.run((context) =>
      runCheck(context, { asOf: '2026-09-14', file: 'bao-cao.xlsx', notes: true }),
    )
    expect(read.grid.cells[2]![5]).toEqual({ date: '2026-06-20' })
    expect(report).toEqual(cli.report)
    expect(report.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-late'])
  })
})

describe('Excel’s errors are told apart by their code', () => {
  it.each([
    ['the first round trip', 0],
    ['a block of rows', 1],
  ])(
    'a genuine GeneralException in %s is reported as one, never taken for the merged-area limit',
    async (_, after) => {
      const model = createProblemWorkbook()
      const before = viewFakeWorkbook(model)
      model.failNextSync = {
        code: 'GeneralException',
        message: 'There was an internal error while processing the request.',
        after,
        times: 50,
      }
      const excel = createFakeExcel(model)
      const error = await excel
        .run((context) => runCheck(context, { asOf: '2026-09-14', notes: true }))
        .catch((e) => e)
      expect(readErrorCode(error)).toBe('GeneralException')
      expect(describeExcelError(error).vi).toContain('lỗi nội bộ')
      expect(viewFakeWorkbook(model)).toEqual(before)
    },
  )
})

describe('the fake host follows the documented rules', () => {
  it('null objects propagate through chained calls: loads give null, writes fail', async () => {
    const context = new FakeContext(createWideWorkbook(3, bullet, false))
    const missing = context.workbook.worksheets.getItemOrNullObject('Trang đã đổi tên')
    const range = missing.getRange('A1')
    range.load('values')
    await context.sync()
    expect(range.isNullObject).toBe(true)
    missing.getRange('A1').values = [[bullet]]
    await expect(context.sync()).rejects.toThrow(/ItemNotFound/)
  })

  it('text starting "=", "+" or "-" becomes a formula unless the cell is text ("@")', async () => {
    const context = new FakeContext(createWideWorkbook(3, bullet, false))
    const sheet = context.workbook.worksheets.getActiveWorksheet()
    sheet.getRange('X1:X3').values = [[bullet], ['+84 262 3852 000'], ['-5']]
    sheet.getRange('Y1').numberFormat = [['@']]
    sheet.getRange('Y1').values = [[bullet]]
    await context.sync()
    const cells = context.model.sheets[0]!.cells
    expect(['X1', 'X2', 'X3', 'Y1'].map((a) => cells.get(a)!.value)).toEqual([
      '#NAME?',
      '#NAME?',
      -5,
      bullet,
    ])
  })

  it('a protected sheet refuses locked cells (AccessDenied) and keeps what ran before', async () => {
    const model = createWideWorkbook(3, bullet, false)
    model.sheets[0]!.protection = createProtection({ allowFormatCells: true })
    model.sheets[0]!.cells.get('E4')!.locked = false
    const context = new FakeContext(model)
    const sheet = context.workbook.worksheets.getActiveWorksheet()
    sheet.getRange('E4').values = [['Đã hoàn thành']]
    sheet.getRange('B4').values = [['Sửa nội dung']]
    await expect(context.sync()).rejects.toThrow(/AccessDenied/)
    expect(model.sheets[0]!.cells.get('E4')!.value).toBe('Đã hoàn thành')
    sheet.getRange('E4').clear()
    await context.sync()
    expect(model.sheets[0]!.cells.get('E4')!.locked).toBe(true)
  })
})

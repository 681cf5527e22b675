import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../addin/excel/check.ts'
import {
  createFakeExcel,
  createFakeWorkbook,
  FakeContext,
  mergedAreasLimit,
} from '../../helpers/fake-excel.ts'
import { createWideWorkbook } from '../../helpers/fake-annex.ts'
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
    model.sheets[0]!.protection = {
      protected: true,
      allowFormatCells: true,
      allowEditObjects: false,
    }
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

import { describe, expect, it } from 'vitest'
import { runCheck, runClear, runFixes, type CheckOptions } from '../../../addin/excel/check.ts'
import { describeExcelError } from '../../../addin/excel/errors.ts'
import { needsTextPrefix, openAccess, readSheetAccess } from '../../../addin/excel/protection.ts'
import {
  createFakeExcel,
  createFakeWorkbook,
  createProtection,
  protectFakeSheet,
  readFakeValue,
  type FakeWorkbook,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { findFormulaCells, viewFakeWorkbook } from '../../helpers/fake-excel-view.ts'

const options: CheckOptions = { asOf: '2026-09-14', notes: true }

/**
 * An agency's own form, protected with Excel's default options (Review → Protect Sheet → OK): the
 * progress columns and its own "Trạng thái" column unlocked for input, everything else locked; no
 * formatting, no column widths, no objects. Its "Trạng thái" cells hold text a "- " bullet starts.
 */
function createAgencyForm(): FakeWorkbook {
  const model = createFakeWorkbook([
    {
      name: 'Biểu 01',
      rows: [
        ['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'],
        ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ thực hiện', 'Trạng thái'],
        [1, '<p>Cập nhật văn bản</p>', 'Sở Nội vụ', 'Quý IV/2026', 'Đang thực hiện', '- đang làm'],
        [2, 'Rà soát thủ tục', 'Sở Tư pháp', 'Tháng 13/2026', 'Chưa thực hiện', '- chưa làm'],
        [3, 'Báo cáo quý', 'Sở Nội vụ', 'Quý I/2026', 'Hoàn thành', '+ xong'],
      ],
      unlocked: ['E3', 'E4', 'E5', 'F3', 'F4', 'F5', 'B3'],
    },
  ])
  protectFakeSheet(model.sheets[0]!)
  return model
}

describe('protection as Excel defines it', () => {
  it('checks a sheet protected with Excel’s default options: values only where unlocked, text kept as text', async () => {
    const model = createAgencyForm()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model)
    const outcome = await excel.run((context) => runCheck(context, options))
    expect(outcome.report.errorCount).toBeGreaterThan(0)
    const sheet = model.sheets[0]!
    expect(['F3', 'F4', 'F5'].map((a) => readFakeValue(sheet, a))).toEqual([
      'Đang thực hiện',
      'Chưa xác định',
      'Hoàn thành đúng hạn',
    ])
    // No formats could change: no fills, no "@", no widths; the locked added columns stay empty.
    expect([...sheet.cells.values()].filter((c) => c.fill || c.format !== 'General')).toEqual([])
    expect(outcome.skipped.length).toBeGreaterThan(0)
    expect(findFormulaCells(model)).toEqual([])
    await excel.run((context) => runCheck(context, options))
    await excel.run((context) => runClear(context, { notes: true }))
    expect(findFormulaCells(model)).toEqual([])
    expect(viewFakeWorkbook(model)).toEqual(original)
  })

  it('fixes unlocked cells of a default-protected sheet as text, and lists the locked ones', async () => {
    const model = createAgencyForm()
    model.sheets[0]!.cells.get('C4')!.value = 'Së Néi vô'
    const excel = createFakeExcel(model)
    const { report, read } = await excel.run((context) => runCheck(context, options))
    const fixed = await excel.run((context) => runFixes(context, report, read.sheetId))
    expect(fixed).toEqual({
      applied: 1,
      manual: [{ address: 'C4', value: 'Sở Nội vụ' }],
      stale: [],
    })
    expect(readFakeValue(model.sheets[0]!, 'B3')).toBe('Cập nhật văn bản')
  })

  it('names workbook structure protection and changes nothing', async () => {
    const model = createProblemWorkbook()
    model.structureProtected = true
    const before = viewFakeWorkbook(model)
    const excel = createFakeExcel(model)
    const error = await excel.run((context) => runCheck(context, options)).catch((e) => e)
    expect(describeExcelError(error).vi).toContain('Cấu trúc sổ làm việc đang được bảo vệ')
    expect(viewFakeWorkbook(model)).toEqual(before)
  })
})

describe('what protection allows, and text that needs its apostrophe', () => {
  it('reads Excel’s options: the defaults allow no formats, widths or objects', () => {
    const { protected: on, ...options } = createProtection()
    expect(readSheetAccess({ protected: on, options })).toEqual({
      protected: true,
      formatCells: false,
      formatColumns: false,
      editObjects: false,
    })
    expect(readSheetAccess({ protected: false, options: {} })).toEqual(openAccess)
  })

  it.each([
    ['- đang làm', true],
    ['+84 262 3852 000', true],
    ['=SUM(A1)', true],
    ["'giữ dấu nháy", true],
    ['@ghi chú', true],
    ['02', true],
    ['1.1', true],
    ['15/03/2026', true],
    ['95,5%', true],
    ['TRUE', true],
    ['Hoàn thành đúng hạn', false],
    ['1 lỗi, 0 cảnh báo', false],
    ['Quý IV/2026', false],
  ])('"%s" needs an apostrophe where "@" cannot be set: %s', (text, expected) => {
    expect(needsTextPrefix(text)).toBe(expected)
  })
})

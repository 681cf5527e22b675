import { describe, expect, it } from 'vitest'
import { runCheck, runFixes, type CheckOptions } from '../../../addin/excel/check.ts'
import {
  createFakeExcel,
  insertFakeRows,
  readFakeValue,
  typeFakeCell,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'

const options: CheckOptions = { asOf: '2026-09-14', notes: true }

describe('"Sửa tự động" writes a fix only where the cell still holds the text it was computed from', () => {
  it('leaves a cell the clerk corrected by hand since the check, and lists it', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { report, read } = await excel.run((context) => runCheck(context, options))
    const sheet = excel.model.sheets[0]!
    typeFakeCell(sheet, 'B6', 'Cập nhật văn bản quy phạm pháp luật')
    const fixed = await excel.run((context) => runFixes(context, report, read.sheetId))
    expect(fixed).toEqual({
      applied: 1,
      manual: [],
      stale: [{ address: 'B6', value: 'Cập nhật văn bản' }],
    })
    expect(readFakeValue(sheet, 'B6')).toBe('Cập nhật văn bản quy phạm pháp luật')
    expect(readFakeValue(sheet, 'C6')).toBe('Sở Nội vụ')
  })

  it('never writes into another task’s cell after a row was inserted above', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { report, read } = await excel.run((context) => runCheck(context, options))
    const sheet = excel.model.sheets[0]!
    insertFakeRows(sheet, 5, 1)
    typeFakeCell(sheet, 'B5', 'Nhiệm vụ mới')
    const before = ['B6', 'C6', 'B7', 'C7'].map((a) => readFakeValue(sheet, a))
    const fixed = await excel.run((context) => runFixes(context, report, read.sheetId))
    expect(fixed.applied).toBe(0)
    expect(fixed.stale.map((f) => f.address)).toEqual(['B6', 'C6'])
    expect(['B6', 'C6', 'B7', 'C7'].map((a) => readFakeValue(sheet, a))).toEqual(before)
  })

  it('fixes the checked sheet by its id, even when another sheet is active or it was renamed', async () => {
    const excel = createFakeExcel(createProblemWorkbook())
    const { report, read } = await excel.run((context) => runCheck(context, options))
    excel.model.sheets[0]!.name = 'Báo cáo quý 3'
    excel.model.active = 'Ghi chú'
    const fixed = await excel.run((context) => runFixes(context, report, read.sheetId))
    expect(fixed.applied).toBe(2)
    expect(readFakeValue(excel.model.sheets[0]!, 'B6')).toBe('Cập nhật văn bản')
  })
})

import { describe, expect, it } from 'vitest'
import { runCheck, runClear, type CheckOptions } from '../../../addin/excel/check.ts'
import {
  createFakeExcel,
  microsoft365,
  office2021,
  type FakeWorkbook,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { viewFakeWorkbook } from '../../helpers/fake-excel-view.ts'

const options: Omit<CheckOptions, 'notes'> = { asOf: '2026-09-14' }

/** The problem annex with the agency's own notes: one on a problem cell (D5), one elsewhere (B4). */
function createAnnotated(): FakeWorkbook {
  const model = createProblemWorkbook()
  model.sheets[0]!.notes.set('D5', 'Đơn vị: thời hạn theo công văn 12/UBND')
  model.sheets[0]!.notes.set('B4', 'Đơn vị: đã báo cáo quý I')
  return model
}

describe('one file in Excel with and without the notes API keeps the user’s notes', () => {
  it('checked in Office 2021 (no notes), cleared in Microsoft 365: no note of the user is deleted', async () => {
    const model = createAnnotated()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model, office2021)
    await excel.run((context) => runCheck(context, { ...options, notes: excel.notes }))
    expect([...model.sheets[0]!.notes.keys()].sort()).toEqual(['B4', 'D5'])
    excel.host = microsoft365
    await excel.run((context) => runClear(context, { notes: excel.notes }))
    expect(viewFakeWorkbook(model)).toEqual(original)
  })

  it('checked in Microsoft 365, cleared in Office 2021, then in Microsoft 365: the user’s note comes back', async () => {
    const model = createAnnotated()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model, microsoft365)
    await excel.run((context) => runCheck(context, { ...options, notes: excel.notes }))
    expect(model.sheets[0]!.notes.get('D5')).toContain('Tháng 13/2026')
    excel.host = office2021
    const first = await excel.run((context) => runClear(context, { notes: excel.notes }))
    expect(first).toMatchObject({ cleared: true, pendingNotes: expect.any(Number) })
    expect(first.pendingNotes).toBeGreaterThan(0)
    // The check's notes are still there, and the record remembers what to put back.
    expect(model.sheets[0]!.notes.get('D5')).toContain('Tháng 13/2026')
    excel.host = microsoft365
    const second = await excel.run((context) => runClear(context, { notes: excel.notes }))
    expect(second).toMatchObject({ cleared: true, pendingNotes: 0 })
    expect(viewFakeWorkbook(model)).toEqual(original)
  })

  it('re-checked in Office 2021 after a check in Microsoft 365: the user’s note is still put back later', async () => {
    const model = createAnnotated()
    const original = viewFakeWorkbook(model)
    const excel = createFakeExcel(model, microsoft365)
    await excel.run((context) => runCheck(context, { ...options, notes: excel.notes }))
    excel.host = office2021
    await excel.run((context) => runCheck(context, { ...options, notes: excel.notes }))
    excel.host = microsoft365
    await excel.run((context) => runCheck(context, { ...options, notes: excel.notes }))
    await excel.run((context) => runClear(context, { notes: excel.notes }))
    expect(viewFakeWorkbook(model)).toEqual(original)
  })

  it('a note the user wrote over the check’s note is theirs: clearing keeps it', async () => {
    const model = createProblemWorkbook()
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, { ...options, notes: true }))
    model.sheets[0]!.notes.set('D5', 'Đơn vị: đã sửa theo góp ý')
    await excel.run((context) => runClear(context, { notes: true }))
    expect(model.sheets[0]!.notes.get('D5')).toBe('Đơn vị: đã sửa theo góp ý')
  })
})

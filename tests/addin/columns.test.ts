import { describe, expect, it } from 'vitest'
import { runCheck, type CheckOptions } from '../../addin/excel/check.ts'
import { writeColumnChoice } from '../../addin/excel/columns.ts'
import { createFakeExcel, createFakeWorkbook } from '../helpers/fake-excel.ts'

const options: CheckOptions = { asOf: '2026-09-14', notes: true }

function createUnknownHeaders() {
  return createFakeWorkbook([
    {
      name: 'Bảng',
      rows: [
        ['THEO DÕI NHIỆM VỤ NĂM 2026'],
        ['STT', 'Nội dung', 'Chủ trì', 'Chốt', 'Ghi chú'],
        [1, 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý II/2026', 'Quý IV/2026'],
      ],
    },
  ])
}

describe('a column meaning set in the task pane', () => {
  it('is remembered in the hidden "_cchc" sheet and used by the next check', async () => {
    const excel = createFakeExcel(createUnknownHeaders())
    const first = await excel.run((context) => runCheck(context, options))
    // No column is clearly the deadline: "Chốt" is read as it, marked as a guess.
    expect(first.report.header?.mapping).toContainEqual(
      expect.objectContaining({ column: 'D', field: 'deadline', guessed: true }),
    )
    expect(first.report.issues.map((i) => i.code)).toContain('header/guessed-column')
    await excel.run((context) => writeColumnChoice(context, 'D', 'deadline', null))
    const meta = excel.model.sheets.find((s) => s.name === '_cchc')!
    expect(meta.visibility).toBe('VeryHidden')
    expect(meta.cells.get('B1')?.value).toBe('deadline=D')
    const second = await excel.run((context) => runCheck(context, options))
    expect(second.report.header?.columns).toMatchObject({ deadline: 'D' })
    expect(second.report.tasks[0]).toMatchObject({
      deadline: { due: '2026-06-30' },
      status: 'overdue',
    })
    expect(second.report.header?.mapping).toContainEqual({
      column: 'D',
      header: 'Chốt',
      field: 'deadline',
      confidence: 1,
      basis: 'choice',
      reason: { vi: 'người dùng chỉ định', en: 'chosen by the user' },
      chosen: true,
    })
  })

  it('adds to earlier choices in the same row, and a choice of none unmaps the field', async () => {
    const excel = createFakeExcel(createUnknownHeaders())
    await excel.run((context) => writeColumnChoice(context, 'D', 'deadline', null))
    await excel.run((context) => writeColumnChoice(context, 'E', null, 'note'))
    const meta = excel.model.sheets.find((s) => s.name === '_cchc')!
    expect(meta.cells.get('B1')?.value).toBe('deadline=D,note=')
    expect(meta.cells.get('A2')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { runRibbonCheck } from '../../../addin/commands/ribbon.ts'
import {
  createFakeExcel,
  createFakeWorkbook,
  createProtection,
  type FakeWorkbook,
} from '../../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { viewFakeWorkbook } from '../../helpers/fake-excel-view.ts'

/** Runs the ribbon command on a fake host; returns what the user was told. */
async function clickRibbon(model: FakeWorkbook): Promise<string[]> {
  const told: string[] = []
  const excel = createFakeExcel(model)
  const storage = new Map<string, string>()
  await runRibbonCheck({
    run: (callback) => excel.run(callback),
    notify: async (text) => {
      told.push(text)
    },
    storage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
    } as unknown as Storage,
    origin: 'https://localhost:3000',
    now: Date.UTC(2026, 8, 10),
  })
  return told
}

describe('the ribbon "Kiểm tra" tells the user what went wrong, in Vietnamese', () => {
  it('says nothing when the check worked (the marks are the answer)', async () => {
    expect(await clickRibbon(createProblemWorkbook())).toEqual([])
  })

  it('while a cell is being edited: what to do', async () => {
    const model = createProblemWorkbook()
    model.cellEditMode = true
    expect(await clickRibbon(model)).toEqual([
      expect.stringContaining('Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa'),
    ])
  })

  it('on a protected sheet that refuses every change', async () => {
    const model = createProblemWorkbook()
    model.sheets[0]!.protection = createProtection()
    const told = await clickRibbon(model)
    expect(told).toEqual([expect.stringContaining('Trang tính được bảo vệ')])
    expect(told[0]).toMatch(/\d+ ô bị khóa/)
  })

  it('pressed on its own "Kiểm tra" sheet: refuses cleanly, deletes nothing, leaves no empty sheet', async () => {
    const model = createProblemWorkbook()
    expect(await clickRibbon(model)).toEqual([])
    model.active = 'Kiểm tra'
    const before = viewFakeWorkbook(model)
    expect(await clickRibbon(model)).toEqual([
      expect.stringContaining('“Kiểm tra” là trang kết quả'),
    ])
    expect(viewFakeWorkbook(model)).toEqual(before)
  })

  it('when the sheet has no annex table', async () => {
    const model = createFakeWorkbook([{ name: 'Ghi chú', rows: [['Danh sách việc cần làm']] }])
    expect(await clickRibbon(model)).toEqual([
      expect.stringContaining('Không tìm thấy bảng phụ lục'),
    ])
  })
})

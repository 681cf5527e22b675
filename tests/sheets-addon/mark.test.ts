import { beforeAll, describe, expect, it } from 'vitest'
import { buildSheetsAddon } from '../../scripts/build-sheets-addon.ts'
import { loadAddon } from '../helpers/addon.ts'
import { FakeHost } from '../helpers/fake-apps-script.ts'
import {
  createStyledSpreadsheet,
  findChangedFakeCells,
  readFakeLooks,
} from '../helpers/fake-sheets/looks.ts'
import { computeProblemCells, isInTable } from '../helpers/mark-invariant.ts'

// The Apps Script add-on's marks read back from its fake SpreadsheetApp, cell by cell against the
// sheet before: it rewrites whole blocks of fills and notes, so every other cell must come back as it was.

let code: string
beforeAll(async () => {
  code = (await buildSheetsAddon()).get('Code.js')!
})

describe('the add-on marks read back', () => {
  it('change fills on the problem cells only, no value, notes on top-left cells of merged areas; "Xóa đánh dấu" restores every cell', async () => {
    const host = new FakeHost(await createStyledSpreadsheet('1AddonStyledAbcdefghijKLMN'))
    const before = readFakeLooks(structuredClone(host.book.sheets[0]!))
    const addon = loadAddon(code, host)
    const report = addon.checkActiveSheet('2026-09-14')
    const after = readFakeLooks(host.book.sheets[0]!)
    const problems = computeProblemCells(report, before.merges)
    expect(problems).toContain('C7')
    const inTable = (list: string[]) => list.filter((a) => isInTable(report, a))
    expect(inTable(findChangedFakeCells(before.cells, after.cells, 'fill'))).toEqual(problems)
    expect(inTable(findChangedFakeCells(before.cells, after.cells, 'value'))).toEqual([])
    const notes = [...after.cells].filter(([, look]) => look.note).map(([a]) => a)
    expect(inTable(notes).sort()).toEqual(problems)
    const check = host.book.sheets.find((s) =>
      s.developerMetadata.some((m) => m.metadataValue === 'check'),
    )!
    expect([...check.hiddenColumns]).toEqual([5])

    expect(addon.clearActiveSheet()).toBe(true)
    const cleared = readFakeLooks(host.book.sheets[0]!)
    for (const property of ['value', 'fill', 'note'] as const)
      expect(findChangedFakeCells(before.cells, cleared.cells, property), property).toEqual([])
  })
})

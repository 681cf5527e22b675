import { describe, expect, it } from 'vitest'
import { runCheck, runClear, type CheckOptions } from '../../../addin/excel/check.ts'
import { columnNumber } from '../../../core/index.ts'
import { findPlanProfile, readCatalog } from '../../../server/province/catalog.ts'
import { createFakeExcel, createFakeWorkbook, type FakeSheet } from '../../helpers/fake-excel.ts'
import { viewFakeWorkbook } from '../../helpers/fake-excel-view.ts'
import { readPlanAppendixRows } from '../../../scripts/seeds.ts'

const catalog = await readCatalog()
const options: CheckOptions = {
  asOf: '2026-09-14',
  registry: catalog.registry,
  profileFor: (id) => findPlanProfile(catalog, id),
  notes: true,
}

/**
 * An agency's table in real wording (the plan appendix's tasks), laid out as offices do: the
 * content merged over two columns, a shared fill on the header, dates with their format, a
 * formula the agency computes its own count with, and planted problems (HTML in a merged content
 * cell, an impossible month, a TCVN3 agency name).
 */
function createAgencyTable() {
  const tasks = readPlanAppendixRows()
    .filter((r) => /^\d+$/.test(r[0] ?? ''))
    .slice(0, 12)
  const rows: unknown[][] = [
    ['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'],
    [],
    [
      'STT',
      'Nội dung, nhiệm vụ',
      '',
      'Cơ quan chủ trì',
      'Thời hạn',
      'Tiến độ',
      'Ngày hoàn thành',
      'Số văn bản',
    ],
    ...tasks.map((t, i) => [
      i + 1,
      t[1],
      '',
      i === 3 ? 'Së Néi vô' : 'Sở Nội vụ',
      i === 5 ? 'Tháng 13/2026' : 'Quý IV/2026',
      i % 3 === 0 ? 'Đã hoàn thành' : 'Đang thực hiện',
      i % 3 === 0 ? 46150 + i : '',
      i + 2,
    ]),
  ]
  rows[4]![1] = `<p>${String(rows[4]![1])}</p>`
  const last = rows.length
  const model = createFakeWorkbook([
    {
      name: 'Phụ lục',
      rows,
      merges: ['A1:H1', ...Array.from({ length: last - 2 }, (_, i) => `B${i + 3}:C${i + 3}`)],
      formats: Object.fromEntries(tasks.map((_, i) => [`G${i + 4}`, 'dd/mm/yyyy'])),
      formulas: Object.fromEntries(tasks.map((_, i) => [`H${i + 4}`, `=A${i + 4}+1`])),
    },
  ])
  for (const a of ['A3', 'B3', 'D3', 'E3', 'F3', 'G3', 'H3'])
    model.sheets[0]!.cells.get(a)!.fill = '#D9E1F2'
  return { model, header: 3, last, right: 'H' }
}

/** Every cell of the agency's table area (header to last row, A to the last table column). */
function readTable(sheet: FakeSheet, table: { header: number; last: number; right: string }) {
  const cells = new Map<
    string,
    {
      value: unknown
      formula: string | null
      format: string
      fill: string | null
      note: string | null
    }
  >()
  for (let r = table.header; r <= table.last; r++)
    for (let c = 1; c <= columnNumber(table.right); c++) {
      const address = `${String.fromCharCode(64 + c)}${r}`
      const cell = sheet.cells.get(address)
      cells.set(address, {
        value: cell?.value ?? '',
        formula: cell?.formula ?? null,
        format: cell?.format ?? 'General',
        fill: cell?.fill ?? null,
        note: sheet.notes.get(address) ?? null,
      })
    }
  return cells
}

describe('marks touch only what they mark (core decides the cells; the add-in reads back)', () => {
  it('inside the agency’s table only problem cells change, and clearing gives back every cell', async () => {
    const { model, ...table } = createAgencyTable()
    const original = viewFakeWorkbook(model)
    const before = readTable(model.sheets[0]!, table)
    const excel = createFakeExcel(model)
    const { report } = await excel.run((context) => runCheck(context, options))
    const after = readTable(model.sheets[0]!, table)
    const problems = new Set(
      report.issues
        .filter(
          (i) => i.row !== null && i.column && columnNumber(i.column) <= columnNumber(table.right),
        )
        .map((i) => `${i.column}${i.row}`),
    )
    expect(problems).toEqual(new Set(['B5', 'D7', 'E9']))
    const changed = (part: 'fill' | 'note' | 'value' | 'formula' | 'format') =>
      [...after].filter(([a, c]) => c[part] !== before.get(a)![part]).map(([a]) => a)
    expect(new Set(changed('fill'))).toEqual(problems)
    expect(new Set(changed('note'))).toEqual(problems)
    expect([...changed('value'), ...changed('formula'), ...changed('format')]).toEqual([])
    await excel.run((context) => runCheck(context, options))
    expect(readTable(model.sheets[0]!, table)).toEqual(after)
    await excel.run((context) => runClear(context, { notes: true }))
    expect(readTable(model.sheets[0]!, table)).toEqual(before)
    expect(viewFakeWorkbook(model)).toEqual(original)
  })
})

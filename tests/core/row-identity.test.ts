import { describe, expect, it } from 'vitest'
import {
  computeRowIdentity,
  computeTextHash,
  matchRows,
  readTable,
  type CellValue,
} from '../../core/index.ts'
import { readPlanAppendixGrid } from '../../scripts/seeds.ts'

/** The plan appendix (seed 000): its task rows, with the STT and content columns the table reads. */
const grid = readPlanAppendixGrid()
const table = readTable(grid)!
const header = table.header.row
const sttIndex = 0
const contentIndex = 1
const original = grid.cells.map((r) => [...r])

/** The identities of a sheet's rows, as an adapter computes them from the cells it read. */
function identify(cells: CellValue[][]) {
  return (row: number) =>
    computeRowIdentity(
      row,
      cells[row - 1]?.[sttIndex] ?? null,
      cells[row - 1]?.[contentIndex] ?? null,
    )
}
const taskRows = original
  .map((_, i) => i + 1)
  .filter((row) => row > header && original[row - 1]![sttIndex])
const recorded = taskRows.map(identify(original))

function match(cells: CellValue[][], currentHeader = header) {
  return matchRows(
    recorded,
    { recorded: header, current: currentHeader },
    identify(cells),
    cells.length,
  )
}

const unchanged = new Map(taskRows.map((r) => [r, r]))

describe('row identity survives the user’s corrections', () => {
  it('folds STT and content after the automatic fixes, and keeps the content as a short hash', () => {
    const clean = computeRowIdentity(7, '1.1', 'Cập nhật văn bản')
    expect(computeRowIdentity(7, ' 1.1 ', '<p>Cập nhật   văn bản</p>')).toEqual(clean)
    expect(computeRowIdentity(7, '1.1', 'CËp nhËt v¨n b¶n')).toEqual(clean)
    expect(clean.content).toMatch(/^[0-9a-z]{1,12}$/)
    expect(computeTextHash('a')).not.toBe(computeTextHash('b'))
  })

  it('finds every row in place', () => {
    expect(taskRows.length).toBeGreaterThan(40)
    expect(match(original)).toEqual({ rows: unchanged, missing: [] })
  })

  it('finds rows moved by rows inserted above and inside the table', () => {
    const inserted = [
      ...original.slice(0, header + 3),
      [null, 'Ghi chú thêm của đơn vị'],
      ...original.slice(header + 3),
    ]
    const shifted = [...original.slice(0, 1), [], ...inserted.slice(1)]
    const { rows, missing } = match(shifted, header + 1)
    expect(missing).toEqual([])
    expect([...rows]).toEqual(taskRows.map((r) => [r, r + 1 + (r > header + 3 ? 1 : 0)]))
  })

  it('finds a row whose content was corrected, or whose STT was renumbered, or both in place', () => {
    const [a, b, c] = taskRows.slice(2, 5) as [number, number, number]
    const edited = original.map((r) => [...r])
    edited[a - 1]![contentIndex] = `${String(original[a - 1]![contentIndex])} (đã sửa lại câu chữ)`
    edited[b - 1]![sttIndex] = '99'
    edited[c - 1]![sttIndex] = '98'
    edited[c - 1]![contentIndex] = 'Nội dung viết lại hoàn toàn'
    expect(match(edited)).toEqual({ rows: unchanged, missing: [] })
  })

  it('after a task is inserted and the tasks below renumbered, rows are found by their content', () => {
    const at = taskRows[5]!
    const renumbered = original.map((r, i) =>
      i + 1 >= at && r[sttIndex] && /^\d+$/.test(String(r[sttIndex]))
        ? [String(Number(r[sttIndex]) + 1), ...r.slice(1)]
        : [...r],
    )
    const cells = [
      ...renumbered.slice(0, at - 1),
      [String(original[at - 1]![sttIndex]), 'Nhiệm vụ mới thêm vào kế hoạch'],
      ...renumbered.slice(at - 1),
    ]
    const { rows, missing } = match(cells)
    expect(missing).toEqual([])
    expect([...rows]).toEqual(taskRows.map((r) => [r, r >= at ? r + 1 : r]))
  })

  it('reports a deleted row as missing and finds the others', () => {
    const gone = taskRows[4]!
    const cells = original.filter((_, i) => i + 1 !== gone)
    const { rows, missing } = match(cells)
    expect(missing).toEqual([gone])
    expect(rows.get(taskRows[5]!)).toBe(taskRows[5]! - 1)
    expect(rows.get(taskRows[3]!)).toBe(taskRows[3])
  })

  it('never guesses by position where rows were both inserted and rewritten', () => {
    const [a, b] = taskRows.slice(6, 8) as [number, number]
    const cells = original.map((r) => [...r])
    cells[a - 1] = ['77', 'Viết lại 1']
    cells[b - 1] = ['78', 'Viết lại 2']
    cells.splice(a - 1, 0, [null, 'Dòng chèn'])
    expect(match(cells).missing).toEqual([a, b])
  })
})

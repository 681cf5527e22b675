import { describe, expect, it } from 'vitest'
import {
  chooseCheckSheetName,
  computeRowKey,
  computeRowMapping,
  moveAddress,
  parseHexColor,
  parseMarkRecord,
  serializeMarkRecord,
  type MarkRecord,
} from '../../core/index.ts'
import { readParSipasGrid } from '../../scripts/seeds.ts'

const bullet = '- Tổ chức đối thoại giữa người đứng đầu cơ quan với doanh nghiệp'
const record: MarkRecord = {
  version: 2,
  sheet: { name: 'Phụ lục', id: '{6D2F1C1E-0000-4A3B-9C1D-7E5F00000001}' },
  checkSheet: { name: 'Kiểm tra (2)', id: '{6D2F1C1E-0000-4A3B-9C1D-7E5F00000002}' },
  headerRow: 5,
  lastRow: 7,
  added: ['M', 'N', 'O'],
  keyColumns: { stt: 'A', content: 'B' },
  rows: [{ row: 6, key: computeRowKey(1, bullet) }],
  cells: [
    { address: 'B6', fill: 'FF00B0F0', note: null },
    { address: 'L6', value: bullet, format: '@', fill: null, note: 'ghi chú' },
    { address: 'K6', value: { date: '2026-06-20' }, format: 'dd/mm/yyyy', fill: null, note: null },
  ],
}

describe('the marks record (one contract for every adapter)', () => {
  it('round-trips through the text of its cells, split under 32,767 characters', () => {
    const big: MarkRecord = {
      ...record,
      cells: Array.from({ length: 2000 }, (_, i) => ({
        address: `L${i + 6}`,
        value: `${bullet} ${i}`,
        format: '@',
        fill: null,
        note: null,
      })),
    }
    const chunks = serializeMarkRecord(big)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.every((c) => c.length <= 30_000)).toBe(true)
    expect(parseMarkRecord(chunks)).toEqual(big)
    expect(parseMarkRecord(serializeMarkRecord(record))).toEqual(record)
  })

  it.each([
    ['a formula object as a saved value', { value: { formula: 'cmd|"/c calc"!A1' } }],
    ['a hyperlink object as a saved value', { value: { text: 'x', hyperlink: 'http://x' } }],
    ['a fill in another encoding', { fill: { type: 'pattern', fgColor: { argb: 'FFFF0000' } } }],
    ['a "#RRGGBB" fill', { fill: '#FF0000' }],
    ['a malformed address', { address: 'B6:Z9' }],
    ['an unknown key', { style: { font: 'x' } }],
    ['a rich-text note', { note: { texts: [{ text: 'x' }] } }],
  ])('refuses a record with %s', (_, change) => {
    const crafted = { ...record, cells: [{ ...record.cells[0]!, ...change }] }
    expect(parseMarkRecord([JSON.stringify(crafted)])).toBeNull()
  })

  it('refuses other versions, non-text cells and broken JSON', () => {
    expect(parseMarkRecord([JSON.stringify({ ...record, version: 1 })])).toBeNull()
    expect(parseMarkRecord([JSON.stringify({ sheet: 'Phụ lục', added: [], cells: [] })])).toBeNull()
    expect(parseMarkRecord([42])).toBeNull()
    expect(parseMarkRecord(['{"version":2'])).toBeNull()
    expect(parseMarkRecord([])).toBeNull()
  })

  it('keeps one fill encoding: "#RRGGBB" from Office.js becomes "FFRRGGBB"; white is no fill', () => {
    expect([parseHexColor('#c6efce'), parseHexColor('#FFFFFF'), parseHexColor(null)]).toEqual([
      'FFC6EFCE',
      null,
      null,
    ])
  })
})

describe('row identity (STT + content)', () => {
  const rows = readParSipasGrid()
    .cells.slice(0, 14)
    .map((r) => r.map((c) => (typeof c === 'string' || typeof c === 'number' ? c : '')))
  const keyAt = (sheet: (string | number)[][]) => (row: number) =>
    computeRowKey(sheet[row - 1]?.[0] ?? null, sheet[row - 1]?.[1] ?? null)

  it('finds rows in place, after rows were inserted above, or refuses when a row is gone', () => {
    const marked = { rows: [7, 9, 12].map((row) => ({ row, key: keyAt(rows)(row) })) }
    expect(computeRowMapping(marked, keyAt(rows), rows.length)).toEqual({ kind: 'same' })
    const inserted = [rows[0]!, ['', 'dòng thêm'], ['', 'dòng thêm 2'], ...rows.slice(1)]
    expect(computeRowMapping(marked, keyAt(inserted), inserted.length)).toEqual({
      kind: 'moved',
      rows: new Map([
        [7, 9],
        [9, 11],
        [12, 14],
      ]),
    })
    const deleted = rows.filter((_, i) => i !== 8)
    expect(computeRowMapping(marked, keyAt(deleted), deleted.length)).toEqual({
      kind: 'refused',
      missing: [9],
    })
    expect(moveAddress('D5', new Map([[5, 7]]))).toBe('D7')
  })
})

describe('the "Kiểm tra" sheet name', () => {
  it('never takes a name a user sheet has', () => {
    expect(chooseCheckSheetName('Kiểm tra', ['Phụ lục'])).toBe('Kiểm tra')
    expect(chooseCheckSheetName('Kiểm tra', ['kiểm tra', 'Kiểm tra (2)'])).toBe('Kiểm tra (3)')
  })
})

import { describe, expect, it } from 'vitest'
import {
  chooseCheckSheetName,
  computeRowIdentity,
  computeTextHash,
  findMarkRecord,
  maxRecordChunks,
  moveAddress,
  parseHexColor,
  parseMarkBook,
  replaceMarkRecord,
  serializeMarkBook,
  type MarkBook,
  type MarkRecord,
} from '../../core/index.ts'

const bullet = '- Tổ chức đối thoại giữa người đứng đầu cơ quan với doanh nghiệp'
const annexId = '{6D2F1C1E-0000-4A3B-9C1D-7E5F00000001}'
const record: MarkRecord = {
  sheet: { name: 'Phụ lục', id: annexId },
  checkSheet: { name: 'Kiểm tra (2)', id: '{6D2F1C1E-0000-4A3B-9C1D-7E5F00000002}' },
  headerRow: 5,
  lastRow: 7,
  added: ['M', 'N', 'O'],
  keyColumns: { stt: 'A', content: 'B' },
  rows: [computeRowIdentity(6, 1, bullet)],
  cells: [
    { address: 'B6', fill: 'FF00B0F0', paint: 'FFFFC7CE', note: null, wroteNote: 'abc123' },
    {
      address: 'L6',
      value: bullet,
      format: '@',
      wroteValue: computeTextHash('Quá hạn'),
      fill: null,
      paint: 'FFFFC7CE',
    },
    { address: 'K6', value: { date: '2026-06-20' }, format: 'dd/mm/yyyy' },
    { address: 'D6', note: 'ghi chú của đơn vị', wroteNote: 'zz9' },
  ],
}
const book: MarkBook = { version: 3, records: [record] }

describe('the marks book (one contract for every adapter, one record per checked sheet)', () => {
  it('round-trips through the text of its cells, split under 32,767 characters', () => {
    const big: MarkBook = {
      version: 3,
      records: [
        record,
        {
          ...record,
          sheet: { name: 'Phụ lục 2', id: '{B}' },
          cells: Array.from({ length: 2000 }, (_, i) => ({
            address: `L${i + 6}`,
            value: `${bullet} ${i}`,
            format: '@',
          })),
        },
      ],
    }
    const chunks = serializeMarkBook(big)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.every((c) => c.length <= 30_000)).toBe(true)
    expect(parseMarkBook(chunks)).toEqual(big)
    expect(parseMarkBook(serializeMarkBook(book))).toEqual(book)
  })

  it('stays small for a big sheet: 10,500 marked rows with a problem each fit in well under 2 MB', () => {
    const rows = Array.from({ length: 10_500 }, (_, i) =>
      computeRowIdentity(i + 6, `${i + 1}`, `${bullet} số ${i + 1} của đơn vị`),
    )
    const cells = rows.map((r) => ({
      address: `F${r.row}`,
      fill: null,
      paint: 'FFFFC7CE',
      note: null,
      wroteNote: computeTextHash(`ghi chú ${r.row}`),
    }))
    const text = serializeMarkBook({ version: 3, records: [{ ...record, rows, cells }] }).join('')
    expect(new TextEncoder().encode(text).length).toBeLessThan(2 * 1024 * 1024)
  })

  it.each([
    ['a formula object as a saved value', { v: { formula: 'cmd|"/c calc"!A1' } }],
    ['a hyperlink object as a saved value', { v: { text: 'x', hyperlink: 'http://x' } }],
    ['a fill in another encoding', { b: { type: 'pattern', fgColor: { argb: 'FFFF0000' } } }],
    ['a "#RRGGBB" fill', { b: '#FF0000' }],
    ['a malformed address', { a: 'B6:Z9' }],
    ['an unknown key', { style: { font: 'x' } }],
    ['a rich-text note', { n: { texts: [{ text: 'x' }] } }],
    ['a hash that is no hash', { w: '<script>' }],
  ])('refuses a book with %s', (_, change) => {
    const stored = JSON.parse(serializeMarkBook(book).join('')) as {
      records: { cells: Record<string, unknown>[] }[]
    }
    stored.records[0]!.cells[0] = { ...stored.records[0]!.cells[0], ...change }
    expect(parseMarkBook([JSON.stringify(stored)])).toBeNull()
  })

  it('refuses other versions, non-text cells, broken JSON and a book too long to read', () => {
    expect(parseMarkBook([JSON.stringify({ version: 4, records: [] })])).toBeNull()
    expect(parseMarkBook([JSON.stringify({ sheet: 'Phụ lục', added: [], cells: [] })])).toBeNull()
    expect(parseMarkBook([42])).toBeNull()
    expect(parseMarkBook(['{"version":3'])).toBeNull()
    expect(parseMarkBook([])).toBeNull()
    expect(parseMarkBook(Array.from({ length: maxRecordChunks + 1 }, () => ''))).toBeNull()
  })

  it('reads the single-sheet record of version 2, never taking its empty notes as "delete"', () => {
    const v2 = {
      version: 2,
      sheet: { name: 'Phụ lục', id: '3' },
      checkSheet: { name: 'Kiểm tra', id: '4' },
      headerRow: 5,
      lastRow: 6,
      added: ['M'],
      keyColumns: { stt: 'A', content: 'B' },
      rows: [{ row: 6, key: `1\u241f${bullet}` }],
      cells: [
        { address: 'B6', fill: 'FF00B0F0', note: null },
        { address: 'C6', fill: null, note: 'ghi chú' },
        { address: 'L6', value: 'Đang làm', format: '@', fill: null, note: null },
      ],
    }
    expect(parseMarkBook([JSON.stringify(v2)])).toEqual({
      version: 3,
      records: [
        {
          sheet: { name: 'Phụ lục', id: '3' },
          checkSheet: { name: 'Kiểm tra', id: '4' },
          headerRow: 5,
          lastRow: 6,
          added: ['M'],
          keyColumns: { stt: 'A', content: 'B' },
          rows: [computeRowIdentity(6, '1', bullet)],
          cells: [
            { address: 'B6', fill: 'FF00B0F0' },
            { address: 'C6', fill: null, note: 'ghi chú' },
            { address: 'L6', value: 'Đang làm', format: '@', fill: null },
          ],
        },
      ],
    })
  })

  it('finds a sheet’s record by id, else by name when the recorded id is no longer in the workbook', () => {
    const other: MarkRecord = { ...record, sheet: { name: 'Quý 2', id: '{Q2}' } }
    const two = replaceMarkRecord(book, null, other)
    const sheets = [
      { name: 'Phụ lục (đổi tên)', id: annexId },
      { name: 'Quý 2', id: '{NEW}' },
    ]
    expect(findMarkRecord(two, sheets[0]!, sheets)).toBe(record)
    // Another program saved the file: every id changed.
    expect(findMarkRecord(two, sheets[1]!, sheets)).toBe(other)
    // A sheet that took the name of a sheet still in the workbook is not that sheet.
    const renamed = [
      { name: 'Quý 2', id: '{X}' },
      { name: 'Cũ', id: '{Q2}' },
    ]
    expect(findMarkRecord(two, renamed[0]!, renamed)).toBeNull()
    expect(replaceMarkRecord(two, record, null)).toEqual({ version: 3, records: [other] })
  })

  it('keeps one fill encoding: "#RRGGBB" from Office.js becomes "FFRRGGBB"; white is no fill', () => {
    expect([parseHexColor('#c6efce'), parseHexColor('#FFFFFF'), parseHexColor(null)]).toEqual([
      'FFC6EFCE',
      null,
      null,
    ])
    expect(moveAddress('D5', new Map([[5, 7]]))).toBe('D7')
  })
})

describe('the "Kiểm tra" sheet name', () => {
  it('never takes a name a user sheet has', () => {
    expect(chooseCheckSheetName('Kiểm tra', ['Phụ lục'])).toBe('Kiểm tra')
    expect(chooseCheckSheetName('Kiểm tra', ['kiểm tra', 'Kiểm tra (2)'])).toBe('Kiểm tra (3)')
  })
})

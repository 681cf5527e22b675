import { describe, expect, it } from 'vitest'
import {
  clipCellText,
  cellText,
  columnLetter,
  columnNumber,
  computeFilledCells,
  isDateCell,
  maxCellChars,
  type CellValue,
  type Grid,
} from '../../core/index.ts'

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [10, 'J'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('names column %i "%s"', (column, letters) => {
    expect(columnLetter(column)).toBe(letters)
    expect(columnNumber(letters)).toBe(column)
  })

  it('reads lower-case letters as Excel does', () => {
    expect(columnNumber('ab')).toBe(28)
  })

  it('round-trips every column of an Excel sheet', () => {
    const wrong: number[] = []
    for (let c = 1; c <= 16384; c++) if (columnNumber(columnLetter(c)) !== c) wrong.push(c)
    expect(wrong).toEqual([])
  })
})

describe('isDateCell', () => {
  it.each<[CellValue, boolean]>([
    [{ date: '2026-12-31' }, true],
    ['31/12/2026', false],
    [46387, false],
    [null, false],
    [true, false],
  ])('tells %j is a real date: %s', (value, expected) => {
    expect(isDateCell(value)).toBe(expected)
  })
})

describe('cellText', () => {
  it.each<[CellValue, string]>([
    [null, ''],
    ['Sở Nội vụ', 'Sở Nội vụ'],
    [1.1, '1.1'],
    [30, '30'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [{ date: '2026-12-31' }, '31/12/2026'],
  ])('shows %j as "%s"', (value, text) => {
    expect(cellText(value)).toBe(text)
  })
})

describe('computeFilledCells', () => {
  it('copies a merged STT cell down the rows it covers and marks them covered', () => {
    const grid: Grid = {
      sheet: 'Phụ lục',
      top: 5,
      left: 1,
      cells: [
        ['1.6', 'Sáng kiến hoặc giải pháp mới trong CCHC'],
        [null, 'Tổ chức các cuộc thi'],
        [null, null],
      ],
      merges: [{ top: 5, left: 1, bottom: 7, right: 1 }],
    }
    expect(computeFilledCells(grid)).toEqual({
      values: [
        ['1.6', 'Sáng kiến hoặc giải pháp mới trong CCHC'],
        ['1.6', 'Tổ chức các cuộc thi'],
        ['1.6', null],
      ],
      covered: [
        [false, false],
        [true, false],
        [true, false],
      ],
      from: [
        [-1, -1],
        [-1, -1],
        [-1, -1],
      ],
    })
  })

  it('fills a title merged across columns, offset by the grid’s top-left corner', () => {
    const grid: Grid = {
      sheet: 'Phụ lục',
      top: 2,
      left: 2,
      cells: [['CHỈ SỐ PAR INDEX'], ['I', 'Công tác chỉ đạo', 'Sở Nội vụ']],
      merges: [{ top: 2, left: 2, bottom: 2, right: 4 }],
    }
    expect(computeFilledCells(grid)).toEqual({
      values: [
        ['CHỈ SỐ PAR INDEX', 'CHỈ SỐ PAR INDEX', 'CHỈ SỐ PAR INDEX'],
        ['I', 'Công tác chỉ đạo', 'Sở Nội vụ'],
      ],
      covered: [
        [false, true, true],
        [false, false, false],
      ],
      // Covered from the title's column at the left.
      from: [
        [-1, 0, 0],
        [-1, -1, -1],
      ],
    })
  })

  it('leaves the grid itself unchanged', () => {
    const cells: CellValue[][] = [['Quý IV/2026', null]]
    computeFilledCells({
      sheet: 'S',
      top: 1,
      left: 1,
      cells,
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    })
    expect(cells).toEqual([['Quý IV/2026', null]])
  })

  it('ignores the part of a merge that lies below the grid', () => {
    const grid: Grid = {
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [['Thường xuyên'], [null]],
      merges: [{ top: 1, left: 1, bottom: 10, right: 1 }],
    }
    expect(computeFilledCells(grid).values).toEqual([['Thường xuyên'], ['Thường xuyên']])
  })

  it('fills from an empty value when the merge starts above the grid', () => {
    const grid: Grid = {
      sheet: 'S',
      top: 3,
      left: 1,
      cells: [['x'], ['y']],
      merges: [{ top: 1, left: 1, bottom: 4, right: 1 }],
    }
    expect(computeFilledCells(grid)).toEqual({
      values: [[null], [null]],
      covered: [[true], [true]],
      from: [[-1], [-1]],
    })
  })

  it('returns the cells as they are when nothing is merged', () => {
    const cells: CellValue[][] = [
      ['STT', 'Nội dung'],
      [1, 'Kiểm tra'],
    ]
    expect(computeFilledCells({ sheet: 'S', top: 1, left: 1, cells, merges: [] })).toEqual({
      values: cells,
      covered: [
        [false, false],
        [false, false],
      ],
      from: [
        [-1, -1],
        [-1, -1],
      ],
    })
  })
})

describe('clipCellText', () => {
  it("cuts text at Excel's 32,767 characters, never inside a surrogate pair", () => {
    expect(clipCellText('Sở Nội vụ')).toBe('Sở Nội vụ')
    expect(clipCellText('a'.repeat(50_000))).toBe('a'.repeat(maxCellChars))
    // An emoji whose first half would be the 32,767th character is left out whole.
    const pair = `${'a'.repeat(maxCellChars - 1)}😀b`
    expect(clipCellText(pair)).toBe('a'.repeat(maxCellChars - 1))
    expect(maxCellChars).toBe(32_767)
  })
})

import { describe, expect, it } from 'vitest'
import {
  findColumnSeries,
  isMarkedRun,
  isPeriodHeader,
  readSeriesCell,
  type ColumnSeries,
} from '../../core/series.ts'

const cell = (text: string, parent: string | null = null) => ({ text, parent, skip: false })
const always = () => true
const isTime = (parent: string) => /thời gian|tiến độ/i.test(parent)

describe('isPeriodHeader', () => {
  it.each([
    'Quý I',
    'Quý IV',
    'Tháng 3',
    'Năm 2027',
    '2027',
    'Q2',
    'Đợt 1',
    '6 tháng đầu năm',
    'Đợt II/2025',
    'Quý I năm 2026',
    // A span of years, alone or as a phase.
    '2023-2025',
    '2026 – 2030',
    'Giai đoạn 2026-2030',
  ])('reads "%s" as one period', (text) => expect(isPeriodHeader(text)).toBe(true))
  it.each(['Quý', 'Thời gian', 'Bước 1', 'Kinh phí 2026 (triệu đồng)'])(
    'does not read "%s" as one',
    (text) => expect(isPeriodHeader(text)).toBe(false),
  )
})

describe('findColumnSeries', () => {
  it('finds periods under a time parent and numbered steps in a row', () => {
    const cells = [
      cell('STT'),
      cell('Tên dự án'),
      cell('Quý I', 'Thời gian thực hiện'),
      cell('Quý II', 'Thời gian thực hiện'),
      cell('Quý III', 'Thời gian thực hiện'),
      cell('Bước 1'),
      cell('Bước 2'),
      cell('Bước 3'),
      cell('Ghi chú các bước'),
    ]
    expect(findColumnSeries(cells, isTime, always)).toEqual([
      { field: 'deadline', kind: 'periods', columns: [2, 3, 4] },
      { field: 'progress', kind: 'steps', columns: [5, 6, 7] },
    ])
  })

  it('finds columns each naming a state of progress, marked in the rows', () => {
    const cells = [
      cell('TT'),
      cell('Nhiệm vụ'),
      cell('Hoàn thành (x)', 'Tiến độ'),
      cell('Đang thực hiện (x)', 'Tiến độ'),
      cell('Chưa thực hiện (x)', 'Tiến độ'),
      cell('Ghi chú'),
    ]
    expect(findColumnSeries(cells, isTime, always)).toEqual([
      { field: 'progress', kind: 'states', columns: [2, 3, 4] },
    ])
    // One state alone, or the same state twice, is no series.
    expect(findColumnSeries([cell('Hoàn thành'), cell('Ghi chú')], isTime, always)).toEqual([])
    expect(findColumnSeries([cell('Đã xong'), cell('Hoàn thành')], isTime, always)).toEqual([])
  })

  it('needs a time parent, steps that count up, and marks in the cells', () => {
    const years = [cell('2026', 'Chỉ tiêu'), cell('2027', 'Chỉ tiêu')]
    expect(findColumnSeries(years, isTime, always)).toEqual([])
    const twoSteps = [cell('Bước 1'), cell('Bước 2')]
    expect(findColumnSeries(twoSteps, isTime, always)).toEqual([])
    const skipping = [cell('Bước 1'), cell('Bước 3'), cell('Bước 4')]
    expect(findColumnSeries(skipping, isTime, always)).toEqual([])
    const steps = [cell('Bước 1'), cell('Bước 2'), cell('Bước 3')]
    expect(findColumnSeries(steps, isTime, () => false)).toEqual([])
  })
})

describe('isMarkedRun', () => {
  it('counts marks among the filled cells of the run', () => {
    const rows = [
      ['x', 'x', null],
      ['x', 'Đang lập báo cáo KTKT', null],
    ]
    expect(isMarkedRun(rows, [0, 1, 2], 0.6)).toBe(true)
    expect(isMarkedRun([['80%', '90%']], [0, 1], 0.6)).toBe(false)
    expect(isMarkedRun([[null, null]], [0, 1], 0.6)).toBe(false)
  })
})

describe('readSeriesCell', () => {
  const quarters: ColumnSeries = {
    field: 'deadline',
    kind: 'periods',
    columns: [4, 5, 6, 7],
    labels: ['Quý I', 'Quý II', 'Quý III', 'Quý IV'],
  }
  const steps: ColumnSeries = {
    field: 'progress',
    kind: 'steps',
    columns: [7, 8, 9, 10],
    labels: ['Bước 1', 'Bước 2', 'Bước 3', 'Bước 4'],
  }
  const row = (...cells: (string | null)[]) => [null, null, null, null, null, null, ...cells]

  it('reads a deadline from the first marked period to the last, at the last', () => {
    expect(readSeriesCell(quarters, [1, 'Rà soát', 'Sở Tư pháp', 'x', 'x'], 1)).toEqual({
      value: 'Quý I - Quý II',
      text: 'Quý I - Quý II',
      column: 'E',
    })
    expect(
      readSeriesCell(quarters, [1, 'Rà soát', 'Sở Tư pháp', null, null, null, '✓'], 1),
    ).toEqual({ value: 'Quý IV', text: 'Quý IV', column: 'G' })
    expect(readSeriesCell(quarters, [1, 'Rà soát', 'Sở Tư pháp'], 1)).toBeNull()
  })

  it('gives a day written without its year the year its period names, right after the day', () => {
    const rounds: ColumnSeries = {
      field: 'deadline',
      kind: 'periods',
      columns: [4, 5],
      labels: ['Đợt III/2025', 'Đợt I/2026'],
    }
    expect(
      readSeriesCell(rounds, [1, 'Đăng ký đề tài', 'Khoa', '06/10', '06/3 (Thứ Sáu)'], 1),
    ).toEqual({
      value: '06/10/2025; 06/3/2026 (Thứ Sáu)',
      text: '06/10/2025; 06/3/2026 (Thứ Sáu)',
      column: 'E',
    })
    expect(readSeriesCell(rounds, [1, 'Đăng ký đề tài', 'Khoa', null, 'Tháng 3'], 1)!.text).toBe(
      'Tháng 3 năm 2026',
    )
  })

  it('reads progress at the last filled step, with the words written there', () => {
    expect(readSeriesCell(steps, row('x', 'x', 'Đang lập báo cáo KTKT'), 1)).toEqual({
      value: 'Đang thực hiện: Bước 3 — Đang lập báo cáo KTKT',
      text: 'Đang thực hiện: Bước 3 — Đang lập báo cáo KTKT',
      column: 'I',
    })
    expect(readSeriesCell(steps, row('x'), 1)!.text).toBe('Đang thực hiện: Bước 1')
    expect(readSeriesCell(steps, row('x', 'x', 'x', 'x'), 1)!.text).toBe('Hoàn thành')
    expect(readSeriesCell(steps, row(), 1)).toBeNull()
  })

  it('reads the state whose column is marked, in its own words', () => {
    const states: ColumnSeries = {
      field: 'progress',
      kind: 'states',
      columns: [3, 4, 5],
      labels: ['Đã hoàn thành (x)', 'Đang thực hiện (x)', 'Chưa thực hiện (x)'],
    }
    expect(readSeriesCell(states, [1, 'Rà soát', null, 'x'], 1)).toEqual({
      value: 'Đang thực hiện',
      text: 'Đang thực hiện',
      column: 'D',
    })
    expect(readSeriesCell(states, [1, 'Rà soát', 'x'], 1)!.text).toBe('Đã hoàn thành')
    expect(readSeriesCell(states, [1, 'Rà soát'], 1)).toBeNull()
  })
})

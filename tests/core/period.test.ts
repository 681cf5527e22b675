import { describe, expect, it } from 'vitest'
import {
  computeCurrentPeriod,
  computePeriod,
  computePeriodStart,
  computeReportPeriod,
  computeVietnamDate,
  formatPeriod,
  isDateInPeriod,
  listPeriodChoices,
  parsePeriod,
  type Period,
} from '../../core/index.ts'
import { computePeriodEnd } from '../../core/period.ts'

describe('parsePeriod', () => {
  it.each<[string, Period]>([
    [
      '2026-Q1',
      {
        id: '2026-Q1',
        year: 2026,
        kind: 'quarter',
        lastMonth: 3,
        cutOff: '2026-03-14',
        due: '2026-03-16',
        label: 'Quý I/2026',
      },
    ],
    [
      '2026-Q2',
      {
        id: '2026-Q2',
        year: 2026,
        kind: 'quarter',
        lastMonth: 6,
        cutOff: '2026-06-14',
        due: '2026-06-16',
        label: 'Quý II/2026',
      },
    ],
    [
      '2026-Q3',
      {
        id: '2026-Q3',
        year: 2026,
        kind: 'quarter',
        lastMonth: 9,
        cutOff: '2026-09-14',
        due: '2026-09-16',
        label: 'Quý III/2026',
      },
    ],
    [
      '2026-Q4',
      {
        id: '2026-Q4',
        year: 2026,
        kind: 'quarter',
        lastMonth: 12,
        cutOff: '2026-12-14',
        due: '2026-12-16',
        label: 'Quý IV/2026',
      },
    ],
    [
      '2026-H1',
      {
        id: '2026-H1',
        year: 2026,
        kind: 'half',
        lastMonth: 6,
        cutOff: '2026-06-14',
        due: '2026-06-16',
        label: '6 tháng đầu năm 2026',
      },
    ],
    [
      '2026-H2',
      {
        id: '2026-H2',
        year: 2026,
        kind: 'half',
        lastMonth: 12,
        cutOff: '2026-12-14',
        due: '2026-12-16',
        label: '6 tháng cuối năm 2026',
      },
    ],
    [
      '2026',
      {
        id: '2026',
        year: 2026,
        kind: 'year',
        lastMonth: 12,
        cutOff: '2026-12-14',
        due: '2026-12-16',
        label: 'Năm 2026',
      },
    ],
    [
      '2026-07',
      {
        id: '2026-07',
        year: 2026,
        kind: 'month',
        lastMonth: 7,
        cutOff: '2026-07-14',
        due: '2026-07-16',
        label: 'Tháng 7/2026',
      },
    ],
    [
      '2027-02',
      {
        id: '2027-02',
        year: 2027,
        kind: 'month',
        lastMonth: 2,
        cutOff: '2027-02-14',
        due: '2027-02-16',
        label: 'Tháng 2/2027',
      },
    ],
  ])('reads "%s" with its cut-off on the 14th and due date on the 16th', (id, period) => {
    expect(parsePeriod(id)).toEqual(period)
  })

  it('reads a lower-case id with spaces around it as the same period', () => {
    expect(parsePeriod(' 2026-q3 ')).toEqual(parsePeriod('2026-Q3'))
  })

  it('takes other cut-off and due days from the province’s rules', () => {
    expect(parsePeriod('2026-Q2', 15, 20)).toMatchObject({
      cutOff: '2026-06-15',
      due: '2026-06-20',
    })
  })

  it('keeps cut-off and due days inside February by capping them at the 28th', () => {
    expect(parsePeriod('2026-02', 31, 31)).toMatchObject({
      cutOff: '2026-02-28',
      due: '2026-02-28',
    })
  })

  it.each([
    '2026-Q5',
    '2026-Q0',
    '2026-H3',
    '2026-13',
    '2026-00',
    '2026-7',
    'Quý III/2026',
    '',
    '26',
  ])('does not read "%s" as a period', (id) => {
    expect(parsePeriod(id)).toBeNull()
  })

  it('refuses a year outside the calendar it knows', () => {
    expect(parsePeriod('1850-Q1')).toBeNull()
  })
})

describe('computePeriod', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-06-30', '2026-Q2'],
    ['2026-07-01', '2026-Q3'],
    ['2026-09-14', '2026-Q3'],
    ['2026-09-30', '2026-Q3'],
    ['2026-10-01', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
  ])('puts %s in the report of %s', (date, id) => {
    expect(computePeriod(date)).toEqual(parsePeriod(id))
  })

  it('agrees with the quarter of the Vietnam date of an instant', () => {
    expect(computePeriod(computeVietnamDate(Date.UTC(2026, 8, 14, 3, 0)))).toEqual(
      parsePeriod('2026-Q3'),
    )
  })
})

describe('computeCurrentPeriod', () => {
  it('reports the next quarter from midnight Vietnam time, while UTC is still in the last one', () => {
    expect(computeCurrentPeriod(Date.UTC(2026, 8, 30, 17, 0))).toEqual(parsePeriod('2026-Q4'))
    expect(computeCurrentPeriod(Date.UTC(2026, 8, 30, 16, 59, 59, 999))).toEqual(
      parsePeriod('2026-Q3'),
    )
  })

  it('moves to the first quarter of the new year at midnight on 1 January in Vietnam', () => {
    expect(computeCurrentPeriod(Date.UTC(2026, 11, 31, 17, 0))).toEqual(parsePeriod('2027-Q1'))
    expect(computeCurrentPeriod(Date.UTC(2026, 11, 31, 16, 0))).toEqual(parsePeriod('2026-Q4'))
  })
})

describe('formatPeriod', () => {
  it.each([
    ['2026-Q4', 'Quý IV/2026'],
    ['2026-H1', '6 tháng đầu năm 2026'],
    ['2026', 'Năm 2026'],
    ['2026-12', 'Tháng 12/2026'],
  ])('labels "%s" as "%s"', (id, label) => {
    expect(formatPeriod(id)).toBe(label)
  })

  it('shows an id it cannot read as it was given', () => {
    expect(formatPeriod('kỳ đặc biệt')).toBe('kỳ đặc biệt')
  })
})

describe('computePeriodEnd', () => {
  it.each([
    ['2026-Q1', '2026-03-31'],
    ['2026-Q3', '2026-09-30'],
    ['2026-H1', '2026-06-30'],
    ['2026', '2026-12-31'],
    ['2028-02', '2028-02-29'],
  ])('ends %s on %s', (id, end) => {
    expect(computePeriodEnd(parsePeriod(id)!)).toBe(end)
  })
})

describe('computePeriodStart and isDateInPeriod', () => {
  it.each([
    ['2026-Q3', '2026-07-01'],
    ['2026-Q1', '2026-01-01'],
    ['2026-H2', '2026-07-01'],
    ['2026', '2026-01-01'],
    ['2026-11', '2026-11-01'],
  ])('starts %s on %s', (id, start) => {
    expect(computePeriodStart(parsePeriod(id)!)).toBe(start)
  })

  it.each<[string, string, boolean]>([
    ['2026-09-14', '2026-Q3', true],
    ['2026-09-30', '2026-Q3', true],
    ['2026-07-01', '2026-Q3', true],
    ['2026-06-30', '2026-Q3', false],
    ['2026-09-14', '2026-Q4', false],
    ['2026-12-14', '2026', true],
    ['2026-09-14', '2026-H2', true],
    ['2025-12-14', '2026', false],
  ])('report date %s lies in %s: %s', (date, id, holds) => {
    expect(isDateInPeriod(date, parsePeriod(id)!)).toBe(holds)
  })
})

describe('computeReportPeriod', () => {
  it.each<[string, Period['kind'] | undefined, string]>([
    ['2026-09-14', undefined, '2026-Q3'],
    ['2026-09-30', undefined, '2026-Q3'],
    ['2026-10-01', undefined, '2026-Q4'],
    ['2026-12-14', undefined, '2026-Q4'],
    ['2026-01-05', undefined, '2026-Q1'],
    ['2026-06-14', 'half', '2026-H1'],
    ['2026-07-14', 'half', '2026-H2'],
    ['2026-12-14', 'year', '2026'],
    ['2026-07-14', 'month', '2026-07'],
  ])('puts data up to %s (%s) in %s', (asOf, kind, id) => {
    expect(computeReportPeriod(asOf, kind)).toEqual(parsePeriod(id))
  })
})

describe('listPeriodChoices', () => {
  it('offers the quarters, the halves and the year, labelled as people say them', () => {
    expect(listPeriodChoices(2026).map((p) => [p.id, p.label])).toEqual([
      ['2026-Q1', 'Quý I/2026'],
      ['2026-Q2', 'Quý II/2026'],
      ['2026-Q3', 'Quý III/2026'],
      ['2026-Q4', 'Quý IV/2026'],
      ['2026-H1', '6 tháng đầu năm 2026'],
      ['2026-H2', '6 tháng cuối năm 2026'],
      ['2026', 'Năm 2026'],
    ])
  })
})

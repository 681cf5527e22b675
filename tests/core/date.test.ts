import { describe, expect, it } from 'vitest'
import {
  computeExcelSerial,
  computeMonthEnd,
  computeVietnamDate,
  convertExcelSerial,
  createIsoDate,
  formatVietnameseDate,
  formatVietnamTime,
  parseDayFirstDate,
  parseExportedDate,
} from '../../core/index.ts'
import {
  daysInMonth,
  readDatePrecision,
  rewriteMonthFirstDates,
  showDateAs,
  stripFormatLiterals,
} from '../../core/date.ts'

describe('daysInMonth', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 9, 30],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('counts %i-%i as %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days)
  })
})

describe('createIsoDate', () => {
  it('pads month and day to two digits', () => {
    expect(createIsoDate(2026, 3, 1)).toBe('2026-03-01')
  })

  it.each([
    [2026, 2, 29, 'a 29 February outside a leap year'],
    [2026, 4, 31, 'a 31st in a 30-day month'],
    [2026, 13, 1, 'month 13'],
    [2026, 0, 10, 'month 0'],
    [2026, 6, 0, 'day 0'],
    [1899, 12, 31, 'a year before 1900'],
    [2201, 1, 1, 'a year after 2200'],
    [2026.5, 1, 1, 'a fractional year'],
    [2026, 1, 1.5, 'a fractional day'],
  ])('refuses %i-%i-%i (%s)', (year, month, day) => {
    expect(createIsoDate(year, month, day)).toBeNull()
  })

  it('accepts 29 February in a leap year', () => {
    expect(createIsoDate(2028, 2, 29)).toBe('2028-02-29')
  })
})

describe('computeMonthEnd', () => {
  it.each([
    [2026, 12, '2026-12-31'],
    [2026, 9, '2026-09-30'],
    [2026, 2, '2026-02-28'],
    [2028, 2, '2028-02-29'],
  ])('ends %i-%i on %s', (year, month, end) => {
    expect(computeMonthEnd(year, month)).toBe(end)
  })
})

describe('parseDayFirstDate', () => {
  // Dates as the seed plans and the phrasebook write them (day first, 1 March not 3 January).
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['01/03/2026', '2026-03-01'],
    ['01/01/2026', '2026-01-01'],
    ['1/7/2026', '2026-07-01'],
    ['1-7-2026', '2026-07-01'],
    ['15.09.2026', '2026-09-15'],
    [' 31 / 01 / 2027 ', '2027-01-31'],
    // A time of day after the date, as systems export it.
    ['15/03/2026 08:00', '2026-03-15'],
    ['15/03/2026 8:00:00', '2026-03-15'],
  ])('reads "%s" as %s', (text, date) => {
    expect(parseDayFirstDate(text)).toEqual({ date })
  })

  it('reads a year-first date as programs export it, apart from day-first ones', () => {
    expect(parseExportedDate('2026-03-15')).toEqual({ date: '2026-03-15' })
    expect(parseExportedDate('2026-03-15T08:30:00')).toEqual({ date: '2026-03-15' })
    expect(parseExportedDate('2026-02-30')).toBe('invalid')
    expect(parseExportedDate('15/03/2026')).toBeNull()
    expect(parseExportedDate('2021-2025')).toBeNull()
  })

  it.each(['31/02/2026', '29/02/2026', '32/01/2026', '15/13/2026'])(
    'calls "%s" invalid: it looks like a date but the day does not exist',
    (text) => {
      expect(parseDayFirstDate(text)).toBe('invalid')
    },
  )

  it.each(['Trước ngày 31/12/2026', 'Tháng 12/2026', '2026-12-31', '31/12/26', '', 'Thường xuyên'])(
    'does not take "%s" for a bare day-first date',
    (text) => {
      expect(parseDayFirstDate(text)).toBeNull()
    },
  )
})

describe('Excel serial days', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [46022, '2025-12-31'],
    [46387, '2026-12-31'],
    [2958465, '9999-12-31'],
  ])('converts serial %i to %s', (serial, date) => {
    expect(convertExcelSerial(serial)).toBe(date)
  })

  it('drops the time of day of a serial with a fraction', () => {
    expect(convertExcelSerial(46387.75)).toBe('2026-12-31')
  })

  it.each([0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses serial %s outside Excel’s calendar',
    (serial) => {
      expect(convertExcelSerial(serial)).toBeNull()
    },
  )

  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2026-12-31', 46387],
    ['2026-09-14', 46279],
  ])('turns %s into serial %i', (date, serial) => {
    expect(computeExcelSerial(date)).toBe(serial)
  })

  it('round-trips every day of 2026 through the serial', () => {
    const wrong: number[] = []
    for (let serial = 46023; serial <= 46387; serial++) {
      if (computeExcelSerial(convertExcelSerial(serial)!) !== serial) wrong.push(serial)
    }
    expect(wrong).toEqual([])
  })
})

describe('Excel serial days in the 1904 date system', () => {
  it.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [44925, '2026-12-31'],
    [44925.5, '2026-12-31'],
  ])('converts 1904 serial %s to %s', (serial, date) => {
    expect(convertExcelSerial(serial, true)).toBe(date)
  })

  it('is the 1900 serial less 1,462 days, both ways, and refuses days before 1904', () => {
    expect(computeExcelSerial('2026-09-14', true)).toBe(46279 - 1462)
    expect(convertExcelSerial(46279 - 1462, true)).toBe(convertExcelSerial(46279))
    expect(convertExcelSerial(-1, true)).toBeNull()
  })

  it('reads a time of day (a serial under 1) as no date in the 1900 system', () => {
    expect(convertExcelSerial(0.5)).toBeNull()
  })
})

describe('formatVietnameseDate', () => {
  it('writes 2026-09-05 as 05/09/2026', () => {
    expect(formatVietnameseDate('2026-09-05')).toBe('05/09/2026')
  })

  it('round-trips with parseDayFirstDate', () => {
    expect(parseDayFirstDate(formatVietnameseDate('2026-12-31'))).toEqual({ date: '2026-12-31' })
  })
})

describe('computeVietnamDate', () => {
  it('is already the next day in Vietnam at 17:00 UTC', () => {
    expect(computeVietnamDate(Date.UTC(2026, 11, 31, 17, 0))).toBe('2027-01-01')
  })

  it('is still the same day in Vietnam at 16:59:59.999 UTC', () => {
    expect(computeVietnamDate(Date.UTC(2026, 11, 31, 16, 59, 59, 999))).toBe('2026-12-31')
  })

  it('is the same day as UTC in the Vietnamese morning', () => {
    expect(computeVietnamDate(Date.UTC(2026, 8, 14, 0, 0))).toBe('2026-09-14')
  })

  it('has no daylight saving: 7 hours ahead in June as in January', () => {
    expect(computeVietnamDate(Date.UTC(2026, 5, 30, 17, 0))).toBe('2026-07-01')
    expect(computeVietnamDate(Date.UTC(2026, 0, 31, 17, 0))).toBe('2026-02-01')
  })
})

describe('formatVietnamTime', () => {
  it.each([
    ['2026-11-22T05:36:00.000Z', '22/11/2026 12:36'],
    ['2026-12-31T17:00:00Z', '01/01/2027 00:00'],
    ['2026-12-31T16:59:59Z', '31/12/2026 23:59'],
    ['2026-09-14T00:05:00+07:00', '14/09/2026 00:05'],
  ])('shows the stored instant %s as %s in Vietnam', (iso, shown) => {
    expect(formatVietnamTime(iso)).toBe(shown)
  })
})

describe('readDatePrecision', () => {
  it.each([
    ['dd/mm/yyyy', 'day'],
    ['[$-42A]d/m/yy', 'day'],
    ['"Ngày "dd"/"mm"/"yyyy', 'day'],
    ['m/d/yy h:mm', 'day'],
    ['mm/yyyy', 'month'],
    ['mmm-yy', 'month'],
    ['"Tháng "m"/"yyyy', 'month'],
    ['yyyy', 'year'],
    // Without a year, what shows cannot be placed: the date is kept.
    ['mmmm', 'day'],
  ] as const)('reads "%s" as showing the %s', (format, precision) => {
    expect(readDatePrecision(format)).toBe(precision)
  })

  it('shows a date as its sheet does', () => {
    expect(showDateAs('2026-04-01', 'day')).toEqual({ date: '2026-04-01' })
    expect(showDateAs('2026-04-01', 'month')).toEqual({ date: '2026-04-01', shows: 'month' })
    expect(showDateAs('2026-04-01', 'year')).toEqual({ date: '2026-04-01', shows: 'year' })
  })
})

describe('stripFormatLiterals', () => {
  it('keeps the parts a format shows, without quoted text, escapes, colours and locales', () => {
    expect(stripFormatLiterals('[$-42A]"Ngày "dd"/"MM/yyyy')).toBe('ddmm/yyyy')
    expect(stripFormatLiterals('0\\ \\d\\a\\y\\s')).toBe('0')
    expect(stripFormatLiterals('[Red]#,##0')).toBe('#,##0')
  })
})

describe('rewriteMonthFirstDates', () => {
  it('writes a column of month-first dates day first, and leaves day-first and undecided columns', () => {
    const values: unknown[][] = [
      ['Hạn', 'Ngày', 'Khác'],
      ['1/31/2025', '31/1/2025', '1/2/2025'],
      ['Trước 2/28/2025', '15/3/2025', '3/4/2025'],
      [null, 7, null],
    ]
    rewriteMonthFirstDates(values)
    expect(values).toEqual([
      ['Hạn', 'Ngày', 'Khác'],
      ['31/1/2025', '31/1/2025', '1/2/2025'],
      ['Trước 28/2/2025', '15/3/2025', '3/4/2025'],
      [null, 7, null],
    ])
  })

  it('leaves a column that holds dates only one way and the other both', () => {
    const values: unknown[][] = [['1/31/2025'], ['31/1/2025']]
    rewriteMonthFirstDates(values)
    expect(values).toEqual([['1/31/2025'], ['31/1/2025']])
  })
})

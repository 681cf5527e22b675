/** Calendar dates as ISO strings (yyyy-mm-dd): no time of day, no time zone, compared as text. */
export type IsoDate = string

/** The number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Builds an ISO date, or null when the day does not exist (31/02). */
export function createIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The last day of a month as an ISO date. */
export function computeMonthEnd(year: number, month: number): IsoDate {
  return createIsoDate(year, month, daysInMonth(year, month))!
}

/**
 * Parses a day-first date written as text: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy (a time of
 * day after it left aside).
 * Returns `invalid` when it looks like a date but the day does not exist.
 * @example parseDayFirstDate('31/12/2026') // { date: '2026-12-31' }
 */
export function parseDayFirstDate(text: string): { date: IsoDate } | 'invalid' | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(
    text.replace(timeOfDay, ''),
  )
  if (!m) return null
  const date = createIsoDate(Number(m[3]), Number(m[2]), Number(m[1]))
  return date ? { date } : 'invalid'
}

// A time of day after a date, as systems export it ("15/03/2026 08:00", "2026-03-15T08:00:00").
const timeOfDay = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?\s*$/i

/**
 * Parses a date as programs export it, year first: 2026-03-15, with or without a time of day.
 * @example parseExportedDate('2026-03-15 08:00') // { date: '2026-03-15' }
 */
export function parseExportedDate(text: string): { date: IsoDate } | 'invalid' | null {
  const m = /^\s*((?:19|20|21)\d{2})-(\d{1,2})-(\d{1,2})\s*$/.exec(text.replace(timeOfDay, ''))
  if (!m) return null
  const date = createIsoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  return date ? { date } : 'invalid'
}

/** Days between the two date systems: serial 0 of the 1904 system is serial 1462 of the 1900 one. */
export const date1904Offset = 1462

const writtenDate = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/g

/**
 * Rewrites, column by column, dates typed month first ("1/31/2025", from a template in another
 * language) day first, as every reader here expects. A column is month first when one of its dates
 * only reads that way (a second number above 12) and none only reads day first; otherwise its
 * dates are left as they are (day first, the Vietnamese way). Changes `values` in place.
 */
export function rewriteMonthFirstDates(values: unknown[][]): void {
  const width = Math.max(0, ...values.map((r) => r.length))
  for (let c = 0; c < width; c++) {
    let monthFirst = 0
    let dayFirst = 0
    for (const row of values) {
      const text = row[c]
      if (typeof text !== 'string' || text.length < 8 || !/\d[/.-]\d/.test(text)) continue
      for (const m of text.matchAll(writtenDate)) {
        if (Number(m[1]) > 12) dayFirst++
        else if (Number(m[3]) > 12) monthFirst++
      }
    }
    if (!monthFirst || dayFirst) continue
    for (const row of values) {
      const text = row[c]
      if (typeof text === 'string') row[c] = text.replace(writtenDate, '$3$2$1$2$4')
    }
  }
}

/**
 * Converts an Excel serial day number to an ISO date, in the workbook's date system: the 1900 system
 * (with its fictitious 29/02/1900) or the 1904 system (serial 0 is 01/01/1904), as a workbook's
 * `date1904` flag says. The time of day is dropped. One rule for the xlsx reader and the add-in.
 * @example convertExcelSerial(46387) // '2026-12-31'; convertExcelSerial(44925, true) // '2026-12-31'
 */
export function convertExcelSerial(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null
  // The time is rounded to the millisecond first, as the xlsx reader has always read it (ExcelJS too).
  const whole = Math.floor(Math.round(serial * 86_400_000) / 86_400_000)
  if (date1904) return whole < 0 ? null : convertExcelSerial(whole + date1904Offset)
  if (whole < 1 || whole > 2958465) return null
  // Serial 60 is the 29/02/1900 that Excel invents; days after it are shifted by one.
  if (whole === 60) return '1900-02-29'
  const days = whole > 60 ? whole - 1 : whole
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * A number format's code without what it shows literally (quoted text, escaped characters, colours
 * and locales in brackets), lower-cased: what is left names the parts of the value it shows.
 * @example stripFormatLiterals('[$-42A]"Ngày "dd/mm/yyyy') // 'dd/mm/yyyy'
 */
export function stripFormatLiterals(format: string): string {
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase()
}

/** How much of a date a number format shows: the day, or only the month, or only the year. */
export type DatePrecision = 'day' | 'month' | 'year'

/**
 * What a date format shows, read from its code (quoted text, escapes and brackets left out): a
 * format without days but with a year shows a month ("mm/yyyy", "mmm-yy") or a year ("yyyy").
 * @example readDatePrecision('mm/yyyy') // 'month'
 * @example readDatePrecision('[$-42A]dd/mm/yyyy') // 'day'
 */
export function readDatePrecision(format: string): DatePrecision {
  const bare = stripFormatLiterals(format)
  if (/d/.test(bare) || !/y/.test(bare) || /[hs]/.test(bare)) return 'day'
  return /m/.test(bare) ? 'month' : 'year'
}

/**
 * A date cell as its sheet shows it: with `shows` when only the month or the year shows, which a
 * deadline reads as that period (a tracker's "Tháng 4" typed as a date and shown as m/yyyy is due at
 * the end of April, not on its first day).
 */
export function showDateAs(
  date: IsoDate,
  precision: DatePrecision,
): { date: IsoDate; shows?: 'month' | 'year' } {
  return precision === 'day' ? { date } : { date, shows: precision }
}

/** Converts an ISO date to an Excel serial day number in the workbook's date system. */
export function computeExcelSerial(date: IsoDate, date1904 = false): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86_400_000
  const serial = days >= 60 ? days + 1 : days
  return date1904 ? serial - date1904Offset : serial
}

const dayMs = 86_400_000

/** The day number of an ISO date (days since 1970-01-01), for counting days without time zones. */
export function computeDayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / dayMs
}

/** The ISO date of a day number (days since 1970-01-01). */
export function formatDayNumber(day: number): IsoDate {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatDayNumber(computeDayNumber(date) + days)
}

/** The day of the week: 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export function computeWeekday(date: IsoDate): number {
  return (((computeDayNumber(date) + 4) % 7) + 7) % 7
}

/** Formats an ISO date the Vietnamese way (dd/mm/yyyy). */
export function formatVietnameseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}

/** The number of days from one date to another (negative when `to` comes first). */
export function computeDayCount(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

const vietnamOffsetMs = 7 * 3_600_000

/** The ISO date of an instant in Vietnam (UTC+7, no daylight saving). */
export function computeVietnamDate(epochMs: number): IsoDate {
  return new Date(epochMs + vietnamOffsetMs).toISOString().slice(0, 10)
}

/** A stored UTC instant as Vietnam shows it (UTC+7): "22/11/2026 12:36". */
export function formatVietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + vietnamOffsetMs).toISOString()
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`
}

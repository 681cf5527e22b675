import { computeMonthEnd, computeVietnamDate, createIsoDate, type IsoDate } from './date.ts'

/** A reporting period: a quarter (2026-Q3), a half year (2026-H1), a year (2026) or a month (2026-07). */
export type Period = {
  id: string
  year: number
  kind: 'quarter' | 'half' | 'year' | 'month'
  /** Last month of the period (1–12). */
  lastMonth: number
  /** The data cut-off (the 14th of the last month; 14 December for the year, Nghị định 09/2019). */
  cutOff: IsoDate
  /** The day the report is due at Sở Nội vụ (the 16th of the last month). */
  due: IsoDate
  label: string
}

/**
 * Reads a period id.
 * @example parsePeriod('2026-Q3') // { kind: 'quarter', lastMonth: 9, cutOff: '2026-09-14', … }
 */
export function parsePeriod(id: string, cutOffDay = 14, dueDay = 16): Period | null {
  const t = id.trim().toUpperCase()
  let m: RegExpExecArray | null
  const make = (
    year: number,
    kind: Period['kind'],
    lastMonth: number,
    label: string,
  ): Period | null => {
    const cutOff = createIsoDate(year, lastMonth, Math.min(cutOffDay, 28))
    const due = createIsoDate(year, lastMonth, Math.min(dueDay, 28))
    if (!cutOff || !due) return null
    return { id: t, year, kind, lastMonth, cutOff, due, label }
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(t))) {
    const q = Number(m[2])
    return make(Number(m[1]), 'quarter', q * 3, `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${m[1]}`)
  }
  if ((m = /^(\d{4})-H([12])$/.exec(t))) {
    return make(
      Number(m[1]),
      'half',
      Number(m[2]) * 6,
      `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}`,
    )
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t))) {
    return make(Number(m[1]), 'month', Number(m[2]), `Tháng ${Number(m[2])}/${m[1]}`)
  }
  if ((m = /^(\d{4})$/.exec(t))) return make(Number(m[1]), 'year', 12, `Năm ${m[1]}`)
  return null
}

/** The quarter a date falls in, as the period whose report is being prepared then. */
export function computePeriod(date: IsoDate): Period {
  const [y, mo] = date.split('-').map(Number) as [number, number]
  return parsePeriod(`${y}-Q${Math.ceil(mo / 3)}`)!
}

/** The quarter being reported at an instant, on Vietnam's calendar: the default period everywhere. */
export function computeCurrentPeriod(epochMs: number): Period {
  return computePeriod(computeVietnamDate(epochMs))
}

/** A period's label in Vietnamese ("Quý III/2026"). */
export function formatPeriod(id: string): string {
  return parsePeriod(id)?.label ?? id
}

/** The end of a period's last month. */
export function computePeriodEnd(period: Period): IsoDate {
  return computeMonthEnd(period.year, period.lastMonth)
}

const monthsOf: Record<Period['kind'], number> = { month: 1, quarter: 3, half: 6, year: 12 }

/** The first day of a period. */
export function computePeriodStart(period: Period): IsoDate {
  const first = period.lastMonth - monthsOf[period.kind] + 1
  return `${period.year}-${String(first).padStart(2, '0')}-01`
}

/** Whether a date (a report's "số liệu đến" date) lies within a period. */
export function isDateInPeriod(date: IsoDate, period: Period): boolean {
  return date >= computePeriodStart(period) && date <= computePeriodEnd(period)
}

/**
 * The period a report date belongs to, of the kind asked (a quarter by default): the calendar
 * period holding the date, as offices count it ("số liệu đến 14/09/2026" is Quý III/2026).
 * @example computeReportPeriod('2026-09-14').id // '2026-Q3'
 */
export function computeReportPeriod(asOf: IsoDate, kind: Period['kind'] = 'quarter'): Period {
  const [y, m] = asOf.split('-').map(Number) as [number, number]
  const id =
    kind === 'year'
      ? `${y}`
      : kind === 'half'
        ? `${y}-H${m <= 6 ? 1 : 2}`
        : kind === 'month'
          ? `${y}-${String(m).padStart(2, '0')}`
          : `${y}-Q${Math.ceil(m / 3)}`
  return parsePeriod(id)!
}

/** The periods a picker offers for a year: its quarters, its halves and the year itself. */
export function listPeriodChoices(year: number): Period[] {
  return [
    `${year}-Q1`,
    `${year}-Q2`,
    `${year}-Q3`,
    `${year}-Q4`,
    `${year}-H1`,
    `${year}-H2`,
    `${year}`,
  ]
    .map((id) => parsePeriod(id))
    .filter((p): p is Period => p !== null)
}

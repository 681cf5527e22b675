import { addDays, computeWeekday, type IsoDate } from './date.ts'
import { computeLunarNewYear, convertLunarDate } from './lunar.ts'

// Vietnam's public holidays for state offices (Bộ luật Lao động 2019, Điều 112, from 2021):
// Tết Dương lịch 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9
// and one adjoining day before or after. The Prime Minister fixes each year's five Tết days and the
// day beside 2/9 (Điều 112 khoản 3), often with a weekday swapped for a Saturday (hoán đổi). A holiday
// on a weekend is made up on the next working day (nghỉ bù, Nghị định 145/2020/NĐ-CP, Điều 58).
// Years the Government has decided are in `decisions`; other years follow the rule most years show.
// When the amended Code adds Ngày Văn hóa Việt Nam (24/11, proposed in Nghị quyết 30/NQ-CP 2026) it
// belongs in `fixedHolidays` from the year the amendment takes effect.

/** What the Government decided for a year: all Tết days off, the day beside 2/9, and swaps. */
type YearDecision = {
  /** First and last day of the Tết days off (weekends and compensation included). */
  tet: [IsoDate, IsoDate]
  /** The day off beside Quốc khánh 2/9. */
  nationalDay?: IsoDate
  /** Weekdays given off, each made up on a Saturday: [day off, Saturday worked]. */
  swaps?: [IsoDate, IsoDate][]
  source: string
}

const decisions: Record<number, YearDecision> = {
  2020: {
    tet: ['2020-01-23', '2020-01-29'],
    source: 'Thông báo nghỉ Tết Canh Tý của Bộ LĐTBXH (29 tháng Chạp – mùng 5)',
  },
  2021: {
    tet: ['2021-02-10', '2021-02-16'],
    nationalDay: '2021-09-03',
    source: 'Thông báo nghỉ lễ, Tết năm 2021 của Bộ LĐTBXH',
  },
  2022: {
    tet: ['2022-01-31', '2022-02-04'],
    nationalDay: '2022-09-01',
    source: 'Thông báo nghỉ lễ, Tết năm 2022 của Bộ LĐTBXH',
  },
  2023: {
    tet: ['2023-01-20', '2023-01-26'],
    nationalDay: '2023-09-01',
    source: 'Thông báo nghỉ lễ, Tết năm 2023 của Bộ LĐTBXH (Tết 20/1 – 26/1/2023)',
  },
  2024: {
    tet: ['2024-02-08', '2024-02-14'],
    nationalDay: '2024-09-03',
    swaps: [['2024-04-29', '2024-05-04']],
    source: 'Thông báo nghỉ lễ, Tết năm 2024 của Bộ LĐTBXH; Công văn 2450/VPCP-KGVX ngày 12/4/2024',
  },
  2025: {
    tet: ['2025-01-25', '2025-02-02'],
    nationalDay: '2025-09-01',
    swaps: [['2025-05-02', '2025-04-26']],
    source:
      'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo nghỉ lễ, Tết năm 2025 của Bộ LĐTBXH',
  },
  2026: {
    tet: ['2026-02-16', '2026-02-20'],
    nationalDay: '2026-09-01',
    swaps: [
      ['2026-01-02', '2026-01-10'],
      ['2026-08-31', '2026-08-22'],
    ],
    source:
      'Ý kiến Thủ tướng về nghỉ Tết Âm lịch, Quốc khánh năm 2026 (Văn phòng Chính phủ, 10/2025); Công văn 12729/VPCP-KGVX ngày 25/12/2025',
  },
}

/** Every day off of a year with its reason, and the Saturdays worked instead of a swapped weekday. */
export type HolidayYear = { off: Map<IsoDate, string>; workedSaturdays: Set<IsoDate> }

const years = new Map<number, HolidayYear>()

/**
 * The public holidays, compensatory days and swapped days of a year, as state offices observe them.
 * @example computeHolidays(2026).off.get('2026-04-27') // 'Nghỉ bù Giỗ Tổ Hùng Vương'
 */
export function computeHolidays(year: number): HolidayYear {
  let found = years.get(year)
  if (found) return found
  const decision = decisions[year]
  const off = new Map<IsoDate, string>()
  const statutory: [IsoDate, string][] = [[`${year}-01-01`, 'Tết Dương lịch']]
  const tet = computeLunarNewYear(year)
  if (decision) {
    for (let d = decision.tet[0]; d <= decision.tet[1]; d = addDays(d, 1)) off.set(d, 'Tết Âm lịch')
  } else {
    // The last day of the old year and the first four of the new, as most years have it.
    for (let i = -1; i < 4; i++) statutory.push([addDays(tet, i), 'Tết Âm lịch'])
  }
  statutory.push([convertLunarDate(10, 3, year)!, 'Giỗ Tổ Hùng Vương'])
  statutory.push([`${year}-04-30`, 'Ngày Chiến thắng'], [`${year}-05-01`, 'Quốc tế Lao động'])
  statutory.push([`${year}-09-02`, 'Quốc khánh'])
  if (year >= 2021) {
    const beside = decision?.nationalDay ?? computeNationalDayNeighbour(year)
    statutory.push([beside, 'Quốc khánh'])
  }
  statutory.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [date, name] of statutory) off.set(date, name)
  for (const [date, name] of statutory) {
    if (!isWeekend(date)) continue
    let next = addDays(date, 1)
    while (isWeekend(next) || off.has(next)) next = addDays(next, 1)
    off.set(next, `Nghỉ bù ${name}`)
  }
  const workedSaturdays = new Set<IsoDate>()
  for (const [day, saturday] of decision?.swaps ?? []) {
    off.set(day, 'Nghỉ hoán đổi')
    workedSaturdays.add(saturday)
  }
  found = { off, workedSaturdays }
  years.set(year, found)
  return found
}

/**
 * The day off beside 2/9 when the Government has not yet fixed it: the one that joins the weekend
 * (Monday → Tuesday, Tuesday → Monday, Thursday → Friday, Friday → Thursday), the day before on a
 * Wednesday or a Saturday, the Monday after a Sunday — as every year from 2021 to 2026 had it.
 */
function computeNationalDayNeighbour(year: number): IsoDate {
  const weekday = computeWeekday(`${year}-09-02`)
  return [1, 4, 0].includes(weekday) ? `${year}-09-03` : `${year}-09-01`
}

function isWeekend(date: IsoDate): boolean {
  const weekday = computeWeekday(date)
  return weekday === 0 || weekday === 6
}

/** Whether state offices work on a day: not a Saturday or Sunday (unless swapped in), not a holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const year = computeHolidays(Number(date.slice(0, 4)))
  if (year.off.has(date)) return false
  return !isWeekend(date) || year.workedSaturdays.has(date)
}

/** The day itself when it is a working day, else the next working day (Bộ luật Dân sự 2015, Điều 148.5). */
export function computeNextWorkingDay(date: IsoDate): IsoDate {
  let day = date
  while (!isWorkingDay(day)) day = addDays(day, 1)
  return day
}

/** The n-th working day after a date (the date itself not counted). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let day = date
  for (let left = n; left > 0;) {
    day = addDays(day, 1)
    if (isWorkingDay(day)) left--
  }
  return day
}

/** The Government decision a year's Tết and 2/9 days come from; null when they are estimated by rule. */
export function findHolidaySource(year: number): string | null {
  return decisions[year]?.source ?? null
}

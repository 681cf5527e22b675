import { computeDayNumber, formatDayNumber, type IsoDate } from './date.ts'

// The Vietnamese lunisolar calendar (âm lịch), reckoned on Vietnam's meridian (UTC+7): a month starts
// on the day of the new moon in Hà Nội time, and month 11 holds the winter solstice. This is the
// astronomical method of Hồ Ngọc Đức's published algorithm (new moons and the sun's longitude from
// Jean Meeus, "Astronomical Algorithms"), which is what Vietnamese calendars print. Reckoned at UTC+8
// (China) some years differ: Tết 1985 and 2007 fall a day or a month apart.

const timeZone = 7
const synodicMonth = 29.530588853
// The day number (days since 1970-01-01) of Julian day 0.
const julianEpoch = 2_440_588
const k0 = 2415021.076998695
const rad = Math.PI / 180

/** The Julian day of the k-th new moon after 1 January 1900 (fractional, Universal Time). */
function computeNewMoon(k: number): number {
  const t = k / 1236.85
  const t2 = t * t
  const t3 = t2 * t
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * rad)
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
  let c = (0.1734 - 0.000393 * t) * Math.sin(m * rad) + 0.0021 * Math.sin(2 * rad * m)
  c += -0.4068 * Math.sin(mpr * rad) + 0.0161 * Math.sin(rad * 2 * mpr)
  c += -0.0004 * Math.sin(rad * 3 * mpr)
  c += 0.0104 * Math.sin(rad * 2 * f) - 0.0051 * Math.sin(rad * (m + mpr))
  c += -0.0074 * Math.sin(rad * (m - mpr)) + 0.0004 * Math.sin(rad * (2 * f + m))
  c += -0.0004 * Math.sin(rad * (2 * f - m)) - 0.0006 * Math.sin(rad * (2 * f + mpr))
  c += 0.001 * Math.sin(rad * (2 * f - mpr)) + 0.0005 * Math.sin(rad * (2 * mpr + m))
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2
  return jd + c - deltaT
}

/** The sun's apparent longitude (radians, 0 … 2π) at a Julian day. */
function computeSunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525
  const t2 = t * t
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(rad * m)
  dl += (0.019993 - 0.000101 * t) * Math.sin(rad * 2 * m) + 0.00029 * Math.sin(rad * 3 * m)
  const l = (l0 + dl) * rad
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2))
}

/** The Julian day number of the local day on which the k-th new moon falls. */
function computeNewMoonDay(k: number): number {
  return Math.floor(computeNewMoon(k) + 0.5 + timeZone / 24)
}

/** Which twelfth of the ecliptic (0–11) the sun is in at the start of a local day. */
function computeSunSector(jdn: number): number {
  return Math.floor((computeSunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI) * 6)
}

function computeJulianDay(date: IsoDate): number {
  return computeDayNumber(date) + julianEpoch
}

/** The first day of lunar month 11 (the month holding the winter solstice) of a solar year. */
function computeMonth11(year: number): number {
  const off = computeJulianDay(`${year}-12-31`) - 2415021
  const k = Math.floor(off / synodicMonth)
  const start = computeNewMoonDay(k)
  // A new moon after the solstice (sun past 270°) starts month 12: month 11 began a month earlier.
  return computeSunSector(start) >= 9 ? computeNewMoonDay(k - 1) : start
}

/** In a leap year (13 months from one month 11 to the next), which month after month 11 is leap. */
function computeLeapOffset(month11: number): number {
  const k = Math.floor((month11 - k0) / synodicMonth + 0.5)
  let i = 1
  let arc = computeSunSector(computeNewMoonDay(k + i))
  let last: number
  // The leap month is the first that holds no major solar term: the sun stays in one sector.
  do {
    last = arc
    i++
    arc = computeSunSector(computeNewMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

/**
 * The solar date of a lunar date (day, month 1–12, lunar year; `leap` for the repeated month of a
 * leap year), or null when that leap month does not exist.
 * @example convertLunarDate(1, 1, 2026) // '2026-02-17' (Tết Bính Ngọ)
 */
export function convertLunarDate(
  day: number,
  month: number,
  year: number,
  leap = false,
): IsoDate | null {
  const [a11, b11] =
    month < 11
      ? [computeMonth11(year - 1), computeMonth11(year)]
      : [computeMonth11(year), computeMonth11(year + 1)]
  const k = Math.floor(0.5 + (a11 - k0) / synodicMonth)
  let off = month - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = computeLeapOffset(a11)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && month !== leapMonth) return null
    if (leap || off >= leapOff) off += 1
  } else if (leap) return null
  return formatDayNumber(computeNewMoonDay(k + off) + day - 1 - julianEpoch)
}

/** The solar date of lunar new year's day (mùng 1 Tết) of a year. */
export function computeLunarNewYear(year: number): IsoDate {
  return convertLunarDate(1, 1, year)!
}

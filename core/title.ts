import { createIsoDate, type IsoDate } from './date.ts'
import { cellText, type CellValue } from './grid.ts'
import { foldKeepingPunctuation } from './text.ts'

// The title rows above a table name its plan: "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026", "NHIỆM VỤ
// THÁNG 02/2026", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026 của UBND thành phố)".

const date = '(\\d{1,2}) ?[/.-] ?(\\d{1,2}) ?[/.-] ?(\\d{4})'
const longDate = '(\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})'
// The document the table belongs to, then its date: "Kế hoạch số 45/KH-UBND ngày 14/7/2026".
const issuedDate = new RegExp(
  `\\b(?:ke hoach|quyet dinh|chi thi|chuong trinh|cong van|thong bao|van ban|nghi quyet|ban hanh)\\b[^;()\\n]{0,60}?\\bngay (?:${date}|${longDate})`,
  'g',
)
// Every date written in the title rows, short ("14/7/2026") or long ("14 tháng 7 năm 2026").
const dates = new RegExp(`\\b${date}\\b`, 'g')
const longDates = new RegExp(`\\b${longDate}\\b`, 'g')

/**
 * The issue date of the document a table is attached to, from its title rows: the date that follows
 * the document's name ("(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026)", "Quyết định … ngày 14
 * tháng 7 năm 2026"). A date left blank for signing ("ngày /12/2025") or one that does not exist is
 * no issue date; nor is a date that is no document's ("Số liệu tính đến ngày 14/6/2026").
 * @example findTitleIssued('(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026)') // '2026-07-14'
 */
export function findTitleIssued(titleText: string): IsoDate | null {
  const folded = foldKeepingPunctuation(titleText)
  // A title cites older documents ("thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025") before its own
  // ("(Kèm theo Nghị quyết số 97/NQ-CP ngày 06/4/2026)"): the one it is attached to, else the latest.
  const found = [...folded.matchAll(issuedDate)].flatMap((m) => {
    const [day, month, year] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]
    const iso = createIsoDate(Number(year), Number(month), Number(day))
    return iso ? [{ iso, attached: /\bkem theo\s*$/.test(folded.slice(0, m.index)) }] : []
  })
  const attached = found.find((f) => f.attached)
  if (attached) return attached.iso
  return found.reduce<IsoDate | null>((a, f) => (a === null || f.iso > a ? f.iso : a), null)
}

/**
 * The plan year from title rows: "… NĂM 2026" first, else a month "THÁNG 02/2026", else the year of
 * the latest date written there ("… ngày 14/7/2026"), else the first year of a span ("GIAI ĐOẠN 2026 - 2030"),
 * else a horizon. A year the work only runs up to ("TẦM NHÌN ĐẾN NĂM 2045", "đến năm 2030") is its
 * horizon, not its year.
 * @example findTitleYear('NHIỆM VỤ THÁNG 02/2026') // 2026
 */
export function findTitleYear(titleText: string): number | null {
  const folded = foldKeepingPunctuation(titleText)
  // ("năm 2025" that ends a date, "ngày 30 tháng 4 năm 2025", is that date's year, read below)
  const named = [...folded.matchAll(/\b(den (?:het )?)?nam ((?:19|20|21)\d{2})\b/g)].filter(
    (m) =>
      !/(?:\d{1,2}|ngay) thang \d{1,2} $/.test(folded.slice(Math.max(0, m.index - 16), m.index)),
  )
  // Of the dates written there, the latest: a title cites older documents before its own date.
  const dated = [...folded.matchAll(dates), ...folded.matchAll(longDates)].map((m) => m[3]!)
  const year =
    named.find((m) => !m[1])?.[2] ??
    /\bthang \d{1,2} ?[/.-] ?((?:19|20|21)\d{2})\b/.exec(folded)?.[1] ??
    dated.reduce<string | undefined>((a, y) => (a === undefined || y > a ? y : a), undefined) ??
    /\b((?:19|20|21)\d{2}) ?[-–] ?(?:19|20|21)\d{2}\b/.exec(folded)?.[1] ??
    named[0]?.[2]
  const found = Number(year)
  return found >= 1900 && found <= 2199 ? found : null
}

/**
 * The first year of the school year the title rows name ("KẾ HOẠCH HỌC KỲ 2 NĂM HỌC 2025-2026"):
 * a school year runs from September to the next summer, so a day or month written without a year
 * falls in one of its two years.
 * @example findTitleSchoolYear('THÔNG BÁO KẾ HOẠCH HỌC KỲ 2 NĂM HỌC 2025-2026') // 2025
 */
export function findTitleSchoolYear(titleText: string): number | null {
  const m = /\bnam hoc ((?:19|20|21)\d{2}) ?[-–] ?((?:19|20|21)\d{2})\b/.exec(
    foldKeepingPunctuation(titleText),
  )
  return m && Number(m[2]) === Number(m[1]) + 1 ? Number(m[1]) : null
}

/**
 * The one day the title rows name, where they name a single day (a meeting's programme: "Thời gian:
 * 14h00, ngày 22/01/2026"); null where they name none or several.
 * @example findTitleDay('CHƯƠNG TRÌNH HỘI NGHỊ\nThời gian: 14h00, ngày 22/01/2026') // '2026-01-22'
 */
export function findTitleDay(titleText: string): IsoDate | null {
  const days = new Set<IsoDate>()
  for (const m of foldKeepingPunctuation(titleText).matchAll(dates)) {
    const day = createIsoDate(Number(m[3]), Number(m[2]), Number(m[1]))
    if (day) days.add(day)
  }
  return days.size === 1 ? [...days][0]! : null
}

/** The text of the title rows above a table's header (row index `headerRow` of `values`), a line a row. */
export function readTitleText(values: CellValue[][], headerRow: number): string {
  return values
    .slice(0, headerRow)
    .map((row) => row.map((v) => cellText(v)).join(' '))
    .join('\n')
}

/**
 * Whether the title rows name a plan for several years ("GIAI ĐOẠN 2026 - 2030", "2026-2030").
 * @example namesSeveralYears('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030') // true
 */
export function namesSeveralYears(titleText: string): boolean {
  const m = /\b((?:19|20|21)\d{2}) ?[-–] ?((?:19|20|21)\d{2})\b/.exec(
    foldKeepingPunctuation(titleText),
  )
  return m !== null && Number(m[2]) > Number(m[1])
}

/**
 * The month a plan is for, from its title rows: "KẾ HOẠCH CÔNG TÁC THÁNG 10/2026", "NHIỆM VỤ THÁNG 02
 * NĂM 2026" (a date of the month, "ngày 14/7/2026", names no plan month).
 * @example findTitleMonth('KẾ HOẠCH CÔNG TÁC THÁNG 10/2026') // { year: 2026, month: 10 }
 */
export function findTitleMonth(titleText: string): { year: number; month: number } | null {
  const m = /(?<!\d )\bthang (\d{1,2})(?: ?[/.-] ?| nam )((?:19|20|21)\d{2})\b/.exec(
    foldKeepingPunctuation(titleText),
  )
  if (!m) return null
  const month = Number(m[1])
  return month >= 1 && month <= 12 ? { year: Number(m[2]), month } : null
}

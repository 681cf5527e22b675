// A day as calendars and trackers write it in a cell of its own: a date with its weekday before it,
// after it in brackets, or after "Ngày" ("Thứ 2 26/01", "T4 28/01/2026", "16/05 (Thứ Bảy)", "Ngày
// 14/7/2025"). Shared by the header (a row holding one is data) and the table (a day written once
// over its events).
import { foldKeepingPunctuation } from './text.ts'

/** A day of the week, folded: "thứ hai", "thứ 2", "t2", "t. hai", "chủ nhật", "cn". */
export const weekday =
  '(?:thu (?:\\d|hai|ba|tu|nam|sau|bay)|t\\.? ?(?:\\d|hai|ba|tu|nam|sau|bay)|chu nhat|cn)'

const writtenDay = new RegExp(
  `^(?:(?:${weekday}|ngay)\\W*)?\\(?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{2,4}))?\\)?(?:\\W*\\(?${weekday}\\)?)?$`,
)

/** A written day: its day, month and year as written (two or four digits), or null. */
export type WrittenDay = { day: number; month: number; year: string | null }

/**
 * The day a short cell writes and nothing else, or null (longer cells are no day of their own).
 * @example readWrittenDay('16/05 (Thứ Bảy)') // { day: 16, month: 5, year: null }
 */
export function readWrittenDay(text: string): WrittenDay | null {
  // (most cells are longer: no folding for them)
  if (text.length > 40) return null
  const folded = foldKeepingPunctuation(text).replace(/\s+/g, ' ').trim()
  if (folded.length > 30) return null
  const m = writtenDay.exec(folded)
  return m ? { day: Number(m[1]), month: Number(m[2]), year: m[3] ?? null } : null
}

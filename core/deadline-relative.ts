import { addDays, computeMonthEnd, createIsoDate, daysInMonth, type IsoDate } from './date.ts'
import { addWorkingDays, computeNextWorkingDay } from './holidays.ts'

// Deadlines counted from an event: "100 ngày kể từ ngày ban hành Kế hoạch", "trong vòng 05 ngày làm
// việc sau khi Quyết định được ký", "Từ ngày ban hành Kế hoạch trở đi". Only the plan's own issuance
// (or a date written in the cell) gives a due date; any other event ("kể từ ngày Luật có hiệu lực",
// "sau khi có hướng dẫn") leaves it unknown. Everything here reads folded text (see foldDeadlineText).

export const relativeUnits = ['day', 'working-day', 'week', 'month', 'year'] as const
export type RelativeUnit = (typeof relativeUnits)[number]

/** One phrase of a deadline cell counted from an event, and where it sits in the folded text. */
export type RelativeReading = {
  at: number
  length: number
  /** relative: counted from the plan's issuance, a date, or nothing named; event: from another event; standing: "từ … trở đi". */
  kind: 'relative' | 'event' | 'standing'
  /** The day counting starts from, when known. */
  start: IsoDate | null
  due: IsoDate | null
}

const unitWords: Record<string, RelativeUnit> = {
  'ngay lam viec': 'working-day',
  ngay: 'day',
  tuan: 'week',
  thang: 'month',
  nam: 'year',
}
const digitWords: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
}

/**
 * Reads a count written in Vietnamese words, 1–999 ("mười lăm" 15, "hai mươi mốt" 21, "một trăm
 * linh năm" 105), from folded words; null unless every word is used.
 */
export function parseCountWords(text: string): number | null {
  const w = text.trim().split(' ')
  let i = 0
  let value = 0
  const digit = (word: string | undefined) => (word ? digitWords[word] : undefined)
  if (digit(w[i]) !== undefined && w[i + 1] === 'tram') {
    value = digit(w[i])! * 100
    i += 2
    if ((w[i] === 'linh' || w[i] === 'le') && digit(w[i + 1]) !== undefined) {
      value += digit(w[i + 1])!
      i += 2
    }
  }
  if (w[i] === 'muoi') {
    value += 10
    i++
  } else if (digit(w[i]) !== undefined && w[i + 1] === 'muoi') {
    value += digit(w[i])! * 10
    i += 2
  } else if (digit(w[i]) !== undefined && w[i] !== 'tu' && w[i] !== 'lam') {
    value += digit(w[i])!
    i++
    return i === w.length && value > 0 ? value : null
  }
  // After "mười"/"mươi" a digit adds: "mười lăm", "hai mươi tư", "ba mươi mốt".
  if (i > 0 && w[i - 1] === 'muoi' && digit(w[i]) !== undefined) {
    value += digit(w[i])!
    i++
  }
  return i === w.length && value > 0 ? value : null
}

const numberWord = '(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le)'
const countWords = `${numberWord}(?: ${numberWord})*`
// "100", "05", "30 (ba mươi)", "mười lăm".
const count = `(\\d{1,4}(?: \\(${countWords}\\))?|${countWords})`
const unit = '(ngay lam viec|ngay|tuan|thang|nam)'
const lead = '(?:(?:trong vong|trong thoi han|trong|cham nhat la|cham nhat|toi da|khong qua|sau) )'
const connector = '(?: ?, ?| )(?:ke tu|tinh tu|sau khi|sau|tu khi)'
// The anchor runs to the end of its clause.
const anchor =
  '((?: [^,;\\n()]*?)?)(?= ?[,;\\n(]| ?\\.(?: |$)| - | (?:den|toi|va|tro di|tro ve sau)\\b|$)'
const anchoredPhrase = new RegExp(`\\b${lead}?${count} ?${unit}\\b${connector}\\b${anchor}`, 'g')
// "Trong vòng 30 ngày" with no anchor: a period of the plan, counted from nothing named.
const barePhrase = new RegExp(
  `\\b(?:trong vong|trong thoi han|cham nhat la|cham nhat|toi da|khong qua) ${count} ?${unit}\\b(?! ?(?:dau|cuoi|\\d))`,
  'g',
)
// A cell that is only a length of time ("60 ngày", "Hoàn thành trong 90 ngày"): the same.
const lengthOnly = new RegExp(
  `^(?:(?:hoan thanh|thuc hien) )?(?:(?:trong (?:vong |thoi han )?)|sau )?(\\d{1,4}) ?${unit}$`,
)
// "Từ ngày ban hành Kế hoạch trở đi", "kể từ khi Luật có hiệu lực": standing work from an event.
const standingPhrase = new RegExp(
  `\\b(?:ke )?tu (?:ngay|khi)${anchor}(?: tro di| tro ve sau)?`,
  'g',
)

const actor =
  '(?:(?:chu tich )?(?:ubnd|uy ban nhan dan)(?: (?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu))?)'
const ownDocument = '(?:ke hoach|quyet dinh|chi thi|chuong trinh|phuong an|de an|cong van|van ban)'
const issuing = '(?:(?:duoc )?(?:ky )?(?:ban hanh|phe duyet)|(?:duoc )?ky)'
const tail = `(?: nay)?(?: so)?(?: cua ${actor})?`
// The plan's (decision's) own issuance: "ngày ban hành Kế hoạch", "Kế hoạch này được ký ban hành".
const ownIssuance = new RegExp(
  `^(?:ngay )?(?:(?:${actor} )?${issuing}(?: ${ownDocument})?${tail}|${ownDocument}${tail} (?:duoc )?(?:${actor} )?${issuing})$`,
)
// A date written in the anchor: "… Kế hoạch số 45/KH-UBND ngày 14/7/2026", "kể từ ngày 01/7/2026".
const writtenDate =
  /(?:^| )(?:ngay )?(\d{1,2}) ?(?:[/.-] ?(\d{1,2}) ?[/.-]|thang (\d{1,2}) nam) ?(\d{4})\b/

type Anchor = { kind: 'issued' | 'date'; date: IsoDate | null } | { kind: 'event' | 'none' }

/** What a phrase counts from: the plan's issuance (with its date when written), a date, another event. */
function readAnchor(text: string, issued: IsoDate | null): Anchor {
  const t = text.trim()
  if (!t) return { kind: 'none' }
  const m = writtenDate.exec(t)
  const written = m ? createIsoDate(Number(m[4]), Number(m[2] ?? m[3]), Number(m[1])) : null
  const rest = m ? `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}`.trim() : t
  if (m && (!rest || rest === 'ngay')) return { kind: 'date', date: written }
  if (ownIssuance.test(rest.replace(/ {2,}/g, ' '))) {
    return { kind: 'issued', date: m ? written : issued }
  }
  return { kind: 'event' }
}

/**
 * The last day of a period of `n` units counted from `start`: calendar periods begin the day after
 * (Bộ luật Dân sự 2015, Điều 147) and one ending on a weekend or holiday ends on the next working
 * day (Điều 148); working days skip weekends and public holidays.
 * @example computeRelativeDue('2026-07-14', 100, 'day') // '2026-10-22'
 */
export function computeRelativeDue(start: IsoDate, n: number, unit: RelativeUnit): IsoDate {
  if (unit === 'working-day') return addWorkingDays(start, n)
  if (unit === 'day' || unit === 'week') {
    return computeNextWorkingDay(addDays(start, unit === 'week' ? n * 7 : n))
  }
  const [y, m, d] = start.split('-').map(Number) as [number, number, number]
  const months = unit === 'month' ? n : n * 12
  const year = y + Math.floor((m - 1 + months) / 12)
  const month = ((m - 1 + months) % 12) + 1
  // A month without the corresponding day ends the period on its last day (Điều 148.3).
  const end =
    d > daysInMonth(year, month) ? computeMonthEnd(year, month) : createIsoDate(year, month, d)!
  return computeNextWorkingDay(end)
}

function readCount(text: string): number | null {
  const digits = /^\d+/.exec(text)
  return digits ? Number(digits[0]) : parseCountWords(text)
}

/**
 * Finds the phrases of a folded deadline cell that count from an event, with their due dates when the
 * start is known (`issued`, the plan's issue date, for its own issuance).
 * @example readRelativePhrases('100 ngay ke tu ngay ban hanh ke hoach', '2026-07-14')
 */
export function readRelativePhrases(folded: string, issued: IsoDate | null): RelativeReading[] {
  const found: RelativeReading[] = []
  const taken: boolean[] = []
  const isFree = (at: number, length: number) => !taken.slice(at, at + length).some(Boolean)
  const take = (at: number, length: number) => {
    for (let i = at; i < at + length; i++) taken[i] = true
  }
  for (const m of folded.matchAll(anchoredPhrase)) {
    const n = readCount(m[1]!.trim())
    if (n === null) continue
    const from = readAnchor(m[3]!, issued)
    const start = from.kind === 'issued' || from.kind === 'date' ? from.date : null
    found.push({
      at: m.index,
      length: m[0].length,
      kind: from.kind === 'event' ? 'event' : 'relative',
      start,
      due: start ? computeRelativeDue(start, n, unitWords[m[2]!]!) : null,
    })
    take(m.index, m[0].length)
  }
  for (const m of folded.matchAll(barePhrase)) {
    if (!isFree(m.index, m[0].length) || readCount(m[1]!.trim()) === null) continue
    found.push({ at: m.index, length: m[0].length, kind: 'relative', start: null, due: null })
    take(m.index, m[0].length)
  }
  const length = lengthOnly.exec(folded.trim())
  if (length && !found.length) {
    found.push({ at: 0, length: folded.length, kind: 'relative', start: null, due: null })
    take(0, folded.length)
  }
  for (const m of folded.matchAll(standingPhrase)) {
    // "từ ngày 01/7/2026", "từ ngày 1.1" are start dates, read with the other dates.
    if (!isFree(m.index, m[0].length) || /^ ?\d/.test(m[1]!)) continue
    const from = readAnchor(m[1]!, issued)
    if (from.kind === 'date' || from.kind === 'none') continue
    const start = from.kind === 'issued' ? from.date : null
    found.push({ at: m.index, length: m[0].length, kind: 'standing', start, due: null })
    take(m.index, m[0].length)
  }
  return found.sort((a, b) => a.at - b.at)
}

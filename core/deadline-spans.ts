import { weekday } from './calendar-day.ts'
import { computeMonthEnd, createIsoDate, type IsoDate } from './date.ts'
import { computeLunarNewYear } from './lunar.ts'
import { parseRoman } from './stt.ts'

/** A stretch of time named by one expression in the text ("quý IV/2026" → Oct 1 … Dec 31). */
export type Span = {
  start: IsoDate
  end: IsoDate
  kind: 'period' | 'date' | 'range' | 'relative'
  at: number
  /** "từ năm 2026": where the work starts, not when it is due. */
  startOnly?: true
}

/** What a time expression gives: a span, nothing to read, or a part that cannot be read (its words). */
type Reading = Span | null | { unread: string | null }

const invalid = (unread: string | null = null) => ({ unread })

function createMonthsSpan(year: number, from: number, to: number): Reading {
  const start = createIsoDate(year, from, 1)
  if (!start || to < from || to > 12) return invalid()
  return { start, end: computeMonthEnd(year, to), kind: 'period', at: 0 }
}

function createDateSpan(year: number, month: number, day: number, unread: string): Reading {
  const date = createIsoDate(year, month, day)
  return date ? { start: date, end: date, kind: 'date', at: 0 } : invalid(unread)
}

// A year that belongs to the period before it: "Quý II/2026", "quý II năm 2026", "Quý II, năm 2026",
// "quý 2 của năm 2026", "tháng 3-2026". Without these links the year would be read on its own and
// widen the quarter to the whole year.
const unit = '[ivx]{1,4}|\\d{1,2}'
/** What joins a period to the year after it: "/", "-", "–", ".", ",", "năm", "của", "trong". */
export const yearJoin = ' ?(?:[/,.–-]|\\bnam\\b|\\bcua\\b|\\btrong\\b) ?'
const yearLink = `(?:(?:${yearJoin})+| )((?:19|20|21)\\d{2})\\b`

// A cell that holds days and months only, with the day of the week and the time of day around them
// ("Thứ Sáu (18/10)", "16/05 (Thứ Bảy)"), a list's dash before them ("- 01/9").
const dayMonth = '\\(?\\d{1,2} ?/ ?\\d{1,2}\\)?'
const dayWord = `(?:sang|chieu|toi|ca ngay|ngay|(?:nhan )?dip|${weekday}|\\d{1,2} ?(?:h|gio) ?\\d{0,2})`
const calendarDay = new RegExp(
  `^(?:[-–•+*] ?)?(?:${dayWord}[ ,]*)*${dayMonth}(?: ?(?:[-–→,;]|va) ?${dayMonth})*(?:[ ,-]*\\(?${dayWord}\\)?)*$`,
)

/**
 * Finds every explicit time expression in folded text. Each regex consumes its span so that a
 * shorter pattern ("năm 2026") does not match inside a longer one ("tháng 12 năm 2026"). `invalid`
 * is the part that names a time that does not exist ("Quý V", "Tháng 13"), or true when a period
 * needs the plan year and none is known.
 */
export function findSpans(
  folded: string,
  year: number | null,
): { spans: Span[]; invalid: string | true | null } {
  const spans: Span[] = []
  let invalidPart: string | true | null = null
  let rest = folded
  const take = (re: RegExp, make: (m: RegExpExecArray) => Reading) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      const at = args[args.length - 2] as number
      m.index = at
      m.input = args[args.length - 1] as string
      const span = make(m)
      if (span && 'unread' in span) invalidPart ??= span.unread ?? true
      else if (span) {
        const placed = placeSpan({ ...span, at }, folded.slice(Math.max(0, at - 40), at), m[0]!)
        if (placed) spans.push(placed)
      }
      return ' '.repeat(String(args[0]).length)
    })
  }
  const yearOf = (text: string | undefined): number | null => (text ? Number(text) : year)

  // Months from one to another: "Tháng 9-10/2025", "tháng 9 đến tháng 10 năm 2025" (before the
  // day-first dates, which would read "9-10/2025" as the 9th of October).
  take(
    new RegExp(`\\bthang (\\d{1,2}) ?(?:-|–|den) ?(?:thang )?(\\d{1,2})\\b(?:${yearLink})?`, 'g'),
    (m) => {
      const y = yearOf(m[3])
      if (y === null) return invalid()
      const span = createMonthsSpan(y, Number(m[1]), Number(m[2]))
      return span && 'unread' in span ? invalid(m[0]) : span
    },
  )
  // ISO dates as programs export them: 2026-03-15 (a time after it is no part of the deadline).
  take(/\b((?:19|20|21)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, (m) =>
    createDateSpan(Number(m[1]), Number(m[3]), Number(m[4]), m[0]),
  )
  // The Lunar New Year of a year ("Trước Tết Nguyên đán Bính Ngọ 2026", "Dịp Tết 2027"): its first day.
  take(/\btet(?: nguyen dan)?(?: [a-z]+ [a-z]+)?(?: nam)? ((?:19|20|21)\d{2})\b/g, (m) => {
    const day = computeLunarNewYear(Number(m[1]))
    return { start: day, end: day, kind: 'date', at: 0 }
  })
  // Two days under one year: "30/6 - 31/12/2026", "từ 15/3 đến 30/4/2026" (the first in the year
  // before when it falls after the second: "20/12 - 10/01/2027").
  take(
    /\b(\d{1,2}) ?[/.] ?(\d{1,2}) ?(?:-|–|den) ?(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})\b/g,
    (m) => {
      const y = Number(m[5])
      const end = createIsoDate(y, Number(m[4]), Number(m[3]))
      const first = (year: number) => createIsoDate(year, Number(m[2]), Number(m[1]))
      const same = first(y)
      const start = same && end && same > end ? first(y - 1) : same
      return start && end ? { start, end, kind: 'date', at: 0 } : invalid(m[0])
    },
  )
  // Days of one month: "10-12/8/2025", "02 – 04/8/2025" (from the first to the last).
  take(/\b(\d{1,2}) ?(?:-|–|den) ?(\d{1,2}) ?[/.] ?(\d{1,2}) ?[/.] ?(\d{4})\b/g, (m) => {
    const [y, month] = [Number(m[4]), Number(m[3])]
    const start = createIsoDate(y, month, Number(m[1]))
    const end = createIsoDate(y, month, Number(m[2]))
    return start && end && start < end ? { start, end, kind: 'date', at: 0 } : invalid(m[0])
  })
  // Day-first dates: 31/12/2026, 1-7-2026, 31.12.2026.
  take(/\b(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})\b/g, (m) =>
    createDateSpan(Number(m[3]), Number(m[2]), Number(m[1]), m[0]),
  )
  // "ngày 15 tháng 3 năm 2026", "ngày 15 tháng 3" (the plan year); "15 tháng 3 năm 2026" and
  // "15/3 năm 2026" when the year follows.
  take(new RegExp(`\\bngay (\\d{1,2}) thang (\\d{1,2})\\b(?:${yearLink})?`, 'g'), (m) => {
    const y = yearOf(m[3])
    return y === null ? invalid() : createDateSpan(y, Number(m[2]), Number(m[1]), m[0])
  })
  take(
    new RegExp(
      `\\b(\\d{1,2}) ?(?:thang|/|\\.) ?(\\d{1,2})\\b(?: ?,)? ?(?:nam )?((?:19|20|21)\\d{2})\\b`,
      'g',
    ),
    (m) => createDateSpan(Number(m[3]), Number(m[2]), Number(m[1]), m[0]),
  )
  // Two days of the plan year: "từ 10/11 đến 12/12", "25/12 - 04/01" (the second in the year after
  // when it falls before the first).
  take(
    /\b(\d{1,2}) ?[/.] ?(\d{1,2}) ?(?:-|–|den) ?(?:ngay )?(\d{1,2}) ?[/.] ?(\d{1,2})\b(?! ?[/.-] ?\d)/g,
    (m) => {
      if (year === null) return invalid()
      const start = createIsoDate(year, Number(m[2]), Number(m[1]))
      const end = (y: number) => createIsoDate(y, Number(m[4]), Number(m[3]))
      const same = end(year)
      const last = start && same && same < start ? end(year + 1) : same
      return start && last ? { start, end: last, kind: 'date', at: 0 } : invalid(m[0])
    },
  )
  // "ngày 15/3", "đến ngày 6.7", "trước 31/12": a day of the plan year.
  take(
    /\b(?:ngay|truoc|den|cham nhat|muon nhat|va|han|han chot|du kien):? (\d{1,2}) ?[/.] ?(\d{1,2})\b(?! ?[/.-] ?\d)/g,
    (m) => {
      if (year === null) return invalid()
      return createDateSpan(year, Number(m[2]), Number(m[1]), m[0])
    },
  )
  // A day of the plan year written alone, as calendars write it ("14/10", "Thứ Sáu (18/10)", "Sáng
  // thứ Tư 16/10", "30/9 - 04/10"): in a cell of nothing else, a date when it is one.
  // (a remark in brackets around it is blanked before: "14/7 (dự kiến)")
  if (calendarDay.test(folded.trim()))
    take(/(?<![\d/.])(\d{1,2}) ?\/ ?(\d{1,2})(?! ?[/.] ?\d)(?!-\d)(?!\d)/g, (m) => {
      const [day, month] = [Number(m[1]), Number(m[2])]
      if (day < 1 || day > 31 || month < 1 || month > 12) return null
      if (year === null) return invalid()
      return createDateSpan(year, month, day, m[0])
    })
  // "6 tháng đầu năm 2026", "6 tháng cuối năm", "9 tháng đầu năm", "9 tháng năm 2026" (the first nine).
  take(/\b(\d{1,2}) thang (?:(dau|cuoi) )?nam(?: (\d{4}))?\b/g, (m) => {
    const y = yearOf(m[3])
    const n = Number(m[1])
    if (y === null) return invalid()
    const span = m[2] === 'cuoi' ? createMonthsSpan(y, 13 - n, 12) : createMonthsSpan(y, 1, n)
    return span && 'unread' in span ? invalid(m[0]) : span
  })
  // Several quarters or months under one year: "Quý II, III/2026", "quý I - quý II/2026", "tháng 6 và
  // 12/2026". Read together, or the first would take the plan year alone and the last would lose its own.
  take(
    new RegExp(
      `\\b(quy|thang) (${unit})((?: ?(?:,|-|–|va|den) ?(?:\\1 )?(?:${unit})\\b)+)(?:${yearLink})?`,
      'g',
    ),
    (m) => {
      const parts = [m[2]!, ...(m[3]!.match(/\b(?:[ivx]{1,4}|\d{1,2})\b/g) ?? [])]
      const numbers = parts.map((p) => parseRoman(p) ?? Number(p))
      const quarter = m[1] === 'quy'
      const bad = parts.find((_, i) => numbers[i]! < 1 || numbers[i]! > (quarter ? 4 : 12))
      if (bad !== undefined) return invalid(`${quarter ? 'Quý' : 'Tháng'} ${bad.toUpperCase()}`)
      const y = yearOf(m[4])
      if (y === null) return invalid()
      const first = Math.min(...numbers)
      const last = Math.max(...numbers)
      return quarter
        ? createMonthsSpan(y, first * 3 - 2, last * 3)
        : createMonthsSpan(y, first, last)
    },
  )
  // The start, middle or end of a quarter ("Đầu quý IV/2026" is October, never the whole quarter).
  take(new RegExp(`\\b(dau|giua|cuoi) quy ([ivx]+|\\d)\\b(?:${yearLink})?`, 'g'), (m) => {
    const q = parseRoman(m[2]!) ?? Number(m[2])
    if (q < 1 || q > 4) return invalid(`Quý ${m[2]!.toUpperCase()}`)
    const y = yearOf(m[3])
    if (y === null) return invalid()
    const month = q * 3 - 2 + { dau: 0, giua: 1, cuoi: 2 }[m[1] as 'dau']
    return createMonthsSpan(y, month, month)
  })
  // "Quý IV/2026", "quý 4 năm 2026", "Quý III"; "Quý V" is no quarter.
  take(new RegExp(`\\bquy ([ivxlc]+|\\d{1,2})\\b(?:${yearLink})?`, 'g'), (m) => {
    const q = parseRoman(m[1]!) ?? Number(m[1])
    if (q < 1 || q > 4) return invalid(`Quý ${m[1]!.toUpperCase()}`)
    const y = yearOf(m[2])
    return y === null ? invalid() : createMonthsSpan(y, q * 3 - 2, q * 3)
  })
  // Some days of a month: the month is m[2], its year m[3]; `days` gives the first and last day from
  // the month's length.
  const daysOfMonth = (m: RegExpExecArray, days: (last: number) => [number, number]): Reading => {
    const month = Number(m[2])
    if (month < 1 || month > 12) return invalid(`Tháng ${m[2]}`)
    const y = yearOf(m[3])
    if (y === null) return invalid()
    const [from, to] = days(Number(computeMonthEnd(y, month).slice(8)))
    const start = createIsoDate(y, month, from)!
    return { start, end: createIsoDate(y, month, to)!, kind: 'period', at: 0 }
  }
  // A numbered week of a month ("Tuần 2 tháng 10", "tuần thứ 3 của tháng 9/2026"): its seven days.
  take(
    new RegExp(`\\btuan (?:thu )?([1-5]) (?:cua )?thang (\\d{1,2})\\b(?:${yearLink})?`, 'g'),
    (m) =>
      daysOfMonth(m, (last) => [
        Math.min(7 * Number(m[1]) - 6, last),
        Math.min(7 * Number(m[1]), last),
      ]),
  )
  // A part of a month: its first ten days ("Đầu tháng 9/2026", "thượng tuần tháng 9"), its middle ten,
  // its last days; its first week ("Tuần đầu tháng 11").
  const parts: Record<string, [number, number]> = {
    dau: [1, 10],
    'thuong tuan': [1, 10],
    giua: [11, 20],
    'trung tuan': [11, 20],
    'tuan dau': [1, 7],
  }
  take(
    new RegExp(
      `\\b(dau|giua|cuoi|thuong tuan|trung tuan|ha tuan|tuan dau|tuan cuoi) thang (\\d{1,2})\\b(?:${yearLink})?`,
      'g',
    ),
    (m) => daysOfMonth(m, (last) => parts[m[1]!] ?? [21, last]),
  )
  // "Tháng 12/2026", "tháng 12 năm 2025", "tháng 12", "tháng 3-2026"; "Tháng 13" is no month.
  take(new RegExp(`\\bthang (\\d{1,2})\\b(?:${yearLink})?`, 'g'), (m) => {
    const month = Number(m[1])
    if (month < 1 || month > 12) return invalid(`Tháng ${m[1]}`)
    const y = yearOf(m[2])
    return y === null ? invalid() : createMonthsSpan(y, month, month)
  })
  // "12/2026" written without the word tháng.
  take(/\b(\d{1,2}) ?\/ ?(\d{4})\b/g, (m) => {
    const month = Number(m[1])
    if (month < 1 || month > 12) return invalid(m[0])
    return createMonthsSpan(Number(m[2]), month, month)
  })
  // Half of a year: "Nửa đầu năm 2026" is its first six months, "nửa cuối năm" its last six.
  take(/\bnua (dau|cuoi) nam\b(?: (\d{4})\b)?/g, (m) => {
    const y = yearOf(m[2])
    if (y === null) return invalid()
    return m[1] === 'dau' ? createMonthsSpan(y, 1, 6) : createMonthsSpan(y, 7, 12)
  })
  // The start, middle or end of a year ("Đầu năm 2026" is its first quarter, never the whole year); "Cả
  // năm", "trong năm", "hết năm", "năm nay" alone are the plan year.
  take(
    /\b(?:(dau|giua|cuoi|ca|trong|suot|het) nam|nam nay)\b(?: (\d{4})\b)?(?! ?(?:hoc|tai chinh|\d))/g,
    (m) => {
      const y = yearOf(m[2])
      if (y === null) return invalid()
      const months = { dau: [1, 3], giua: [4, 6], cuoi: [10, 12] }[m[1] as 'dau'] ?? [1, 12]
      return createMonthsSpan(y, months[0]!, months[1]!)
    },
  )
  // "2021-2025", "giai đoạn 2026 - 2030".
  take(/\b((?:19|20|21)\d{2}) ?- ?((?:19|20|21)\d{2})\b/g, (m) => {
    const from = Number(m[1])
    const to = Number(m[2])
    if (to < from) return invalid(m[0])
    return { start: `${from}-01-01`, end: `${to}-12-31`, kind: 'range', at: 0 }
  })
  // "năm 2026", "trong năm 2026", or a bare year "2026" — not one a word left unread is joined to
  // ("HK1/2026", "abc/2026"): the year alone would widen what that word meant.
  take(/\b(?:nam )?((?:19|20|21)\d{2})\b/g, (m) => {
    const glued = /(?:^|[^a-z0-9])([a-z][a-z0-9]*|\d{1,2}[a-z]+) ?\/ ?$/.exec(
      m.input.slice(Math.max(0, m.index - 16), m.index),
    )
    if (glued) return invalid(`${glued[1]}/${m[1]}`)
    const y = Number(m[1])
    return { start: `${y}-01-01`, end: `${y}-12-31`, kind: 'period', at: 0 }
  })
  // A week or month named but not placed ("tuần 3 tháng 7/2026"): the rest would widen it.
  const unplaced = /\b(tuan|thang|quy) (\d{1,2}|[ivxlc]+)\b/.exec(rest)
  // (a week whose days are written beside it is placed: "Tuần 2 (từ 08/9 đến 13/9/2026)")
  const placed =
    unplaced?.[1] === 'tuan' && spans.length > 0 && spans.every((s) => s.kind === 'date')
  if (unplaced && spans.length && !placed) {
    const word = { tuan: 'Tuần', thang: 'Tháng', quy: 'Quý' }[unplaced[1] as 'tuan']
    invalidPart ??= `${word} ${unplaced[2]}`
  }
  // A number left just before a time that was read ("II/2026", "Qúy 3 - 2026") belongs to it in a way
  // not understood: reading the time alone would widen it. A number that counts something else
  // ("Giai đoạn 1: 2026-2027", "Đợt 2 năm 2026") is left alone.
  for (const span of spans) {
    const left = /(?:^|([a-z]+) |[(,;] ?)((?:[ivx]{1,4}|\d{1,2}) ?(?:[,/–-]|\bva\b)?) *$/.exec(
      rest.slice(Math.max(0, span.at - 24), span.at),
    )
    // "Quý", "Tháng" or their letters before the number; a name's number ("Phú Thịnh 1: Quý IV/2026") is
    // no part of the time.
    if (left && (!left[1] || /^(q|t|qu[iy]|th|thang)$/.test(left[1])))
      invalidPart ??= left[2]!.trim()
  }
  return { spans, invalid: invalidPart }
}

/**
 * Reads the words before a span: "sau năm 2028" and "hằng năm đến 2030" name no due date, "từ năm
 * 2026" names a start, and "trước năm 2030" is due by the end of 2029 ("trước ngày X" stays X).
 */
function placeSpan(span: Span, before: string, matched: string): Span | null {
  // "Sau năm 2025": work that starts once that time is over, with no due date of its own.
  // "Thứ Sáu", "thứ Tư" are days of the week, not "after" and "from".
  if (/(?<!\bthu )\bsau (nam |ngay |thang |quy )?$/.test(before)) {
    const next = new Date(`${span.end}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    return { ...span, start: next.toISOString().slice(0, 10), startOnly: true }
  }
  if (
    /\b(hang nam|hang quy|hang thang|thuong xuyen|dinh ky|lien tuc) den (het )?(nam )?$/.test(
      before,
    )
  )
    return null
  // "Từ năm 2026 - 2030", "từ tháng 3 đến tháng 5/2026" name their own end.
  if (
    /(?<!\bthu )\btu (nam |ngay |thang |quy )?$/.test(before) &&
    !/ ?(?:-|–|\bden\b) ?/.test(matched)
  )
    return { ...span, startOnly: true }
  if (/\btruoc $/.test(before) && /^(nam )?\d{4}$/.test(matched)) {
    const year = Number(matched.slice(-4)) - 1
    return { ...span, start: `${year}-01-01`, end: `${year}-12-31` }
  }
  return span
}

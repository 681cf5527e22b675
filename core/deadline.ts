import { computeMonthEnd, createIsoDate, type IsoDate } from './date.ts'
import { foldKeepingSeparators, foldText } from './text.ts'

export const deadlineKinds = [
  'period',
  'date',
  'range',
  'recurring',
  'external',
  'event',
  'invalid',
] as const
export type DeadlineKind = (typeof deadlineKinds)[number]

/** What a deadline cell means: its kind, its due date when it has one, and where it starts. */
export type Deadline = { kind: DeadlineKind; due: IsoDate | null; start?: IsoDate }

/** A stretch of time named by one expression in the text ("quý IV/2026" → Oct 1 … Dec 31). */
type Span = {
  start: IsoDate
  end: IsoDate
  kind: 'period' | 'date' | 'range'
  at: number
  /** "từ năm 2026": where the work starts, not when it is due. */
  startOnly?: true
}

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }

function createMonthSpan(year: number, month: number, at: number): Span | 'invalid' {
  const start = createIsoDate(year, month, 1)
  if (!start) return 'invalid'
  return { start, end: computeMonthEnd(year, month), kind: 'period', at }
}

function createMonthsSpan(year: number, from: number, to: number, at: number): Span | 'invalid' {
  const start = createIsoDate(year, from, 1)
  if (!start || to < from || to > 12) return 'invalid'
  return { start, end: computeMonthEnd(year, to), kind: 'period', at }
}

/**
 * Finds every explicit time expression in folded text. Each regex consumes its span so that a
 * shorter pattern ("năm 2026") does not match inside a longer one ("tháng 12 năm 2026").
 */
function findSpans(folded: string, year: number | null): { spans: Span[]; invalid: boolean } {
  const spans: Span[] = []
  let invalid = false
  let rest = folded
  const take = (re: RegExp, make: (m: RegExpExecArray) => Span | 'invalid' | null) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      const at = args[args.length - 2] as number
      m.index = at
      const span = make(m)
      if (span === 'invalid') invalid = true
      else if (span) {
        const placed = placeSpan({ ...span, at }, folded.slice(Math.max(0, at - 40), at), m[0]!)
        if (placed) spans.push(placed)
      }
      return ' '.repeat(String(args[0]).length)
    })
  }
  const yearOf = (text: string | undefined): number | null => (text ? Number(text) : year)

  // Day-first dates: 31/12/2026, 1-7-2026, 31.12.2026.
  take(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/g, (m) => {
    const date = createIsoDate(Number(m[3]), Number(m[2]), Number(m[1]))
    return date ? { start: date, end: date, kind: 'date', at: 0 } : 'invalid'
  })
  // "6 tháng đầu năm 2026", "6 tháng cuối năm", "9 tháng đầu năm".
  take(/\b(\d{1,2}) thang (dau|cuoi) nam(?: (\d{4}))?\b/g, (m) => {
    const y = yearOf(m[3])
    const n = Number(m[1])
    if (y === null) return 'invalid'
    return m[2] === 'dau' ? createMonthsSpan(y, 1, n, 0) : createMonthsSpan(y, 13 - n, 12, 0)
  })
  // "Quý IV/2026", "quý 4 năm 2026", "Quý III".
  take(/\bquy (iv|iii|ii|i|\d{1,2})\b(?: ?(?:\/|nam|-) ?(\d{4})\b)?/g, (m) => {
    const q = romanQuarters[m[1]!] ?? Number(m[1])
    const y = yearOf(m[2])
    if (y === null || q < 1 || q > 4) return 'invalid'
    return createMonthsSpan(y, q * 3 - 2, q * 3, 0)
  })
  // "Tháng 12/2026", "tháng 12 năm 2025", "tháng 12", "tháng 3-2026".
  take(/\bthang (\d{1,2})\b(?: ?(?:\/|nam|-) ?(\d{4})\b)?/g, (m) => {
    const y = yearOf(m[2])
    if (y === null) return 'invalid'
    return createMonthSpan(y, Number(m[1]), 0)
  })
  // "12/2026" written without the word tháng.
  take(/\b(\d{1,2}) ?\/ ?(\d{4})\b/g, (m) => createMonthSpan(Number(m[2]), Number(m[1]), 0))
  // "2021-2025", "giai đoạn 2026 - 2030".
  take(/\b((?:19|20|21)\d{2}) ?- ?((?:19|20|21)\d{2})\b/g, (m) => {
    const from = Number(m[1])
    const to = Number(m[2])
    if (to < from) return 'invalid'
    return { start: `${from}-01-01`, end: `${to}-12-31`, kind: 'range', at: 0 }
  })
  // "năm 2026", "trong năm 2026", or a bare year "2026".
  take(/\b(?:nam )?((?:19|20|21)\d{2})\b/g, (m) => {
    const y = Number(m[1])
    return { start: `${y}-01-01`, end: `${y}-12-31`, kind: 'period', at: 0 }
  })
  return { spans, invalid }
}

/**
 * Reads the words before a span: "sau năm 2028" and "hằng năm đến 2030" name no due date, "từ năm
 * 2026" names a start, and "trước năm 2030" is due by the end of 2029 ("trước ngày X" stays X).
 */
function placeSpan(span: Span, before: string, matched: string): Span | null {
  if (/\bsau (nam |ngay |thang |quy )?$/.test(before)) return null
  if (
    /\b(hang nam|hang quy|hang thang|thuong xuyen|dinh ky|lien tuc) den (het )?(nam )?$/.test(
      before,
    )
  )
    return null
  if (/\btu (nam |ngay |thang |quy )?$/.test(before)) return { ...span, startOnly: true }
  if (/\btruoc $/.test(before) && /^(nam )?\d{4}$/.test(matched)) {
    const year = Number(matched.slice(-4)) - 1
    return { ...span, start: `${year}-01-01`, end: `${year}-12-31` }
  }
  return span
}

const documentNumbers = /\b\d+(?:\s*\/\s*\d{2,4})?\s*\/\s*[A-ZĐ][\p{L}\d-]*(?:\/[\p{L}\d-]+)*/gu

const recurringWords =
  /\b(thuong xuyen|hang nam|hang quy|hang thang|hang tuan|hang ngay|dinh ky|lien tuc)\b/
const eventWords =
  /\b(khi co|sau khi|ngay sau|trong thoi han \d+ ngay|truoc khi|khi duoc|ngay khi)\b/
const externalWords =
  /\b(theo quy dinh|theo thoi han|theo huong dan|theo yeu cau|theo ke hoach|theo lo trinh|theo chi dao|theo tien do)\b/

/**
 * Reads a free-text Vietnamese deadline. Month or quarter without a year takes `year` (the plan year).
 * A cell that names several deadlines takes the latest explicit one.
 * @example parseDeadline('Quý IV/2026', 2026) // { kind: 'period', due: '2026-12-31', start: '2026-10-01' }
 * @example parseDeadline('Thường xuyên', 2026) // { kind: 'recurring', due: null }
 */
export function parseDeadline(text: string, year: number | null): Deadline | null {
  const source = foldText(text)
  if (!source) return null
  // Document numbers name years that are no deadlines ("số 13/2026/QĐ-UBND", "09/2019/NĐ-CP").
  const cleaned = text.replace(documentNumbers, ' ').replace(/\bsố\s*\d+\S*/giu, ' ')
  // Parentheses may mention other years ("(theo Kế hoạch năm 2025)"): read outside them first.
  const outside = cleaned.replace(/\([^)]*\)/g, ' ')
  let found = findSpans(foldKeepingSeparators(outside), year)
  if (!found.spans.length && !found.invalid) found = findSpans(foldKeepingSeparators(cleaned), year)
  const { spans, invalid } = found
  if (invalid) return { kind: 'invalid', due: null }
  const due = spans.filter((s) => !s.startOnly)
  if (due.length) {
    const latest = due.reduce((a, b) => (b.end > a.end ? b : a))
    const earliest = spans.reduce((a, b) => (b.start < a.start ? b : a))
    // "Quý I/2026 - Quý III/2026" in one cell: a range from the first to the last.
    const joined = due.length > 1 && /\d\s*[-–]\s*\p{L}/u.test(outside)
    return { kind: joined ? 'range' : latest.kind, due: latest.end, start: earliest.start }
  }
  // Work that starts at a time and goes on ("Triển khai từ năm 2026") has no due date.
  if (spans.length) return { kind: 'recurring', due: null, start: spans[0]!.start }
  if (eventWords.test(source)) return { kind: 'event', due: null }
  if (recurringWords.test(source)) return { kind: 'recurring', due: null }
  if (externalWords.test(source) || /^theo /.test(source)) return { kind: 'external', due: null }
  return { kind: 'invalid', due: null }
}

/**
 * Reads the start and end columns of activity tables ("Tháng 1" | "Tháng 12"; "2021" | "2025").
 * The deadline is the end of the end period, its start the beginning of the start period.
 */
export function parseDeadlineRange(
  startText: string,
  endText: string,
  year: number | null,
): { deadline: Deadline | null; start: IsoDate | null; startInvalid: boolean } {
  const end = endText.trim() ? parseDeadline(endText, year) : null
  const start = startText.trim() ? parseDeadline(startText, year) : null
  const startInvalid = start?.kind === 'invalid'
  const startDate = start && start.kind !== 'invalid' ? (start.start ?? null) : null
  if (!end) return { deadline: null, start: startDate, startInvalid }
  if (end.kind === 'period' || end.kind === 'date' || end.kind === 'range') {
    const deadline: Deadline = { kind: 'range', due: end.due }
    if (startDate) deadline.start = startDate
    return { deadline, start: startDate, startInvalid }
  }
  return { deadline: end, start: startDate, startInvalid }
}

import { readRelativePhrases } from './deadline-relative.ts'
import { findSpans, yearJoin, type Span } from './deadline-spans.ts'
import type { IsoDate } from './date.ts'
import { foldKeepingPunctuation, foldText, lowerWithMarks } from './text.ts'

export const deadlineKinds = [
  'period',
  'date',
  'range',
  'recurring',
  'external',
  'event',
  'relative',
  'invalid',
] as const
export type DeadlineKind = (typeof deadlineKinds)[number]

/** What a deadline cell means: its kind, its due date when it has one, and where it starts. */
export type Deadline = {
  kind: DeadlineKind
  due: IsoDate | null
  start?: IsoDate
  /** A sub-item without a deadline of its own takes its group's. */
  inherited?: true
  /** The part of an invalid deadline that could not be read ("Quý V"). */
  unread?: string
}

const documentNumbers =
  /\b\d+(?:\s*\/\s*\d{2,4})?\s*\/\s*(?:[A-ZĐ][\p{L}\d-]*|\p{Ll}{1,5}-[\p{L}\d-]+)(?:\/[\p{L}\d-]+)*/gu

// Standing work: "Thường xuyên", "Hằng năm", "Kịp thời", "Trong nhiệm kỳ", "Trong thời gian thực hiện
// Nghị quyết" (as long as the plan runs).
const recurringWords =
  /\b(thuong xuyen|hang nam|hang quy|hang thang|hang tuan|hang ngay|dinh ky|lien tuc|tro di|kip thoi|nhiem ky|tiep tuc|(?:dau|cuoi) (?:moi )?(?:quy|thang|ky)|moi (?:nam|quy|thang|tuan|ky)|(?:suot |trong )(?:thoi gian|qua trinh|giai doan|thoi ky) (?:thuc hien|trien khai))\b/
// A period that goes on after it, with no end ("2026 và hằng năm", "Năm 2026 và các năm tiếp theo"):
// SPEC's recurring work. A series with an end ("… hằng năm đến 2030") is a schedule whose first
// time is due first.
const goesOn =
  /\d{4}\W*tro (?:di|ve sau)\b|(?:\bva|,|;)\W*(?:(?:duy tri|tiep tuc|thuc hien) )?(?:(?:hang|moi) (?:nam|quy|thang|tuan|ky)|(?:cac|nhung) (?:nam|quy|thang|ky) (?:tiep theo|sau|ke tiep)|giai doan (?:tiep theo|sau)|dinh ky|thuong xuyen)\b(?!.*\b(?:den|toi) (?:het )?(?:nam )?\d{4})/
// Standing work done within a period ("Thường xuyên trong Quý IV/2026", "Hằng tháng trong năm
// 2026"): the period bounds the work, it is no deadline.
const standingWithin =
  /\b(?:thuong xuyen|lien tuc|hang (?:ngay|tuan|thang|quy)|dinh ky)(?: (?:thuc hien|trien khai))?(?: trong)?(?: ca)? ?$/
// An aside that moves the time: "(lùi sang Quý IV)", "(gia hạn đến 31/12)", "(điều chỉnh sang tháng 11)".
const postponedAside =
  /\([^)]*\b(?:lui|chuyen|dieu chinh|gia han|keo dai|doi)\b[^)]*\b(?:sang|den|toi|thanh)\b[^)]*\)/
// Words that say a time finishes the work, not starts it.
const completes = /\b(?:hoan thanh|xong|truoc|cham nhat|muon nhat|khong qua)\b/
// "6 tháng/lần", "1 lần/quý" (the whole cell): a time that repeats.
const timesPerPeriod =
  /(?:^|\s)\d+ (?:thang|quy|nam|tuan|ngay) ?\/? ?lan$|(?:^|\s)\d+ lan ?\/? ?(?:thang|quy|nam|tuan)$/
// "Trong tháng", "Trong quý", "Tuần 3", "Học kỳ II" alone: within the period the plan is for; without
// that period known (a monthly plan's title names it), a time of no date.
const withinPeriod =
  /^(?:trong (?:thang|quy|tuan|nam|ky|nam hoc|hoc ky)(?: nay)?|tuan (?:thu )?[1-5]|hoc ky (?:[ivx]+|\d))$/
const timeLabel = /^\s*(?:thời gian|thời hạn|hạn|mốc|tiến độ)(?:\s+\p{L}+){0,3}\s*:\s*/iu
const reportedPeriod =
  /\b(?:nam|thang|quy|ky) bao cao\b|\b(?:nam|thang|quy) (?:ke tiep|tiep theo|lien ke) sau (?:nam|thang|quy|ky)\b/
// "Không", "Không có": the cell says there is no deadline (folded text).
export const noDeadline = /^(?:khong|khong co|chua co)$/

// Words that make a time repeat.
const everyWords = /\b(?:hang|moi) (?:nam|quy|thang|tuan|ky)\b|\bdinh ky\b|\bthuong xuyen\b/
// "Chưa ghi hạn cụ thể", "Không quy định thời hạn", "Chưa xác định", "Đột xuất": no time yet, set when known.
const eventWords =
  /\b((?:chua|khong) (?:ghi|co|xac dinh|quy dinh|neu|dat) (?:ro )?(?:thoi )?(?:han|thoi gian|thoi diem)|chua xac dinh|tet|khi|sau khi|ngay sau|trong thoi han \d+ ngay|tuy thuoc|tuy theo|tuy tinh hinh|ky hop|phien hop|dong thoi|song song|cung (?:thoi diem|luc|voi)|trinh cung|dot xuat)\b/
// Before or after an occasion that is no time ("Trước khai giảng năm học mới", "Sau đại hội"), read
// when no time is found ("Trước hạn", "Sau thời hạn" judge the timing and name none).
const occasion = /^(?:truoc|sau|nhan dip|trong dip|dip) (?!(?:thoi )?han\b|hen\b)[a-z]/
const externalWords =
  /\b(theo quy dinh|theo thoi han|theo huong dan|theo yeu cau|theo ke hoach|theo lo trinh|theo chi dao|theo tien do|phu hop (?:voi )?(?:tien do|thoi gian|ke hoach|lo trinh|tinh hinh)|can cu|dung (?:thoi han|thoi gian|quy dinh|tien do))\b/

// A year after a period, joined as findSpans joins them, or by a space alone.
const toYear = `(?:${yearJoin})* ?(?:19|20|21)\\d{2}\\b`

// "Q3/2026", "Q.III/2026", "T12/2026", "T6 2026": the letter stands for quý or tháng when a year
// follows; "Quí" is the older spelling of quý.
function spellOutAbbreviations(folded: string): string {
  return (
    folded
      .replace(/\bqui\b/g, 'quy')
      // A day of the week shortened ("T. Hai 02/9", "T.Ba").
      .replace(/\bt\. ?(hai|ba|tu|nam|sau|bay)\b/g, 'thu $1')
      .replace(new RegExp(`\\bq\\.? ?(iv|i{1,3}|[1-4])\\b(?=${toYear})`, 'g'), 'quy $1')
      // (so it does after a word placing a time in it, "cuối Q4", "trong Q2": never a district)
      .replace(/\b(cuoi|dau|giua|trong|truoc|het) q\.? ?([1-4])\b/g, '$1 quy $2')
      .replace(new RegExp(`\\b(?:t|th)\\.? ?(\\d{1,2})\\b(?=${toYear})`, 'g'), 'thang $1')
      // A day counted in a plan of so many days ("Ngày thứ 30", "ngày thứ 60 kể từ ngày ban hành"; from 8
      // up: "ngày thứ hai" is a Monday) and its first days ("30 ngày đầu"): so many days from the start.
      .replace(/\bngay thu (\d{1,4})\b/g, (m, n: string) => (Number(n) >= 8 ? `${n} ngay` : m))
      .replace(/\b(\d{1,4}) ngay dau(?: tien)?\b/g, 'trong $1 ngay')
      // Months counted from the year's start ("6T/2026", "9 tháng/2026": its first six, nine months).
      .replace(
        /\b(\d{1,2}) ?(?:t|thang)\.? ?(?:[/.-]|nam) ?((?:19|20|21)\d{2})\b/g,
        '$1 thang nam $2',
      )
      // A month in roman numerals ("Tháng VI/2026").
      .replace(
        new RegExp(`\\bthang (xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\\b(?=${toYear})`, 'g'),
        (_, r: string) => `thang ${romanMonths.indexOf(r) + 1}`,
      )
      // A year of two digits in a written date ("30/06/26"): this century.
      .replace(/\b(\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{2})\b(?! ?[/-])/g, '$1/$2/20$3')
  )
}

const romanMonths = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']

// Months and quarters written in words ("Tháng Sáu", "Quý Ba", "Sáu tháng đầu năm"), read on the text
// with its marks: "sáu" (six) and "sau" (after) fold alike.
const numberNames: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
}
const numberName = '(mười một|mười hai|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)'
const namedAfterUnit = new RegExp(`(?<!\\p{L})(tháng|quý|quí)\\s+${numberName}(?!\\p{L})`, 'giu')
const namedBeforeMonths = new RegExp(`(?<!\\p{L})${numberName}\\s+(tháng)(?!\\p{L})`, 'giu')

function writeNumbersAsDigits(text: string): string {
  const digits = (name: string) => String(numberNames[name.toLowerCase()])
  return text
    .normalize('NFC')
    .replace(namedAfterUnit, (whole: string, unit: string, name: string, at: number, all: string) =>
      // "9 tháng năm 2026": năm is the year that follows, not May.
      name.toLowerCase() === 'năm' && /^\s*\d/.test(all.slice(at + whole.length))
        ? whole
        : `${unit} ${digits(name)}`,
    )
    .replace(
      namedBeforeMonths,
      (whole: string, name: string, unit: string, at: number, all: string) =>
        // "Hằng năm tháng 12", "cuối năm tháng 12": năm is the year, not five.
        name.toLowerCase() === 'năm' && /\S\s*$/u.test(all.slice(0, at))
          ? whole
          : `${digits(name)} ${unit}`,
    )
}

// Work to start at once ("Triển khai ngay", "Khẩn trương thực hiện"): no date of its own. Read with its
// marks: "ngay" (at once) and "ngày" (day) fold alike.
const immediate = /(?<!\p{L})(ngay|khẩn trương|lập tức)(?!\p{L})/u

// A document's number and the date it was issued on, which follows it.
const documentDated = new RegExp(
  // (case kept: a document's symbol is in capitals, "6/năm 2026" is a month and its year)
  // (its date in figures or in words: "ngày 28/5/2015", "ngày 28 tháng 5 năm 2015")
  `${documentNumbers.source}(?:\\s*,?\\s*(?:[Bb]an hành\\s+|BAN HÀNH\\s+)?(?:[Nn]gày|NGÀY)\\s*\\d{1,2}\\s*(?:[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{2,4}|(?:[Tt]háng|THÁNG)\\s*\\d{1,2}\\s*,?\\s*(?:[Nn]ăm|NĂM)\\s*\\d{4}))?`,
  'gu',
)
// "Theo <a document> …" with no separate time after it.
const followsDocument =
  /^theo (?:cac moc (?:thoi gian )?(?:tai|cua|theo) )?(?:ke hoach|quyet dinh|chuong trinh|de an|van ban|thong bao|chi thi|nghi quyet|nghi dinh|thong tu|cong van|phuong an|dieu \d+)\b/

// "năm liền kề" (the year after the one the work concerns), "năm trước liền kề" (the one before),
// "tháng liền kề/sau/tiếp theo" (the next month).
const adjacentYear =
  /(?<![\p{L}\d])(\d{1,2}\s*[/.]\s*\d{1,2}|tháng\s+\d{1,2})\s+(?:của\s+)?năm\s+(?:(trước)\s+)?(?:liền kề|kế tiếp|tiếp theo|sau)(?!\p{L})/giu
// (read with its marks: "tháng sau" is the next month, "tháng sáu" June)
// ("6 tháng sau khi …" counts months, it names none)
const adjacentMonth =
  /(?<!\p{L})(?<!\d\s*)(?:tháng|quý)\s+(?:liền kề|kế tiếp|tiếp theo|sau)(?!\p{L})(?!\s+(?:khi|đó)\b)/u

// A time of day, or two ("14h00 - 14h05", "08:30", "10h30", "7 giờ 45"): a hour of a day said elsewhere.
const clockTime = '\\d{1,2} ?(?:h|g|giờ|:) ?(?:\\d{2})?(?: ?(?:phút|p))?'
const clockOnly = new RegExp(
  `^(?:(?:từ|lúc|bắt đầu lúc)\\s*)?${clockTime}(?:\\s*(?:-|–|đến)\\s*${clockTime})?$`,
  'iu',
)

/** Whether a cell holds only a time of day ("14h00 - 14h05"): its day is the one the table names. */
export function isClockTime(text: string): boolean {
  return clockOnly.test(text.trim())
}

const adjacentYearFolded = /\d (?:cua )?nam (?:truoc )?(?:lien ke|ke tiep|tiep theo|sau)\b/

/** Whether a deadline counts a day of the year next to (or before) the one the work concerns ("31/01 năm liền kề"). */
export function namesAdjacentYear(text: string): boolean {
  return adjacentYearFolded.test(foldText(text))
}

/**
 * Writes a day of "năm liền kề" with its year (the plan's next; "năm trước liền kề" its last), or
 * returns null where the time repeats: a day of the next month, or of the next year in a plan of no
 * single year. Returns the text unchanged where neither is said.
 */
function shiftAdjacentYears(
  text: string,
  folded: string,
  year: number | null,
): ((text: string) => string) | null {
  if (adjacentMonth.test(lowerWithMarks(text))) return null
  if (!adjacentYearFolded.test(folded)) return (t) => t
  if (year === null) return null
  return (text) =>
    text.replace(
      adjacentYear,
      (_, day: string, before?: string) => `${day}/${before ? year - 1 : year + 1}`,
    )
}

// A vision or orientation beyond the plan ("Đến 2030, tầm nhìn đến năm 2045") names no deadline.
const visionYears = /(?<!\p{L})(?:tầm nhìn|định hướng)(?:\s+(?:đến|tới))?(?:\s+năm)?\s+\d{4}/giu

// "Trước 15/01 năm sau", "tháng 1 năm tiếp theo": the year after the plan's.
function nameFollowingYear(folded: string, year: number | null): string {
  if (year === null) return folded
  return folded.replace(
    /\b(\d{1,2} ?[/.] ?\d{1,2}|thang \d{1,2}|quy (?:[ivx]+|\d)) (?:cua )?nam (?:sau|tiep theo|ke tiep)\b/g,
    (_, when: string) => (/^\d/.test(when) ? `${when}/${year + 1}` : `${when} nam ${year + 1}`),
  )
}

function blank(text: string, parts: { at: number; length: number }[]): string {
  let out = text
  for (const { at, length } of parts)
    out = out.slice(0, at) + ' '.repeat(length) + out.slice(at + length)
  return out
}

/**
 * Reads a free-text Vietnamese deadline. Month or quarter without a year takes `year` (the plan
 * year); a period counted from the plan's issuance takes `issued` (its issue date) when known.
 * A cell that names several deadlines takes the latest explicit one. A phrase is read whole or
 * not at all: a part that cannot be read makes the deadline invalid, naming that part.
 * @example parseDeadline('Quý IV/2026', 2026) // { kind: 'period', due: '2026-12-31', start: '2026-10-01' }
 * @example parseDeadline('Thường xuyên', 2026) // { kind: 'recurring', due: null }
 * @example parseDeadline('100 ngày kể từ ngày ban hành Kế hoạch', 2026, '2026-07-14') // { kind: 'relative', due: '2026-10-22', start: '2026-07-14' }
 */
export function parseDeadline(
  text: string,
  year: number | null,
  issued: IsoDate | null = null,
): Deadline | null {
  // A time reads across the lines it is wrapped on ("Cuối Quý\nIV", "Đầu tháng\n9/2026").
  if (text.includes('\n')) text = text.replace(/\s*\n\s*/g, ' ')
  // An arrow, or a long dash, joins the two ends of a time as a dash does ("01/01 → 31/03", "02 – 04/8").
  text = text.replace(/\s*(?:[→⟶➝➔⇒–—]|-+>|=>)\s*/gu, ' - ')
  // A label before the time ("Thời gian: 02 ngày làm việc", "Thời hạn hoàn thành: Quý II/2026") is no part of it.
  text = text.replace(timeLabel, '')
  const source = foldText(text)
  if (!source) return null
  if (timesPerPeriod.test(source)) return { kind: 'recurring', due: null }
  // A day of the period reported ("Ngày 24 tháng báo cáo", "31/3 năm kế tiếp sau năm điều tra")
  // comes round with each report, whatever year the table names.
  if (reportedPeriod.test(source)) return { kind: 'recurring', due: null }
  // A time counted from the year or month it concerns ("Trước ngày 31/01 năm liền kề", "Trước ngày 05
  // của tháng liền kề"): the year after the plan's, or every month; every year in a plan of several.
  const shifted = shiftAdjacentYears(text, source, year)
  if (shifted === null) return { kind: 'recurring', due: null }
  // A day or month of every year needs no year ("Trong tháng 01 hằng năm"), whatever the plan's.
  const everyYear =
    year === null && everyWords.test(source) && !/\b(?:19|20|21)\d{2}\b/.test(source)
  if (everyYear) year = 2000
  // Document numbers name years that are no deadlines ("số 13/2026/QĐ-UBND", "09/2019/NĐ-CP"), and
  // the date after one is the document's ("Nghị định số 52/2015/NĐ-CP ngày 28/5/2015").
  const cleaned = writeNumbersAsDigits(
    shifted(text)
      // (a period counted from a document's issue keeps the date it names)
      .replace(/\b(?:ke tu|tinh tu)\b/.test(source) ? documentNumbers : documentDated, ' ')
      .replace(/\bsố\s*\d+\S*/giu, ' '),
  ).replace(visionYears, ' ')
  const folded = nameFollowingYear(spellOutAbbreviations(foldKeepingPunctuation(cleaned)), year)
  const relative = readRelativePhrases(folded, issued)
  const rest = blank(folded, relative)
  // Parentheses may mention other years ("(theo Kế hoạch năm 2025)"): read outside them first.
  let found = findSpans(
    rest.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length)),
    year,
  )
  // … unless an aside moves the time ("Quý III/2026 (lùi sang Quý IV)"): then the later one is due.
  if ((!found.spans.length && !found.invalid && !relative.length) || postponedAside.test(rest)) {
    const whole = findSpans(rest, year)
    if (!found.spans.length || !whole.invalid) found = whole
  }
  if (found.invalid === true) return { kind: 'invalid', due: null }
  if (found.invalid) return { kind: 'invalid', due: null, unread: found.invalid }
  const spans: Span[] = [...found.spans]
  for (const r of relative) {
    if (r.due && r.start) spans.push({ start: r.start, end: r.due, kind: 'relative', at: r.at })
  }
  let due = spans.filter((s) => !s.startOnly)
  // A time another document sets, named with that document ("Theo Kế hoạch rà soát … năm 2026 của
  // tỉnh"): a year alone names the document; a quarter, month or day is a time of its own.
  if (followsDocument.test(source) && due.every((s) => isWholeYear(s)))
    return { kind: 'external', due: null }
  // A day or month of every year ("Hằng năm (15/12)", "Tháng 10 hằng năm"): no year is named, the
  // work repeats.
  // (unless a clause of its own finishes the work by a time: "Hàng tháng; hoàn tất cuối Q4")
  if (
    due.length &&
    !relative.length &&
    !/\b(?:19|20|21)\d{2}\b/.test(rest) &&
    everyWords.test(rest) &&
    (everyYear ||
      !rest
        .split(/[;,]/)
        .some(
          (clause) => /\b(?:hoan thanh|hoan tat|xong)\b/.test(clause) && !everyWords.test(clause),
        ))
  )
    return { kind: 'recurring', due: null }
  // A meeting placed only by a year or a season ("Kỳ họp giữa năm 2026", "Kỳ họp gần nhất 2026") is
  // held on a day the council sets: an event. A month names its time ("Kỳ họp chuyên đề tháng 5/2026").
  if (
    due.length &&
    // (a meeting named only in an aside leaves the time before it standing: "Quý II/2026 (trình tại kỳ họp giữa năm)")
    /\b(?:ky hop|phien hop)\b/.test(rest.replace(/\([^)]*\)/g, ' ')) &&
    due.every(
      (s) => s.kind === 'period' && (spanDays(s) > 92 || /\b(?:dau|giua|cuoi) nam\b/.test(rest)),
    )
  )
    return { kind: 'event', due: null }
  // The first time of a task that then repeats: recurring from it, with no due date of its own. A
  // time said to finish the work ("Hoàn thành trong Quý II/2026; duy trì thường xuyên") is its
  // deadline, and what goes on after it is upkeep.
  const last = due.reduce<Span | null>((a, b) => (!a || b.at > a.at ? b : a), null)
  if (
    last &&
    (goesOn.test(rest.slice(last.at)) || standingWithin.test(rest.slice(0, last.at))) &&
    !completes.test(rest.slice(0, last.at))
  )
    return {
      kind: 'recurring',
      due: null,
      start: spans.reduce((a, b) => (b.start < a.start ? b : a)).start,
    }
  if (due.length) {
    // Upkeep after the work ("xây dựng 2027 - 2028; duy trì đến 2030") is no deadline of it.
    const upkeep = (s: Span) =>
      /\bduy tri (?:den|toi) (?:het )?(?:nam )?$/.test(rest.slice(0, s.at))
    if (due.some((s) => !upkeep(s))) due = due.filter((s) => !upkeep(s))
    const latest = due.reduce((a, b) => (b.end > a.end ? b : a))
    const earliest = spans.reduce((a, b) => (b.start < a.start ? b : a))
    // "Quý I/2026 - Quý III/2026" in one cell: a range from the first to the last.
    const outside = cleaned.replace(/\([^)]*\)/g, ' ')
    const joined = due.length > 1 && /\d\s*[-–]\s*\p{L}/u.test(outside)
    return { kind: joined ? 'range' : latest.kind, due: latest.end, start: earliest.start }
  }
  // Work that starts at a time and goes on ("Triển khai từ năm 2026") has no due date.
  if (spans.length) return { kind: 'recurring', due: null, start: spans[0]!.start }
  if (relative.some((r) => r.kind === 'relative')) return { kind: 'relative', due: null }
  const standing = relative.find((r) => r.kind === 'standing')
  if (standing)
    return standing.start
      ? { kind: 'recurring', due: null, start: standing.start }
      : { kind: 'recurring', due: null }
  if (relative.length) return { kind: 'event', due: null }
  // Standing work said outright outweighs the occasions named with it ("Thực hiện thường xuyên khi
  // có yêu cầu").
  if (everyWords.test(source)) return { kind: 'recurring', due: null }
  if (eventWords.test(source) || immediate.test(lowerWithMarks(text)))
    return { kind: 'event', due: null }
  if (recurringWords.test(source)) return { kind: 'recurring', due: null }
  if (withinPeriod.test(source)) return { kind: 'event', due: null }
  if (occasion.test(source)) return { kind: 'event', due: null }
  if (noDeadline.test(source)) return { kind: 'event', due: null }
  if (externalWords.test(source) || /^theo /.test(source)) return { kind: 'external', due: null }
  return { kind: 'invalid', due: null }
}

function isWholeYear(span: Span): boolean {
  return span.start.endsWith('-01-01') && span.end === `${span.start.slice(0, 4)}-12-31`
}

function spanDays(span: Span): number {
  return (Date.parse(span.end) - Date.parse(span.start)) / 86_400_000 + 1
}

/**
 * Reads the start and end columns of activity tables ("Tháng 1" | "Tháng 12"; "2021" | "2025").
 * The deadline is the end of the end period, its start the beginning of the start period.
 */
export function parseDeadlineRange(
  startText: string,
  endText: string,
  year: number | null,
  issued: IsoDate | null = null,
): { deadline: Deadline | null; start: IsoDate | null; startInvalid: boolean } {
  const end = endText.trim() ? parseDeadline(endText, year, issued) : null
  const start = startText.trim() ? parseDeadline(startText, year, issued) : null
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

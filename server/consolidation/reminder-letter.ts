import { formatVietnameseDate, type IsoDate } from '../../core/index.ts'
import type { ProvinceSettings } from '../province/config.ts'
import { findReminderReason, type ReminderItem, type ReminderUnit } from './reminders.ts'

// The Công văn đôn đốc as text in its parts (Nghị định 30/2020/NĐ-CP, Phụ lục I): pure, so that the
// Word document, the dashboard's text and the tests read the same letter.

/** An error of a unit's report, as the letter names it ("Ô E9: Không hiểu được thời hạn …"). */
export type ReminderError = { cell: string | null; message: string }

export type ReminderInput = {
  settings: ProvinceSettings
  periodLabel: string
  /** The day reports were due for the period. */
  due: IsoDate
  /** The day the letter is written (Vietnam), a parameter so the text is the same in tests. */
  today: IsoDate
  /** The new deadline the officer sets; always after `today`. */
  deadline: IsoDate
  /** One unit: a letter to it. Several: one letter to all, with the list attached. */
  units: ReminderUnit[]
  /** For a letter to one unit: its report's errors, to be named. */
  errors?: ReminderError[]
}

/** The list attached to a letter to many units. */
export type ReminderAnnex = { title: string; subtitle: string; columns: string[]; rows: string[][] }

/** A Công văn in the parts its layout places: heading columns, addressees, body, Nơi nhận, signer. */
export type ReminderLetter = {
  governingBody: string
  issuingBody: string
  /** "Số:      /SNV-CCHC": the number is left for the clerk who registers the letter. */
  number: string
  /** Trích yếu: "V/v …". */
  subject: string
  nation: string
  motto: string
  /** "Đắk Lắk, ngày 20 tháng 9 năm 2026". */
  placeDate: string
  to: string[]
  paragraphs: string[]
  recipients: string[]
  signer: { authority: string; title: string; name: string }
  annex: ReminderAnnex | null
}

/** At most this many errors are named in a letter; the rest are counted. */
const namedErrors = 10

/** A date in a Công văn's heading: days below 10 and the months 1 and 2 with a leading zero. */
export function formatLetterDate(place: string, date: IsoDate): string {
  const [y, m, d] = date.split('-') as [string, string, string]
  const month = Number(m) <= 2 ? m : String(Number(m))
  return `${place}, ngày ${d} tháng ${month} năm ${y}`
}

/** How a letter addresses a unit: the People's Committee of a commune or ward, a department as named. */
export function addressUnit(unit: Pick<ReminderUnit, 'name' | 'kind'>): string {
  if (unit.kind !== 'xa') return unit.name
  return `Ủy ban nhân dân ${unit.name.charAt(0).toLowerCase()}${unit.name.slice(1)}`
}

function describeTask(t: ReminderItem): string {
  const content = t.content
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]+$/, '')
  const due = t.due ? ` (hạn ${formatVietnameseDate(t.due)})` : ''
  return `${t.stt ? `Nhiệm vụ ${t.stt}: ` : ''}${content}${due}`
}

/** Items of a list in a letter: "- a;", "- b;", the last ending the sentence. */
function listItems(items: string[], end = '.'): string[] {
  return items.map((t, i) => `- ${t}${i === items.length - 1 ? end : ';'}`)
}

function computeSubject(r: ReminderInput): string {
  const reasons = new Set(r.units.map(findReminderReason))
  const report = reasons.has('missing') || reasons.has('errors') || reasons.has('late')
  const tasks = r.units.some((u) => u.overdue.length)
  const what =
    report && tasks
      ? 'gửi báo cáo và thực hiện nhiệm vụ'
      : tasks
        ? 'thực hiện nhiệm vụ'
        : 'gửi báo cáo kết quả thực hiện nhiệm vụ'
  return `V/v đôn đốc ${what} cải cách hành chính ${r.periodLabel}`
}

/** The body of a letter to one unit: what is true of it, then what it is asked to do and by when. */
function writeUnitBody(r: ReminderInput, unit: ReminderUnit): string[] {
  const issuer = r.settings.issuingBodyName
  const due = formatVietnameseDate(r.due)
  const deadline = formatVietnameseDate(r.deadline)
  const out: string[] = []
  if (!unit.submitted || unit.daysLate > 0)
    out.push(
      `Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, các cơ quan, đơn vị gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${r.periodLabel} về ${issuer} trước ngày ${due}.`,
    )
  if (!unit.submitted)
    out.push(
      `Đến ngày ${formatVietnameseDate(r.today)}, ${issuer} chưa nhận được báo cáo của quý cơ quan` +
        (unit.daysLate > 0 ? ` (chậm ${unit.daysLate} ngày so với thời hạn).` : '.'),
    )
  else if (unit.daysLate > 0)
    out.push(
      `Báo cáo của quý cơ quan gửi ngày ${formatVietnameseDate(unit.submittedOn!)}, chậm ${unit.daysLate} ngày so với thời hạn.`,
    )
  const errors = r.errors ?? []
  if (unit.submitted && unit.errors > 0) {
    out.push(
      `Kết quả kiểm tra báo cáo ${r.periodLabel} của quý cơ quan còn ${unit.errors} lỗi cần sửa` +
        (errors.length ? ':' : ' (xem trang tính “Kiểm tra” khi kiểm tra lại báo cáo).'),
    )
    const named = errors
      .slice(0, namedErrors)
      .map((e) => `${e.cell ? `Ô ${e.cell}: ` : ''}${e.message.replace(/\.$/, '')}`)
    if (errors.length > namedErrors) named.push(`và ${errors.length - namedErrors} lỗi khác`)
    out.push(...listItems(named))
  }
  if (unit.overdue.length) {
    out.push(
      `Theo báo cáo của quý cơ quan, ${unit.overdue.length} nhiệm vụ đã quá thời hạn hoàn thành nhưng chưa hoàn thành:`,
    )
    out.push(...listItems(unit.overdue.map(describeTask)))
  }
  const asks: string[] = []
  if (!unit.submitted)
    asks.push(
      `Gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${r.periodLabel} về ${issuer} trước ngày ${deadline}`,
    )
  if (unit.submitted && unit.errors > 0)
    asks.push(
      `Sửa các lỗi ${errors.length ? 'nêu trên' : 'của báo cáo'} và gửi lại báo cáo trước ngày ${deadline}`,
    )
  if (unit.overdue.length)
    asks.push(
      'Khẩn trương chỉ đạo hoàn thành các nhiệm vụ quá hạn nêu trên, cập nhật kết quả thực hiện trong báo cáo kỳ tới',
    )
  if (unit.submitted && unit.daysLate > 0)
    asks.push('Gửi báo cáo đúng thời hạn trong các kỳ báo cáo tiếp theo')
  out.push(`${issuer} đề nghị quý cơ quan:`, ...listItems(asks))
  return out
}

/** The body of a letter to many units: how many are in each case, what each is asked, the list attached. */
function writeManyBody(r: ReminderInput): string[] {
  const issuer = r.settings.issuingBodyName
  const deadline = formatVietnameseDate(r.deadline)
  const count = (test: (u: ReminderUnit) => boolean) => r.units.filter(test).length
  const missing = count((u) => !u.submitted)
  const late = count((u) => u.submitted && u.daysLate > 0)
  const overdue = count((u) => u.overdue.length > 0)
  const errors = count((u) => u.submitted && u.errors > 0)
  const facts = [
    missing ? `${missing} cơ quan, đơn vị chưa gửi báo cáo` : '',
    late ? `${late} cơ quan, đơn vị gửi báo cáo chậm so với thời hạn` : '',
    overdue ? `${overdue} cơ quan, đơn vị có nhiệm vụ quá hạn chưa hoàn thành` : '',
    errors ? `${errors} cơ quan, đơn vị có báo cáo còn lỗi cần sửa` : '',
  ].filter(Boolean)
  const asks = [
    missing
      ? `Các cơ quan, đơn vị chưa gửi báo cáo: gửi báo cáo về ${issuer} trước ngày ${deadline}`
      : '',
    errors
      ? `Các cơ quan, đơn vị có báo cáo còn lỗi: sửa lỗi và gửi lại báo cáo trước ngày ${deadline}`
      : '',
    overdue
      ? 'Các cơ quan, đơn vị có nhiệm vụ quá hạn: khẩn trương chỉ đạo hoàn thành, cập nhật kết quả trong báo cáo kỳ tới'
      : '',
    late
      ? 'Các cơ quan, đơn vị gửi báo cáo chậm: bảo đảm đúng thời hạn trong các kỳ tiếp theo'
      : '',
  ].filter(Boolean)
  return [
    `Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, các cơ quan, đơn vị gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${r.periodLabel} về ${issuer} trước ngày ${formatVietnameseDate(r.due)}.`,
    `Đến ngày ${formatVietnameseDate(r.today)}, ${facts.join('; ')} (chi tiết theo danh sách kèm theo).`,
    `${issuer} đề nghị:`,
    ...listItems(asks),
  ]
}

function describeUnitState(u: ReminderUnit): string {
  if (!u.submitted) return 'Chưa gửi báo cáo'
  return u.daysLate > 0 ? `Gửi ngày ${formatVietnameseDate(u.submittedOn!)}` : 'Đã gửi đúng hạn'
}

function writeAnnex(r: ReminderInput, number: string): ReminderAnnex {
  return {
    title: 'DANH SÁCH CƠ QUAN, ĐƠN VỊ CẦN ĐÔN ĐỐC',
    subtitle: `(Kèm theo Công văn ${number.replace(/^Số: /, 'số ')} ngày ${formatVietnameseDate(r.today)} của ${r.settings.issuingBodyName})`,
    columns: [
      'STT',
      'Cơ quan, đơn vị',
      'Báo cáo',
      'Số ngày chậm',
      'Nhiệm vụ quá hạn',
      'Lỗi cần sửa',
    ],
    rows: r.units.map((u, i) => [
      String(i + 1),
      u.name,
      describeUnitState(u),
      u.daysLate ? String(u.daysLate) : '',
      u.overdue.map((t) => t.stt ?? '?').join(', '),
      u.errors ? String(u.errors) : '',
    ]),
  }
}

/**
 * Builds the Công văn đôn đốc (pure). Each sentence says what is true of the unit: not sent and how
 * many days late, sent late, its overdue tasks, its errors; a request points at a list only when the
 * list is there, and every deadline it gives is the officer's new one.
 */
export function buildReminderLetter(r: ReminderInput): ReminderLetter {
  if (!r.units.length || r.units.some((u) => findReminderReason(u) === null))
    throw new Error('buildReminderLetter: every unit must have something to be reminded of')
  if (r.deadline <= r.today)
    throw new Error('buildReminderLetter: the deadline must be after today')
  const s = r.settings
  const number = `Số: ${s.documentNumber.replace('{số}', '\u00a0'.repeat(6))}`
  const many = r.units.length > 1
  return {
    governingBody: s.governingBody,
    issuingBody: s.issuingBody,
    number,
    subject: computeSubject(r),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeDate: formatLetterDate(s.placeName, r.today),
    to: [
      many
        ? 'Kính gửi: Các cơ quan, đơn vị (theo danh sách kèm theo).'
        : `Kính gửi: ${addressUnit(r.units[0]!)}.`,
    ],
    paragraphs: [
      ...(many ? writeManyBody(r) : writeUnitBody(r, r.units[0]!)),
      `${s.issuingBodyName} đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.`,
    ],
    recipients: ['Nơi nhận:', ...listItems(['Như trên', ...s.recipients, `Lưu: ${s.archive}`])],
    signer: s.signer,
    annex: many ? writeAnnex(r, number) : null,
  }
}

/** The letter as plain text to copy into an e-mail or the document system. */
export function renderReminderText(letter: ReminderLetter): string {
  const signer = [letter.signer.authority, letter.signer.title, '', '', letter.signer.name]
  return [
    letter.governingBody,
    letter.issuingBody,
    letter.number,
    letter.subject,
    '',
    letter.nation,
    letter.motto,
    letter.placeDate,
    '',
    ...letter.to,
    '',
    ...letter.paragraphs,
    '',
    ...letter.recipients,
    '',
    ...signer.filter((line, i) => line || (i > 1 && i < 4)),
  ].join('\n')
}

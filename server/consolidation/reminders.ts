import { formatVietnameseDate, type IsoDate } from '../../core/index.ts'

/** An overdue task named in a reminder. */
export type ReminderItem = { stt: string | null; content: string; due: IsoDate | null }

export type ReminderInput = {
  province: string
  agencyName: string
  periodLabel: string
  due: IsoDate
  /** The date the letter is written (Vietnam), a parameter so the text is the same in tests. */
  today: IsoDate
  submitted: boolean
  overdue: ReminderItem[]
}

/** An official reminder (Công văn đôn đốc): heading lines, subject, addressee and body paragraphs. */
export type ReminderLetter = {
  issuer: string[]
  place: string
  subject: string
  to: string
  paragraphs: string[]
  signature: string[]
}

/** Builds the reminder letter Sở Nội vụ sends an agency with missing or overdue items (pure). */
export function buildReminderLetter(r: ReminderInput): ReminderLetter {
  const [y, m, d] = r.today.split('-')
  const paragraphs: string[] = []
  if (!r.submitted)
    paragraphs.push(
      `Đến nay, Sở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ${r.periodLabel} của quý cơ quan (hạn gửi ngày ${formatVietnameseDate(r.due)}).`,
    )
  if (r.overdue.length) {
    paragraphs.push(
      `Theo báo cáo của quý cơ quan, ${r.overdue.length} nhiệm vụ đã quá thời hạn hoàn thành nhưng chưa hoàn thành:`,
    )
    for (const t of r.overdue)
      paragraphs.push(
        `- ${t.stt ? `Nhiệm vụ ${t.stt}: ` : ''}${t.content.replace(/\s+/g, ' ').trim()}${t.due ? ` (hạn ${formatVietnameseDate(t.due)})` : ''}.`,
      )
  }
  paragraphs.push(
    r.submitted
      ? 'Đề nghị quý cơ quan khẩn trương chỉ đạo hoàn thành các nhiệm vụ nêu trên và cập nhật kết quả trong báo cáo kỳ tới.'
      : `Đề nghị quý cơ quan khẩn trương hoàn thành và gửi báo cáo ${r.periodLabel} về Sở Nội vụ.`,
    'Sở Nội vụ đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.',
  )
  return {
    issuer: [`UBND TỈNH ${r.province.toUpperCase()}`, 'SỞ NỘI VỤ'],
    place: `${r.province}, ngày ${d} tháng ${m} năm ${y}`,
    subject: `V/v đôn đốc thực hiện và báo cáo nhiệm vụ cải cách hành chính ${r.periodLabel}`,
    to: `Kính gửi: ${r.agencyName}.`,
    paragraphs,
    signature: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
  }
}

/** The letter as plain text to copy into an e-mail or the document system. */
export function renderReminderText(letter: ReminderLetter): string {
  return [
    ...letter.issuer,
    'Số:      /SNV-CCHC',
    letter.place,
    letter.subject,
    '',
    letter.to,
    '',
    ...letter.paragraphs,
    '',
    ...letter.signature,
  ].join('\n')
}

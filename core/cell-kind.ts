import type { AgencyIndex } from './agency.ts'
import { convertExcelSerial, parseDayFirstDate, parseExportedDate, type IsoDate } from './date.ts'
import { noDeadline, parseDeadline } from './deadline.ts'
import { isDateCell, type CellValue } from './grid.ts'
import { isProgress, parseProgress } from './progress.ts'
import { parseStt } from './stt.ts'
import { foldKeepingNumbers, foldText, saysWithMarks } from './text.ts'

/** What one cell holds, judged from the cell alone. */
export const cellKinds = [
  'date',
  'duration',
  'period',
  'progress',
  'percent',
  'target',
  'number',
  'numbering',
  'agency',
  'docref',
  'product',
  'task',
  'text',
] as const
export type CellKind = (typeof cellKinds)[number]

// The words agency names start with (folded), for tables checked without a registry.
const agencyStart =
  /^(?:(?:cac|tat ca) (?:so|co quan|don vi|xa|phuong|huyen|dia phuong|nganh|phong|ban|thanh vien|to chuc|bo|cuc|vu|truong|vien|khoa|doanh nghiep|dn|hoi|doan the)|trung uong|ban chi dao|bcd|khoa (?!hoc)[a-z]\w*|to (?!chuc|trinh|khai|quoc)[a-z]\w*|so (?!hoa|lieu|luong|sanh|ket|tay|do|hieu)\w+|ubnd|uy ban|hdnd|phong (?!chong|ngua|hop)|ban (?!hanh|giao|do)\w+|van phong|vp|cong an|bo(?: (?!sung|tri|cau|tai)\w+|$)|cuc|chi cuc|tong cuc|trung tam|dai (?:phat|truyen|pt)|bao (?!cao|dam|ve|quan|tri)\w+|bao hiem|hoi (?!nghi|thao|thi|cho)\w+|lien doan|lien minh|doan (?!ket)\w+|thanh tra|kho bac|toa an|vien(?! (?:thong|chuc))|vu (?!viec|an)\w+|co quan|don vi|truong (?!hop)\w+|benh vien|cong ty|tong cong ty|to (?:cong tac|giup viec|cong nghe|chuyen|thu ky)|chuyen vien|can bo|cong chuc|lanh dao|(?:tinh|huyen|thanh|dang) uy|(?:tinh|huyen|thanh) doan|buu dien|mat tran|ubmttq|ngan hang|doi (?!moi|thoai|voi)\w+|bo chi huy|chi nhanh|xa (?!hoi)\w+|phuong (?!an|thuc|phap|tien|huong|cham)\w+|huyen|thanh pho|tp|thi xa|chu tich|pho chu tich|giam doc|thu truong|d c|dong chi|nguoi dung dau|bch|bql|ban quan ly|hop tac xa|dia phuong|nganh)\b/
// Short capitalised abbreviations of agencies ("STP", "VP UBND", "BCĐ 138").
const agencyAbbreviation =
  /^(?!(?:QĐ|KH|BC|CV|TB|NQ|TTR|HD|QC|ĐA|CT)(?![A-ZĐ]))[A-ZĐ]{2,8}(?: [A-ZĐ0-9]{1,8})*$/u
const durationPattern =
  /^(?:khong tinh thoi gian|(?:toi da |trong |khoang )?\d+(?:[.,]\d+)?(?: \d+(?:[.,]\d+)?)? (?:ngay|gio|tuan|thang|nam)(?: lam viec)?)$/
const targetPattern =
  /(≥|>=|≤|\b(?:toi thieu|it nhat|tren \d+|tu \d+(?:[.,]\d+)? pct(?: \w+)* tro len|khong duoi|dat tu)\b|^dat muc\b)/
// "phấn đấu" (strive for) and "phần đầu tư" (the investment part) fold alike: read with the marks.
function saysStrive(text: string, folded: string): boolean {
  return saysWithMarks(text, folded, /\bphan dau\b/, /(?<!\p{L})phấn đấu(?!\p{L})/u)
}
const productPattern =
  /^(quyet dinh|ke hoach|bao cao|de an|van ban|nghi quyet|nghi dinh|thong tu|chi thi|cong van|huong dan|to trinh|quy che|quy dinh|chuong trinh|thong bao|du thao|phan mem|he thong|co so du lieu|luat|danh muc|so tay|tai lieu|bo tai lieu|bo cau hoi|hoi nghi|phong su|tin bai|chuyen muc|video|an pham|tap huan|bien ban)\b/
// A document reference: a number with a symbol ("12/BC-UBND", "09/2019/NĐ-CP"), "số 12", or a link.
export const documentReference = /\d+\s*\/\s*[A-ZĐ]|\bsố\s*\d+|https?:\/\/|\bCV\s*\d+/iu
// How deadline phrases open ("Trong năm 2026", "Quý IV", "Thường xuyên", "Theo quy định", "Khi có …").
const deadlineStart =
  /^(?:\d+|trong|truoc|cham nhat|muon nhat|den|tu|quy|thang|nam|ngay|hang|thuong xuyen|dinh ky|lien tuc|theo|khi|sau|ca nam|giai doan|nhiem ky|tuan|thu (?:\d|hai|ba|tu|nam|sau|bay)|chu nhat|sang|chieu|toi|(?:hoan thanh|xong) (?:truoc|trong|cham|vao|quy|thang|nam|ngay)|du kien (?:quy|thang|nam|ngay|tuan|\d)|dau|cuoi|giua|nua)\b/
// How progress words open (a progress cell that only mentions "Đảng" or "đang" later is not one).
const progressStart =
  /^(?:da|dang|chua|hoan thanh|ht|xong|dat|hoan tat|ket thuc|tiep tuc|cho|gan xong|sap hoan thanh|con trong han|tre han|qua han|xin gia han|du kien|khong|dung|tam dung|huy|co|can|phoi hop|theo doi|ghi nhan|\d+(?:[.,]\d+)? pct)\b/

/**
 * A whole number that can only be a date whose format was lost (a CSV, values pasted without their
 * format): an Excel serial from 01/01/2000 to 31/12/2099, read as that day. Other numbers are numbers.
 */
export function readDateSerial(value: CellValue): IsoDate | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null
  return value >= 36526 && value <= 73050 ? convertExcelSerial(value) : null
}

/**
 * The kind of one cell: a date, a deadline phrase, a progress word, a number, an agency name, a
 * document, a task description … The first kind that fits wins, most specific first. `cache` (one per
 * table read, with the same registry) keeps each text's kind.
 * @example readCellKind('Quý I/2026') // 'period'
 * @example readCellKind('Sở Tư pháp, Sở Nội vụ') // 'agency'
 */
export function readCellKind(
  value: CellValue,
  index: AgencyIndex | null = null,
  cache: Map<string, CellKind> | null = null,
): CellKind | null {
  if (value === null || value === '') return null
  if (isDateCell(value)) return value.shows ? 'period' : 'date'
  // A checkbox (Google Sheets, Excel): ticked or not, a progress.
  if (typeof value === 'boolean') return 'progress'
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return 'period'
    return 'number'
  }
  const text = value.trim()
  // A checkbox exported as text (Google Sheets, CSV): "TRUE", "FALSE".
  if (/^(?:TRUE|FALSE)$/.test(text)) return 'progress'
  // Dashes and dots stand for "nothing here".
  if (!text || /^[-–—.…/]+$/.test(text)) return null
  // A cell's kind depends only on its text (and the registry): tables repeat texts, so a caller
  // reading a whole table passes a cache of its own, and each text is read once.
  let kind = cache?.get(text)
  if (kind === undefined) {
    kind = classifyText(text, index)
    cache?.set(text, kind)
  }
  return kind
}

const share = '\\d+(?:[.,]\\d+)?\\s*%'
const percentPattern = new RegExp(
  `^(?:[-+~≈]\\s*)?${share}(?:\\s*[-–]\\s*${share})?(?:\\s*\\/\\s*(?:năm|tháng|quý))?$`,
  'u',
)

function classifyText(text: string, index: AgencyIndex | null): CellKind {
  const short = text.length <= 80
  const date = short ? (parseDayFirstDate(text) ?? parseExportedDate(text)) : null
  if (date && date !== 'invalid') return 'date'
  const folded = foldKeepingNumbers(text.replace(/^\(|\)$/g, ''))
  if (durationPattern.test(folded)) return 'duration'
  // (a share, a range of shares, per year: "8%", "7,5% - 8,0%", "8%/năm")
  if (percentPattern.test(text)) return 'percent'
  if (/^[-+]?\d[\d.,]*$/.test(text)) {
    const n = Number(text.replace(',', '.'))
    if (Number.isInteger(n) && n >= 1990 && n <= 2100) return 'period'
    return /^\d+(?:\.\d+)+$/.test(text) ? 'numbering' : 'number'
  }
  if (/^x$/i.test(text)) return 'progress'
  if (
    targetPattern.test(text.toLowerCase()) ||
    targetPattern.test(folded) ||
    saysStrive(text, folded)
  )
    return 'target'
  if (short && text.length <= 15) {
    const stt = parseStt(text)
    if (stt && stt.kind !== 'other') return 'numbering'
    if (/^[a-zđ][).]$/iu.test(text)) return 'numbering'
  }
  const plain = foldText(text)
  if (isAgencyText(text, plain, index)) return 'agency'
  // "Không", "Không có", "Chưa có" answer whatever the header asks: read as no deadline in a deadline
  // column, they are no evidence of one.
  if (noDeadline.test(plain)) return 'text'
  // (a figure to reach by a year, "2026 đạt 80%", is an aim, not a time)
  // (a date spelled out is as long as it is in figures: "ngày 8 tháng 12 năm 2020" is "8/12/2020")
  const timeLength = writeTimesInFigures(text).length
  if (timeLength <= 60 && (timeLength <= 20 || deadlineStart.test(plain)) && !text.includes('%')) {
    const d = parseDeadline(text, 2000)
    if (d && d.kind !== 'invalid') return 'period'
  }
  // A list of times, one a line after its label ("- Báo cáo tháng: Ngày 24 tháng báo cáo.\n- Báo
  // cáo năm: Ngày 31 tháng 3 năm kế tiếp"), is a time.
  if (text.includes('\n') && text.length <= 400 && listsTimes(text, index)) return 'period'
  if (isProgressText(text, plain)) return 'progress'
  if (documentReference.test(text)) return 'docref'
  // Codes that number tasks: "260514-01", "NV-03", "1.2.a" (digits, no spaces), "T076", "NV01".
  if (
    text.length <= 15 &&
    (/^(?=.*\d)[\p{L}\d]+(?:[-./_][\p{L}\d]+)+$/u.test(text) || /^\p{L}{1,4}\d{2,5}$/u.test(text))
  )
    return 'numbering'
  if (productPattern.test(plain)) return 'product'
  const words = plain.split(' ').length
  return text.length >= 25 && words >= 4 ? 'task' : 'text'
}

function listsTimes(text: string, index: AgencyIndex | null): boolean {
  const lines = text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*[-–•+*]\s*/, '')
        .replace(/^[^:\n]{1,40}:\s*/, '')
        .trim(),
    )
    .filter(Boolean)
  return lines.length >= 2 && lines.every((line) => classifyText(line, index) === 'period')
}

// Times spelled out in words: "ngày 8 tháng 12 năm 2020", "tháng 6 năm 2026", "quý II năm 2026".
const spelledDay = /(?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})/giu
const spelledPeriod = /(tháng|quý)\s+([\dIVX]{1,4})\s*,?\s*năm\s+(\d{4})/giu

/** A text with its spelled-out times written in figures ("8/12/2020", "tháng 6/2026"). */
function writeTimesInFigures(text: string): string {
  return text.replace(spelledDay, '$1/$2/$3').replace(spelledPeriod, '$1 $2/$3')
}

/** Progress words: short cells the progress reader places, or narratives that open with one ("Đã ban hành …"). */
function isProgressText(text: string, plain: string): boolean {
  // ("Đặng Thị Yến" folds as "đang" does: the marks tell a family name from a progress word)
  if (
    saysWithMarks(
      text.trim(),
      plain,
      /^(?:da|dang|chua|hoan thanh|ht|xong|khong thuc hien|dung thuc hien)\b/,
      /^(?:đã|đang|chưa|hoàn thành|ht|xong|không thực hiện|dừng thực hiện)(?!\p{L})/u,
    )
  )
    return true
  if (text.length > 25) return false
  if (!plain) return isProgress(parseProgress(text))
  return progressStart.test(plain) && /^\S/.test(plain) && isProgress(parseProgress(text))
}

// A person named as who does the work ("Phạm Văn Mạnh", "Đ/c Trần Thị B"): a common family name, then
// two to three capitalised words, a middle name perhaps cut to its initial ("Đặng T.Ngọc Yến", "Ng.Mai Hương").
const personName =
  /^(?:(?:[Đđ]\/[Cc]|[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị)\s+)?(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Lâm|Mai|Trịnh|Trương|Đào|Cao|Lương|Hà|Tạ|Lưu|Kiều|Chu|Thái|Quách|Tô|Vương|Triệu|Nông|Lò|Lục|Giàng|Thào|Sùng|Vi|Lường|Cầm|Châu|Tăng|Từ|Khúc|Kim|Hứa|Nghiêm|Phùng|Âu|Bạch|Đàm|Giang|Hầu|Mạc|Ninh|Tống|Ng\.)(?:(?:\s+|(?<=\.))(?:\p{Lu}\.\s*)?\p{Lu}\p{Ll}*){1,3}$/u

/** A name written in capitals ("BÙI HẢI PHƯƠNG") as names are cased ("Bùi Hải Phương"); other texts as they are. */
function writeNameCased(text: string): string {
  if (/\p{Ll}/u.test(text)) return text
  return text
    .toLowerCase()
    .replace(
      /(^|[\s./])(\p{Ll})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    )
}

/** A cell that names its lead by the role ("Chủ trì: Sở Công Thương. Phối hợp: Sở Tài chính"). */
export const leadLabel = /^\s*(?:cơ quan |đơn vị )?chủ trì(?: thực hiện)?\s*:\s*/iu

function isAgencyText(text: string, plain: string, index: AgencyIndex | null): boolean {
  if (text.length > 250) return false
  // (a list may number or bullet its names: "(1) Giám đốc …; (2) Cục trưởng …", "- Bộ …")
  const first = text
    .split(/[,;\n]|\svà\s/)[0]!
    .replace(/^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[-–•+])\s*/, '')
    // (named with its role: "Chủ trì: Sở Công Thương. Phối hợp: …")
    .replace(leadLabel, '')
    .trim()
  if (first.length <= 40 && personName.test(writeNameCased(first))) return true
  // A department's code before the people who do the work ("HCTH/ Lộc, Minh/ Hữu").
  const code = /^([A-ZĐ]{2,8})\s*\/\s*\p{Lu}/u.exec(first)
  if (code && agencyAbbreviation.test(code[1]!)) return true
  // A registry name is looked up, not searched for: the profile reads every cell of a column.
  if (index?.byName.has(foldText(first))) return true
  if (agencyAbbreviation.test(first)) return true
  return agencyStart.test(foldText(first)) && plain.split(' ').length <= 40
}

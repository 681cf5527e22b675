import { parseAgencies, type AgencyIndex } from './agency.ts'
import { parseDayFirstDate, type IsoDate } from './date.ts'
import { parseDeadline } from './deadline.ts'
import { statusLabels } from './messages.ts'
import { cellText, isDateCell, type CellValue } from './grid.ts'
import { isProgress, parseProgress } from './progress.ts'
import { parseStt } from './stt.ts'
import { foldKeepingNumbers, foldText } from './text.ts'

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

/** What a column holds: how many cells of each kind, and how its dates sit against the report date and its neighbours. */
export type ColumnProfile = {
  /** Data rows looked at (rows with at least one value of their own). */
  rows: number
  /** Cells with a value. */
  filled: number
  kinds: Record<CellKind, number>
  /** Distinct texts among the filled cells. */
  distinct: number
  /** Numbering cells that follow the one above (1, 2, 3 … or 1.1, 1.2 …). */
  ordered: number
  /** Agency cells naming several agencies ("Sở Tư pháp, Sở Nội vụ"). */
  agencyLists: number
  /** Cells the progress reader places, wherever the progress words stand ("Sở Nội vụ đang thực hiện"). */
  looseProgress: number
  /** Cells holding a status only the product writes ("Hoàn thành đúng hạn", "Quá hạn"). */
  ownStatus: number
  /** Date cells after the report date. */
  future: number
  /** A date column to the left whose dates are never after this one's (a "received on" column before it). */
  afterNeighbour: boolean
  /** A date column to the right whose dates are never before this one's. */
  beforeNeighbour: boolean
  /** Date cells on rows the table says are done; `null` when no column says which rows are done. */
  onDoneRows: number | null
  /** Rows the table says are not done, and how many of them have no date here. */
  openRows: number
  openBlank: number
}

/** What the profile needs besides the cells: the report date and the province's agencies. */
export type ReadingContext = { asOf?: IsoDate | null; index?: AgencyIndex | null }

/** At most this many data rows are profiled: the work is linear and bounded whatever the sheet's size. */
export const profileRows = 150

// The words agency names start with (folded), for tables checked without a registry.
const agencyStart =
  /^(?:(?:cac|tat ca) (?:so|co quan|don vi|xa|phuong|huyen|dia phuong|nganh|phong|ban|thanh vien|to chuc|bo)|so (?!hoa|lieu|luong|sanh|ket|tay|do|hieu)\w+|ubnd|uy ban|hdnd|phong (?!chong|ngua)|ban (?!hanh|giao|do)\w+|van phong|vp|cong an|bo (?!sung|tri|cau|tai)\w+|cuc|chi cuc|tong cuc|trung tam|dai (?:phat|truyen|pt)|bao (?!cao|dam|ve|quan|tri)\w+|bao hiem|hoi (?!nghi|thao|thi|cho)\w+|lien doan|lien minh|doan (?!ket)\w+|thanh tra|kho bac|toa an|vien (?!thong|chuc)\w+|vu (?!viec|an)\w+|co quan|don vi|truong (?!hop)\w+|benh vien|cong ty|tong cong ty|to (?:cong tac|giup viec|cong nghe|chuyen|thu ky)|chuyen vien|can bo|cong chuc|lanh dao|(?:tinh|huyen|thanh|dang) uy|mat tran|ubmttq|ngan hang|doi (?!moi|thoai|voi)\w+|bo chi huy|chi nhanh|xa (?!hoi)\w+|phuong (?!an|thuc|phap|tien|huong|cham)\w+|huyen|thanh pho|tp|thi xa|chu tich|pho chu tich|giam doc|thu truong|d c|dong chi|nguoi dung dau|bch|bql|ban quan ly|hop tac xa|dia phuong|nganh)\b/
// Short capitalised abbreviations of agencies ("STP", "VP UBND", "BCĐ 138").
const agencyAbbreviation =
  /^(?!(?:QĐ|KH|BC|CV|TB|NQ|TTR|HD|QC|ĐA|CT)\b)[A-ZĐ]{2,8}(?: [A-ZĐ0-9]{1,8})*$/u
const durationPattern =
  /^(?:khong tinh thoi gian|(?:toi da |trong |khoang )?\d+(?:[.,]\d+)?(?: \d+(?:[.,]\d+)?)? (?:ngay|gio|tuan|thang|nam)(?: lam viec)?)$/
const targetPattern =
  /(≥|>=|≤|\b(?:toi thieu|it nhat|tren|tu \d+(?:[.,]\d+)? pct(?: \w+)* tro len|khong duoi|dat tu|phan dau)\b)/
const productPattern =
  /^(quyet dinh|ke hoach|bao cao|de an|van ban|nghi quyet|nghi dinh|thong tu|chi thi|cong van|huong dan|to trinh|quy che|quy dinh|chuong trinh|thong bao|du thao|phan mem|he thong|co so du lieu|luat|danh muc|so tay|tai lieu|bo tai lieu|bo cau hoi|hoi nghi|phong su|tin bai|chuyen muc|video|an pham|tap huan|bien ban)\b/
// A document reference: a number with a symbol ("12/BC-UBND", "09/2019/NĐ-CP"), "số 12", or a link.
const documentReference = /\d+\s*\/\s*[A-ZĐ]|\bsố\s*\d+|https?:\/\/|\bCV\s*\d+/iu
// How deadline phrases open ("Trong năm 2026", "Quý IV", "Thường xuyên", "Theo quy định", "Khi có …").
const deadlineStart =
  /^(?:\d|trong|truoc|cham nhat|muon nhat|den|tu|quy|thang|nam|ngay|hang|thuong xuyen|dinh ky|lien tuc|theo|khi|sau|ca nam|giai doan|nhiem ky|tuan|thu \d|hoan thanh (?:truoc|trong|cham)|dau|cuoi|giua|nua)\b/
// How progress words open (a progress cell that only mentions "Đảng" or "đang" later is not one).
const progressStart =
  /^(?:da|dang|chua|hoan thanh|ht|xong|dat|hoan tat|ket thuc|tiep tuc|cho|gan xong|sap hoan thanh|con trong han|tre han|qua han|xin gia han|du kien|khong|dung|tam dung|huy|co|can|phoi hop|theo doi|ghi nhan|\d+(?:[.,]\d+)? pct)\b/

// The statuses only the product writes (not progress words an agency would type).
const ownStatuses = new Set(
  (['done-on-time', 'done-late', 'overdue', 'ongoing', 'unknown'] as const).map((s) =>
    foldText(statusLabels[s].vi),
  ),
)

// A cell's kind depends only on its text (and the registry): tables repeat texts, so each is read once.
const kindCache = new Map<string, CellKind>()

/**
 * The kind of one cell: a date, a deadline phrase, a progress word, a number, an agency name, a
 * document, a task description … The first kind that fits wins, most specific first.
 * @example readCellKind('Quý I/2026') // 'period'
 * @example readCellKind('Sở Tư pháp, Sở Nội vụ') // 'agency'
 */
export function readCellKind(value: CellValue, index: AgencyIndex | null = null): CellKind | null {
  if (value === null || value === '') return null
  if (isDateCell(value)) return 'date'
  if (typeof value === 'boolean') return 'text'
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return 'period'
    return 'number'
  }
  const text = value.trim()
  // Dashes and dots stand for "nothing here".
  if (!text || /^[-–—.…/]+$/.test(text)) return null
  const key = index ? `r|${text}` : text
  let kind = kindCache.get(key)
  if (kind === undefined) {
    if (kindCache.size > 20_000) kindCache.clear()
    kind = classifyText(text, index)
    kindCache.set(key, kind)
  }
  return kind
}

function classifyText(text: string, index: AgencyIndex | null): CellKind {
  const short = text.length <= 80
  const date = short ? parseDayFirstDate(text) : null
  if (date && date !== 'invalid') return 'date'
  const folded = foldKeepingNumbers(text.replace(/^\(|\)$/g, ''))
  if (durationPattern.test(folded)) return 'duration'
  if (/^[-+]?\d+(?:[.,]\d+)?\s*%$/.test(text)) return 'percent'
  if (/^[-+]?\d[\d.,]*$/.test(text)) {
    const n = Number(text.replace(',', '.'))
    if (Number.isInteger(n) && n >= 1990 && n <= 2100) return 'period'
    return /^\d+(?:\.\d+)+$/.test(text) ? 'numbering' : 'number'
  }
  if (/^x$/i.test(text)) return 'progress'
  if (targetPattern.test(text.toLowerCase()) || targetPattern.test(folded)) return 'target'
  if (short && text.length <= 15) {
    const stt = parseStt(text)
    if (stt && stt.kind !== 'other') return 'numbering'
    if (/^[a-zđ][).]$/iu.test(text)) return 'numbering'
  }
  const plain = foldText(text)
  if (isAgencyText(text, plain, index)) return 'agency'
  if (text.length <= 60 && (text.length <= 20 || deadlineStart.test(plain))) {
    const d = parseDeadline(text, 2000)
    if (d && d.kind !== 'invalid') return 'period'
  }
  if (isProgressText(text, plain)) return 'progress'
  if (documentReference.test(text)) return 'docref'
  if (productPattern.test(plain)) return 'product'
  const words = plain.split(' ').length
  return text.length >= 25 && words >= 4 ? 'task' : 'text'
}

/** Progress words: short cells the progress reader places, or narratives that open with one ("Đã ban hành …"). */
function isProgressText(text: string, plain: string): boolean {
  if (/^(?:da|dang|chua|hoan thanh|ht|xong|khong thuc hien|dung thuc hien)\b/.test(plain))
    return true
  if (text.length > 25) return false
  if (!plain) return isProgress(parseProgress(text))
  return progressStart.test(plain) && /^\S/.test(plain) && isProgress(parseProgress(text))
}

function isAgencyText(text: string, plain: string, index: AgencyIndex | null): boolean {
  if (text.length > 250) return false
  const first = text.split(/[,;\n]|\svà\s/)[0]!.trim()
  if (index) {
    const mentions = parseAgencies(text, index)
    if (mentions.length && mentions.every((m) => !('unknown' in m))) return true
  }
  if (agencyAbbreviation.test(first)) return true
  return agencyStart.test(foldText(first)) && plain.split(' ').length <= 40
}

/** Builds an empty profile. */
function createProfile(): ColumnProfile {
  return {
    rows: 0,
    filled: 0,
    kinds: Object.fromEntries(cellKinds.map((k) => [k, 0])) as Record<CellKind, number>,
    distinct: 0,
    ordered: 0,
    agencyLists: 0,
    ownStatus: 0,
    looseProgress: 0,
    future: 0,
    afterNeighbour: false,
    beforeNeighbour: false,
    onDoneRows: null,
    openRows: 0,
    openBlank: 0,
  }
}

/** A row the profile skips: empty, a section row ("I", "Phần II"), or a heading merged across the row. */
function isHeadingRow(row: CellValue[], covered: boolean[]): boolean {
  const own = row.findIndex((v, c) => v !== null && v !== '' && !covered[c])
  if (own < 0) return true
  const first = row[own]!
  if (typeof first === 'string' && first.length <= 15 && parseStt(first)?.kind === 'section')
    return true
  return covered.filter(Boolean).length >= 2
}

/** The date a cell holds, when it holds one. */
function readCellDate(value: CellValue): IsoDate | null {
  if (isDateCell(value)) return value.date
  if (typeof value !== 'string' || value.length > 40) return null
  const d = parseDayFirstDate(value.trim())
  return d && d !== 'invalid' ? d.date : null
}

/**
 * Profiles every column of a table's data (at most `profileRows` rows, headings and merged copies
 * left out): the kinds of its cells, and for date columns how they sit against the report date,
 * the date columns beside them and the rows another column says are done.
 */
export function computeColumnProfiles(
  rows: CellValue[][],
  covered: boolean[][],
  width: number,
  context: ReadingContext = {},
): ColumnProfile[] {
  const profiles = Array.from({ length: width }, createProfile)
  const kept: { row: CellValue[]; kinds: (CellKind | null)[] }[] = []
  for (let r = 0; r < rows.length && kept.length < profileRows; r++) {
    const row = rows[r] ?? []
    const cov = covered[r] ?? []
    if (isHeadingRow(row, cov)) continue
    const kinds: (CellKind | null)[] = []
    for (let c = 0; c < width; c++) {
      const value = cov[c] ? null : (row[c] ?? null)
      kinds.push(readCellKind(value, context.index ?? null))
    }
    kept.push({ row: cov.some(Boolean) ? row.map((v, c) => (cov[c] ? null : v)) : row, kinds })
  }
  for (let c = 0; c < width; c++) {
    const p = profiles[c]!
    const texts = new Set<string>()
    let previous: string | null = null
    for (const { row, kinds } of kept) {
      p.rows++
      const kind = kinds[c]
      if (!kind) continue
      const value = row[c] ?? null
      p.filled++
      p.kinds[kind]++
      const text = cellText(value).trim()
      texts.add(text)
      if (kind === 'numbering' || kind === 'number') {
        if (previous !== null && followsNumber(previous, text)) p.ordered++
        previous = text
      }
      if (kind === 'agency' && /[,;\n]|\svà\s/.test(text)) p.agencyLists++
      if (ownStatuses.has(foldText(text))) p.ownStatus++
      if (kind === 'progress' || kind === 'percent') p.looseProgress++
      else if (kind === 'agency' || kind === 'task' || kind === 'text')
        if (text.length <= 300 && isProgress(parseProgress(text))) p.looseProgress++
      if (kind === 'date' && context.asOf) {
        const date = readCellDate(value)
        if (date && date > context.asOf) p.future++
      }
    }
    p.distinct = texts.size
  }
  relateDateColumns(kept, profiles)
  relateDoneRows(kept, profiles)
  return profiles
}

/** Whether a number follows the one above it: 2 after 1, 1.2 after 1.1, 2 after 1.3. */
function followsNumber(before: string, after: string): boolean {
  const a = before.split('.').map(Number)
  const b = after.split('.').map(Number)
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return false
  for (let i = 0; i < b.length; i++) {
    if (i === b.length - 1) return b[i] === (a[i] ?? 0) + 1 || (i >= a.length && b[i] === 1)
    if (b[i] !== a[i]) return b[i] === (a[i] ?? 0) + 1 && b.slice(i + 1).every((x) => x === 1)
  }
  return false
}

/** Marks date columns that follow (or precede) another date column within three columns: never before it on any shared row. */
function relateDateColumns(kept: { row: CellValue[] }[], profiles: ColumnProfile[]) {
  const dateColumns = profiles
    .map((p, c) => ({ p, c }))
    .filter(({ p }) => p.filled >= 3 && p.kinds.date >= 0.6 * p.filled)
  for (const later of dateColumns) {
    for (const earlier of dateColumns) {
      if (earlier.c >= later.c || later.c - earlier.c > 3) continue
      let shared = 0
      let ordered = 0
      for (const { row } of kept) {
        const a = readCellDate(row[earlier.c] ?? null)
        const b = readCellDate(row[later.c] ?? null)
        if (!a || !b) continue
        shared++
        if (a <= b) ordered++
      }
      if (shared >= 3 && ordered === shared) {
        later.p.afterNeighbour = true
        earlier.p.beforeNeighbour = true
      }
    }
  }
}

/**
 * Where another column says which rows are done (its cells are progress words), counts how a
 * date column's dates fall: on done rows, and blank on rows not done.
 */
function relateDoneRows(
  kept: { row: CellValue[]; kinds: (CellKind | null)[] }[],
  profiles: ColumnProfile[],
) {
  let states = -1
  let best = 0
  profiles.forEach((p, c) => {
    const share = p.filled >= 3 ? p.kinds.progress / p.filled : 0
    if (share >= 0.6 && p.kinds.progress > best) {
      best = p.kinds.progress
      states = c
    }
  })
  if (states < 0) return
  const done = kept.map(({ row, kinds }) => {
    if (kinds[states] !== 'progress') return null
    const progress = parseProgress(cellText(row[states] ?? null))
    return isProgress(progress) ? progress.state === 'done' : null
  })
  profiles.forEach((p, c) => {
    if (c === states || p.filled < 2 || p.kinds.date < 0.6 * p.filled) return
    p.onDoneRows = 0
    kept.forEach(({ kinds }, i) => {
      const dated = kinds[c] === 'date'
      if (done[i] === true && dated) p.onDoneRows!++
      if (done[i] === false) {
        p.openRows++
        if (!dated) p.openBlank++
      }
    })
  })
}

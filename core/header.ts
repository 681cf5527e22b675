import { resolveColumnChoices, type ColumnChoices, type ColumnReading } from './columns.ts'
import { fieldSpecs, findMissingRequired, type FieldKey } from './fields.ts'
import { cellText, columnLetter, isDateCell, type CellValue } from './grid.ts'
import {
  assignColumns,
  findItemNextToNumbering,
  guessRequiredFields,
  minimumScore,
  settleRoles,
} from './header-assign.ts'
import {
  computeColumnProfiles,
  profileRows,
  type ColumnProfile,
  type ReadingContext,
} from './column-profile.ts'
import { readWrittenDay } from './calendar-day.ts'
import { isClosingRow } from './closing.ts'
import { scoreColumnContents } from './header-evidence.ts'
import { describeClosest, findMissingFields, readColumn } from './header-mapping.ts'
import { findBestMeaning, scoreHeaderText } from './header-score.ts'
import { timeWords, type HeaderMeaning, type Weights } from './header-words.ts'
import { createIssue, type Issue } from './issue.ts'
import {
  findColumnSeries,
  findWorkflow,
  isMarkedRun,
  isPeriodHeader,
  isStateHeader,
  seriesMark,
  type ColumnSeries,
  type SeriesKind,
} from './series.ts'
import { isClockTime, parseDeadline } from './deadline.ts'
import { readCellKind, type CellKind } from './cell-kind.ts'
import { findTitleDay, readTitleText } from './title.ts'
import { foldText } from './text.ts'
import { parseStt } from './stt.ts'

/** Where the table's header is, which sheet column (1-based) holds each field, and how every column was read. */
export type HeaderInfo = {
  /** Sheet row of the (first) header row. */
  row: number
  /** Number of header rows (2 for "Thời gian thực hiện" over "Bắt đầu | Hoàn thành"). */
  height: number
  /** First sheet row after the header (and after a column-numbering row "(1) (2) (3)"). */
  dataStart: number
  columns: Partial<Record<FieldKey, number>>
  /** Every header cell with the field chosen for it (or none) and how sure the engine is. */
  mapping: ColumnReading[]
  /** The folded header text of each mapped column, to skip the header repeated at page breaks, and
   * of its parent where two header rows name it ("Thời gian" over "Bắt đầu"). */
  texts: Partial<Record<FieldKey, string>>
  parents: Partial<Record<FieldKey, string>>
  lastColumn: number
  issues: Issue[]
  /** Scores of every column for every field, for hints about a missing column. */
  scores: Weights[]
  /** Columns read together as one field: periods marked under a time parent, numbered steps. */
  series?: ColumnSeries[]
  /** The year a column writes on every row and no field takes ("plan_year": 2026): the table's year. */
  year?: number
}

const reportedFields = new Set<FieldKey>(['evidence', 'doneDate', 'achieved', 'progress'])

/** Why a column after a series' first is read as part of it ("một kỳ của thời hạn (cột D)"). */
function describeSeriesPart(kind: SeriesKind | 'timed', first: string): { vi: string; en: string } {
  const marked = { vi: 'ô đánh dấu x', en: 'cells marked x' }
  const part = {
    periods: { vi: 'một kỳ của thời hạn', en: 'one period of the deadline', how: marked },
    timed: {
      vi: 'một kỳ của thời hạn',
      en: 'one period of the deadline',
      how: { vi: 'ô ghi thời hạn', en: 'cells write a time' },
    },
    steps: { vi: 'một bước của tiến độ', en: 'one step of the progress', how: marked },
    reports: {
      vi: 'một kỳ báo cáo tiến độ',
      en: 'one period of the progress report',
      how: { vi: 'kỳ sau cùng có ghi là tiến độ', en: 'the latest period written is the progress' },
    },
    states: { vi: 'một trạng thái của tiến độ', en: 'one state of the progress', how: marked },
    workflow: {
      vi: 'một bước của tiến độ',
      en: 'one step of the progress',
      how: { vi: 'ô ghi văn bản của bước', en: 'cells record the step’s document' },
    },
  }[kind]
  return {
    vi: `${part.vi} (cột ${first}): ${part.how.vi}`,
    en: `${part.en} (column ${first}): ${part.how.en}`,
  }
}

/** Scores a header cell (under its parent), each text once per table read. */
type Scorer = (value: CellValue, parent?: string | null) => Weights

/** A scorer whose cache lives as long as one reading of a table, never longer. */
function createScorer(): Scorer {
  const cache = new Map<string, Weights>()
  return (value, parent = null) => {
    const text = typeof value === 'string' ? value : ''
    if (!text.trim() || text.length > 160) return {}
    const key = `${parent ?? ''}|${text}`
    let scores = cache.get(key)
    if (!scores) cache.set(key, (scores = scoreHeaderText(text, parent)))
    return scores
  }
}

function bestField(scores: Weights): FieldKey | null {
  const best = findBestMeaning(scores)
  return best && best.meaning !== 'other' && best.score >= minimumScore ? best.meaning : null
}

function isRequiredSatisfied(fields: Set<FieldKey>): boolean {
  return findMissingRequired((f) => fields.has(f)).length === 0
}

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4". */
function isNumberingRow(row: CellValue[]): boolean {
  const texts = row.map((v) => cellText(v).trim()).filter(Boolean)
  if (texts.length < 3) return false
  const nums = texts.map((t) => /^\(?(\d{1,2})\)?$/.exec(t)?.[1]).map(Number)
  return nums.every((n, i) => Number.isFinite(n) && n > 0 && (i === 0 || n > nums[i - 1]!))
}

/**
 * Finds the header row: the row (with the one below, for two-row headers) whose cells name the
 * most fields by meaning, preferring rows that name every required field; a user's column choices
 * count as named. Then reads every column jointly, using the data below as evidence.
 */
export function locateHeader(
  values: CellValue[][],
  covered: boolean[][],
  top: number,
  left: number,
  choices: ColumnChoices = {},
  context: ReadingContext = {},
): HeaderInfo | null {
  const scoreCell = createScorer()
  let best: { r: number; score: number } | null = null
  // Failing that, a row of three or more short headings, one naming a field and the others leaning
  // to one ("TT | Văn bản | Điều, khoản | Cơ quan"), over filled rows: the cells below decide.
  let weakest: number | null = null
  const limit = Math.min(values.length, 60)
  for (let r = 0; r < limit; r++) {
    const row = values[r] ?? []
    // A row of copies only (the header merged down over it) is the row above, read there.
    if (r > 0 && row.every((v, c) => v === null || v === '' || covered[r]?.[c] === true)) continue
    const fields = new Set<FieldKey>()
    for (const v of row) {
      const f = bestField(scoreCell(v))
      if (f) fields.add(f)
    }
    // (children under a time parent are short headings, "Bắt đầu | Hoàn thành", not a row's data)
    const below = values[r + 1] ?? []
    if (!holdsData(below))
      for (const v of below) {
        // (nor a state: "Chưa bắt đầu")
        if (typeof v !== 'string' || v.length > 25 || /\d|^\s*(?:chưa|đã|đang)\s/iu.test(v))
          continue
        const f = bestField(scoreCell(v, 'Thời gian'))
        if (f === 'start' || f === 'end') fields.add(f)
      }
    const { fixed } = resolveColumnChoices(choices, row.map(cellText), left)
    for (const [f, c] of Object.entries(fixed) as [FieldKey, number][])
      if (cellText(row[c] ?? null).trim()) fields.add(f)
    const complete = isRequiredSatisfied(fields)
    const score = fields.size + (complete ? 100 : 0)
    // Three fields make a header; two do when the row is a table's header (three or more headings
    // over a filled row, a group's heading between them allowed): a calendar "Kỳ | Phạm vi | Hạn nộp |
    // Ghi chú", a list "STT | Các nghị định cần sửa đổi | Điều, khoản | Cơ quan chủ trì soạn thảo",
    // indicators "Chỉ tiêu | Mốc | Đầu mối".
    const filled = countFilled
    // (the rows below, past a group's heading of one cell and blank rows between the tasks)
    const next = findFilledRows(values, r + 1, 4)
    const under = filled(next[0]) === 1 ? next.slice(1) : next.slice(0, 3)
    const twoFields =
      fields.size === 2 &&
      ((filled(row) >= 3 && filled(under[0]) >= 2) ||
        // (a table of two columns, "Hạn | Nội dung", over three rows filled as wide at least)
        (filled(row) === 2 && under.length === 3 && under.every((b) => filled(b) >= 2)))
    if ((fields.size >= 3 || twoFields) && (!best || score > best.score) && !holdsData(row))
      best = { r, score }
    if (complete && best?.r === r) break
    if (
      weakest === null &&
      fields.size >= 1 &&
      isWeakHeader(row, scoreCell, findFilledRows(values, r + 1, 3))
    )
      weakest = r
  }
  let r =
    best?.r ??
    weakest ??
    findHeadingsOverTimes(values, covered, limit) ??
    findHeadingsOverNumbers(values, covered, limit)
  if (r === null) return null
  // A header of two rows is read from its top row: a row whose headings are partly merged down from
  // the row above ("TT" over both rows beside "Đơn vị" over "Chủ trì | Phối hợp") is its second row.
  if (r > 0 && isSecondHeaderRow(values, covered, r)) r--
  return buildHeader(values, covered, r, top, left, choices, context, scoreCell)
}

/** The first `k` rows from `from` on that hold a value, blank rows between them passed over (a bounded look). */
function findFilledRows(values: CellValue[][], from: number, k: number): CellValue[][] {
  const found: CellValue[][] = []
  for (let i = from; i < Math.min(values.length, from + 2 * k) && found.length < k; i++)
    if (countFilled(values[i]) > 0) found.push(values[i]!)
  return found
}

/** Whether a row continues the header above it: two of its headings or more merged down from there, one of its own at least. */
function isSecondHeaderRow(values: CellValue[][], covered: boolean[][], r: number): boolean {
  let copies = 0
  let own = 0
  ;(values[r] ?? []).forEach((v, c) => {
    if (v === null || v === '') return
    // (a copy of the heading above it, not of the heading beside it merged across)
    if (covered[r]?.[c] === true) {
      if (values[r - 1]?.[c] === v) copies++
    } else own++
  })
  return copies >= 2 && own >= 1 && !holdsData(values[r - 1] ?? [])
}

/**
 * Whether a row holds what only data rows hold: a task's number ("7", "1.2"), a day ("15/7/2026",
 * a real date) or a time of day ("13:30"). Such a row is a task, however many field words its texts say.
 */
function holdsData(row: CellValue[]): boolean {
  return row.some((v) => {
    if (v === null || v === '') return false
    if (isDateCell(v)) return true
    const text = cellText(v).trim()
    // (a day with its weekday or its word, "Thứ Tư 04/09/2019", "Ngày 4/9/2019"; a time of day, "13:30")
    return (
      /^\d{1,3}(?:\.\d{1,2})*\.?$/.test(text) ||
      readWrittenDay(text)?.year?.length === 4 ||
      /^\d{1,2}\s*[h:]\s*\d{2}$/i.test(text)
    )
  })
}

/** Three or more short headings, each leaning to a field, over rows filled as wide. */
function isWeakHeader(row: CellValue[], scoreCell: Scorer, below: CellValue[][]): boolean {
  const texts = row.map((v) => (typeof v === 'string' ? v.trim() : ''))
  const headings = texts.filter(Boolean)
  if (headings.length < 3 || headings.length < row.filter((v) => v !== null && v !== '').length)
    return false
  const leaning = headings.filter((t) => {
    const best = findBestMeaning(scoreCell(t))
    return t.length <= 60 && best !== null && best.meaning !== 'other' && best.score >= 1.5
  })
  return leaning.length >= 3 && below.length === 3 && below.every((b) => countFilled(b) >= 3)
}

/** The share of a column's filled cells that each name one day ("15/01/2025 (thứ Tư)", a date). */
function shareOfDays(rows: CellValue[][], c: number): number {
  let filled = 0
  let days = 0
  for (const row of rows) {
    const v = row[c] ?? null
    if (v === null || v === '') continue
    filled++
    if (isDateCell(v)) {
      if (!v.shows) days++
      continue
    }
    const read = parseDeadline(cellText(v), 2000)
    if (read?.due && read.start === read.due) days++
  }
  return filled ? days / filled : 0
}

/**
 * When no row names fields enough: the first row of three or more short headings, whatever their words
 * ("Tháng | Ngày tiếp công dân | Lãnh đạo tiếp"), over rows filled as wide where one column writes only
 * days, periods or times of day (two at least): a calendar or a programme, whose cells decide.
 */
function findHeadingsOverTimes(
  values: CellValue[][],
  covered: boolean[][],
  limit: number,
): number | null {
  const kinds = new Map<string, CellKind>()
  // (a programme's times of day, "07h45 - 08h00", too)
  const timed = (v: CellValue) =>
    ['date', 'period'].includes(readCellKind(v, null, kinds) ?? '') ||
    (typeof v === 'string' && isClockTime(v))
  // (a session's heading merged across the row, "Buổi sáng (từ 7h00 đến 9h00)", is no event: its
  // copies are not counted; each row counted once)
  const own = createRowCounter(values, covered)
  for (let r = 0; r < limit; r++) {
    const row = values[r] ?? []
    const filled = readHeadings(row, 60)
    if (!filled) continue
    // (a day's cell merged or left blank over the rest of its events: the times written are read)
    const below: CellValue[][] = []
    for (let k = r + 1; k < Math.min(values.length, r + 13); k++)
      if (own(k) >= 3) below.push(values[k] ?? [])
    if (below.length < 3 || filled.some(timed)) continue
    const dated = (c: number) => {
      const written = below.map((b) => b[c] ?? null).filter((v) => v !== null && v !== '')
      return written.length >= 2 && written.every(timed)
    }
    if (row.some((v, c) => v !== null && v !== '' && dated(c))) return r
  }
  return null
}

/** Whether item number `b` can follow `a` in one numbering: the next at its level, a first child, or the next above. */
function followsItem(a: number[], b: number[]): boolean {
  for (let i = 0; i < b.length; i++) {
    if (i === b.length - 1) return b[i] === (a[i] ?? 0) + 1 || (i >= a.length && b[i] === 1)
    if (b[i] !== a[i]) return false
  }
  return false
}

/** A row's cells when it is three or more headings of text, none longer than `longest`; else null. */
function readHeadings(row: CellValue[], longest: number): CellValue[] | null {
  const filled = row.filter((v) => v !== null && v !== '')
  return filled.length >= 3 &&
    filled.every((v) => typeof v === 'string' && v.trim().length <= longest)
    ? filled
    : null
}

/**
 * What a cell says as an item of a list: a section that starts the numbering again ("II", "B."), an
 * item's number ("1", "1.2", "Bước 3") or a task's code under its prefix ("A1", "NV-02"), or nothing.
 */
type ListItem = { restarts: true } | { parts: number[]; prefix: string | null } | null

function readListItem(text: string): ListItem {
  const stt = parseStt(text)
  if (stt?.kind === 'section' || stt?.kind === 'part') return { restarts: true }
  if (stt?.kind === 'numbered') return { parts: stt.parts, prefix: null }
  const coded = /^([A-Za-zĐđ]{1,4}[-_.]?)(\d{1,4})$/.exec(text.trim())
  return coded ? { parts: [Number(coded[2])], prefix: coded[1]! } : null
}

/**
 * Last of all: the first row of three or more headings, whatever their words ("STT | Các nghị
 * định cần sửa đổi | Điều, khoản | Giao cho"), over items numbered in order in one of its columns
 * ("1, 2, 3", "1.1, 1.2", "A1, A2") on rows filled as wide: a list, whose cells decide.
 */
function findHeadingsOverNumbers(
  values: CellValue[][],
  covered: boolean[][],
  limit: number,
): number | null {
  const items = new Map<string, ListItem>()
  const readItem = (v: CellValue) => {
    const text = cellText(v)
    let item = items.get(text)
    if (item === undefined) items.set(text, (item = readListItem(text)))
    return item
  }
  const count = createRowCounter(values, null)
  // The first three items written in column `c` below row `r`, past a group's heading ("I | NGHỊ
  // ĐỊNH") or a second header row that leaves the column blank, follow one another.
  const numbers = (r: number, c: number, wide: number): boolean => {
    let last: { parts: number[]; prefix: string | null } | null = null
    let restart = false
    let run = 0
    for (let k = r + 1; k < Math.min(values.length, r + 9); k++) {
      const cell = values[k]?.[c] ?? null
      // (a number merged down over its item's rows is read once)
      if (cell === null || cell === '' || covered[k]?.[c]) continue
      const item = readItem(cell)
      if (item && 'restarts' in item) {
        restart = true
        continue
      }
      if (!item || count(k) < wide || (last && item.prefix !== last.prefix)) return false
      const first = restart && item.parts.join('.') === '1'
      if (last && !first && !followsItem(last.parts, item.parts)) return false
      last = item
      restart = false
      if (++run === 3) return true
    }
    return false
  }
  for (let r = 0; r < limit; r++) {
    const row = values[r] ?? []
    const filled = readHeadings(row, 200)
    if (!filled) continue
    const wide = Math.min(3, filled.length)
    // (a heading is no item itself)
    if (row.some((v, c) => v !== null && v !== '' && !readItem(v) && numbers(r, c, wide))) return r
  }
  return null
}

/** Counts each row's filled cells once (merged copies left out when `covered` is given), on demand. */
function createRowCounter(values: CellValue[][], covered: boolean[][] | null) {
  const counts = new Map<number, number>()
  return (k: number): number => {
    let n = counts.get(k)
    if (n === undefined) {
      n = 0
      const row = values[k] ?? []
      for (let c = 0; c < row.length; c++)
        if (cellText(row[c] ?? null).trim() && !covered?.[k]?.[c]) n++
      counts.set(k, n)
    }
    return n
  }
}

function countFilled(row: CellValue[] = []): number {
  return row.filter((v) => cellText(v).trim()).length
}

/** The header text of each column: a child under a parent reads as both ("Thời gian thực hiện – Bắt đầu"). */
function readHeaderCells(
  values: CellValue[][],
  covered: boolean[][],
  r: number,
  scoreCell: Scorer,
) {
  const headerRow = values[r] ?? []
  const below = values[r + 1] ?? []
  const width = Math.max(headerRow.length, below.length)
  const text = (row: CellValue[], c: number) => cellText(row[c] ?? null).trim()
  // A child sits under a parent spanning several columns (merged, or written once with blanks beside it).
  const spans: boolean[] = []
  const parents: string[] = []
  let parent = ''
  for (let c = 0; c < width; c++) {
    const own = text(headerRow, c)
    if (own && !covered[r]?.[c]) parent = own
    spans.push(
      (!own && parent !== '') ||
        covered[r]?.[c] === true ||
        (covered[r]?.[c + 1] === true && text(headerRow, c + 1) === own) ||
        (own !== '' && !text(headerRow, c + 1) && text(below, c + 1) !== ''),
    )
    parents.push(own || parent)
  }
  // A header cell whose words go on in the row below without a merge ("Thời gian" over "hoàn thành"):
  // a few words, no figures, that make a field with the words above.
  const continues = (c: number) => {
    const own = text(headerRow, c)
    const sub = text(below, c)
    return (
      own !== '' &&
      sub.split(/\s+/).length <= 4 &&
      !/\d/.test(sub) &&
      bestField(scoreCell(`${own} ${sub}`)) !== null
    )
  }
  // A short label under a merged parent, beside another ("Thời gian trình" over "BTV | BCH"): no
  // figures, no mark.
  const isSubLabel = (sub: string, c: number) =>
    covered[r]?.[c] === true || covered[r]?.[c + 1] === true
      ? sub.length <= 20 && sub.split(/\s+/).length <= 3 && !/\d/.test(sub) && !seriesMark.test(sub)
      : false
  // The row below is a header row when it names fields under spanning parents and holds nothing
  // else but copies of the cells above (vertical merges) or their words going on: a data row never
  // qualifies.
  const belowIsHeader =
    !isNumberingRow(below) &&
    below.some(
      (v, c) =>
        spans[c] &&
        text(below, c) !== text(headerRow, c) &&
        (bestField(scoreCell(v)) ||
          isPeriodHeader(text(below, c)) ||
          isStateHeader(text(below, c)) ||
          isSubLabel(text(below, c), c)),
    ) &&
    below.every(
      (_, c) =>
        spans[c] || !text(below, c) || text(below, c) === text(headerRow, c) || continues(c),
    )
  const cells: { text: string; parent: string | null; skip: boolean }[] = []
  let height = 1
  for (let c = 0; c < width; c++) {
    const own = text(headerRow, c)
    const sub = text(below, c)
    if (belowIsHeader && spans[c] && sub && sub !== own && !covered[r + 1]?.[c]) {
      height = 2
      cells.push({ text: sub, parent: parents[c] || null, skip: false })
    } else if (belowIsHeader && sub && sub !== own && !covered[r + 1]?.[c]) {
      cells.push({ text: `${own} ${sub}`, parent: null, skip: false })
    } else {
      // A merged header cell is read once, at its top-left.
      const left = c > 0 ? text(headerRow, c - 1) : ''
      cells.push({ text: own, parent: null, skip: covered[r]?.[c] === true && own === left })
    }
  }
  return { cells, height }
}

/** A column whose cells are mostly sentences (task descriptions, document titles), not codes or figures. */
function isTextColumn(p: ColumnProfile): boolean {
  const words = p.kinds.task + p.kinds.text + p.kinds.docref + p.kinds.product
  return words >= 0.6 * p.filled && p.long >= 0.5 * p.filled
}

// A time the header says was planned ("Ngày dự kiến trình ban hành", "Thời gian theo kế hoạch").
const plannedWords = /\b(du kien|ke hoach|dk|theo kh)\b/

/**
 * A planned time beside another time: the planned one is the deadline and the other, whose dates
 * are never after the report date, is when the work was done ("Ngày dự kiến trình | … | Thời gian xử
 * lý", "Kế hoạch | Thực hiện").
 */
function settlePlannedTime(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  profiles: ColumnProfile[],
  fixed: Partial<Record<FieldKey, number>>,
) {
  const deadline = assigned.indexOf('deadline')
  const planned = (c: number) => plannedWords.test(foldText(cells[c]!.text))
  if (deadline < 0 || fixed.deadline !== undefined || fixed.doneDate !== undefined) return
  if (assigned.includes('doneDate') || planned(deadline) || profiles[deadline]!.future > 0) return
  const other = cells.findIndex(
    (h, c) => !h.skip && !assigned[c] && planned(c) && (scores[c]!.deadline ?? 0) >= minimumScore,
  )
  if (other < 0) return
  assigned[other] = 'deadline'
  assigned[deadline] = 'doneDate'
}

/** Reads the header at row index `r` (0-based in `values`): every column, jointly, with the data below as evidence. */
export function buildHeader(
  values: CellValue[][],
  covered: boolean[][],
  r: number,
  top: number,
  left: number,
  choices: ColumnChoices,
  context: ReadingContext = {},
  scoreCell: Scorer = createScorer(),
): HeaderInfo {
  const { cells, height } = readHeaderCells(values, covered, r, scoreCell)
  let dataStart = r + height
  if (isNumberingRow(values[dataStart] ?? [])) dataStart++
  // The profile reads a bounded sample of the data (headings skipped), whatever the sheet's size,
  // and stops at the document's closing block: signatures and recipients are no column's cells.
  let sample = dataStart + 2 * profileRows
  for (let i = dataStart + 1; i < Math.min(sample, values.length); i++)
    if (isClosingRow(values[i] ?? [])) {
      sample = i
      break
    }
  // A page break repeats the header, or its numbering row, over the rows that follow: no data.
  const headerFolded = values
    .slice(r, r + height)
    .map((h) => h.map((v) => foldText(cellText(v).trim())))
  const isCopy = (row: CellValue[]) => {
    const texts = row.map((v) => (v === null || v === '' ? '' : foldText(cellText(v).trim())))
    const same = texts.filter((t, c) => t && headerFolded.some((h) => h[c] === t)).length
    return isNumberingRow(row) || (same >= 2 && same >= 0.5 * texts.filter(Boolean).length)
  }
  const kept: number[] = []
  for (let i = dataStart; i < Math.min(sample, values.length); i++)
    if (!isCopy(values[i] ?? [])) kept.push(i)
  const rows = kept.map((i) => values[i] ?? [])
  const profiles = computeColumnProfiles(
    rows,
    kept.map((i) => covered[i] ?? []),
    cells.length,
    context,
  )
  const words = cells.map((h) => (h.skip || !h.text ? {} : scoreCell(h.text, h.parent)))
  // A plan has no progress columns: there "Kết quả" holds targets or products, not achievements.
  // (a schedule headed for progress over times alone, "Tiến độ": "Quý II/2026", reports nothing)
  // (nor does a progress column left empty: the plan as sent out, its column still to be filled)
  const reports = (s: Weights, c: number) => {
    const field = bestField(s)
    const p = profiles[c]!
    if (field === 'progress' && p.filled >= 2 && p.kinds.period + p.kinds.date >= 0.8 * p.filled)
      return false
    if ((field === 'progress' || field === 'doneDate') && p.rows >= 3 && p.filled === 0)
      return false
    return field === 'progress' || field === 'doneDate'
  }
  const plan = !words.some(reports)
  // A column with data under an empty header cell is read by its cells alone, and only where the
  // user names it or a required field has no other column: an unlabelled column of numbers beside
  // the tasks is their STT.
  const unlabelled = cells.map((h, c) => !h.skip && !h.text && profiles[c]!.filled >= 2)
  const contents = profiles.map((p, c) =>
    cells[c]!.skip || (!cells[c]!.text && !unlabelled[c])
      ? {}
      : scoreColumnContents(p, words[c]!, plan),
  )
  // A "Trạng thái" column the office filled with words of its own, in a table with no column named
  // for progress, is its account of progress, not the status column the product writes (that one
  // holds the product's labels, or nothing yet).
  const namesProgress = words.some((w) => (w.progress ?? 0) >= 7)
  contents.forEach((s, c) => {
    const p = profiles[c]!
    const status = words[c]!.status ?? 0
    if (!namesProgress && status > 0 && p.filled > 0 && p.ownStatus < 0.8 * p.filled)
      s.status = (s.status ?? 0) - 2 - status
  })
  // A result column ("Kết quả thực hiện") whose cells say, in words, how each task stands ("Đang thực
  // hiện", "Đã ban hành Kế hoạch số …") is the office's account of progress where no column is named
  // for progress or targets: another column's cells alone ("Ban hành văn bản mới" as a form of
  // handling) cannot make that column the progress.
  const told = (c: number) =>
    bestField(words[c]!) === 'achieved' &&
    profiles[c]!.filled >= 3 &&
    profiles[c]!.looseProgress - profiles[c]!.kinds.percent >= 0.6 * profiles[c]!.filled
  if (
    !words.some((w) => ['progress', 'expected'].includes(bestField(w) ?? '')) &&
    words.some((_, c) => told(c))
  )
    contents.forEach((s, c) => {
      if ((words[c]!.progress ?? 0) <= 0) s.progress = Math.min(s.progress ?? 0, 0)
    })
  // Headings that name no field (a word we do not know, "Cột C"): their cells alone decide.
  const unnamed = cells.map((h, c) => !h.skip && Object.values(words[c]!).every((v) => v <= 0))
  // A meeting's programme: under a time word (or a heading that names nothing), times of day fall on the one day its title names
  // ("Thời gian" over "07h45 - 08h00" below "… ngày 09/10/2025"), a deadline column.
  const titleDay = findTitleDay(readTitleText(values, r))
  if (titleDay)
    contents.forEach((s, c) => {
      const p = profiles[c]!
      // (under a time word, or under a heading that names nothing)
      const timed = unnamed[c] || ((words[c]!.deadline ?? 0) > 0 && !cells[c]!.skip)
      if (timed && p.filled >= 2 && p.clock >= 0.6 * p.filled) {
        // (as much as a column of dates gives)
        s.deadline = Math.max(s.deadline ?? 0, 7)
        s.criterion = Math.min(s.criterion ?? 0, 0)
      }
    })
  // A schedule's word ("Tiến độ") over cells that each name a time and never say how far the work
  // went ("Trình … trước ngày 10/01/2025") is the deadline, however strong the word.
  contents.forEach((s, c) => {
    const p = profiles[c]!
    const progress = words[c]!.progress ?? 0
    if (
      progress > 0 &&
      timeWords.test(foldText(cells[c]!.text)) &&
      p.filled >= 3 &&
      p.looseProgress === 0 &&
      p.looseDeadline >= 0.8 * p.filled
    )
      s.progress = (s.progress ?? 0) - progress
  })
  // A day named for an act we do not read ("Ngày nhận báo cáo") over times that come round ("15/9 năm
  // sau", "Ngày 12 hằng tháng") and never a day that was: no day it happened, the day it is due.
  contents.forEach((s, c) => {
    const p = profiles[c]!
    const w = words[c]!
    const other = w.other ?? 0
    if (
      other > 0 &&
      other <= 6 &&
      Object.entries(w).every(([k, v]) => k === 'other' || v <= 0) &&
      /\bngay\b/.test(foldText(cells[c]!.text)) &&
      p.filled >= 3 &&
      p.kinds.period >= 0.8 * p.filled &&
      p.kinds.date === 0
    )
      s.deadline = Math.max(s.deadline ?? 0, other + 2)
  })
  // Beside a column named for those who cooperate ("Cơ quan phối hợp"), a column of agencies whose
  // words name no field leads: plans pair the two roles.
  if (words.some((w) => bestField(w) === 'coop'))
    contents.forEach((s, c) => {
      const p = profiles[c]!
      if (unnamed[c] && p.filled >= 2 && p.kinds.agency >= 0.5 * p.filled)
        s.lead = Math.max(s.lead ?? 0, (s.executing ?? 0) + 1)
    })
  // Beside a column named for the day the work was done ("Ngày hoàn thành"), a column of dates whose
  // words name no field is the day it was due: tables set the two side by side.
  if (words.some((w) => bestField(w) === 'doneDate'))
    contents.forEach((s, c) => {
      const p = profiles[c]!
      if (!unnamed[c] || p.filled < 2 || p.kinds.date < 0.6 * p.filled) return
      s.doneDate = Math.min(s.doneDate ?? 0, 0)
      s.deadline = Math.max(s.deadline ?? 0, minimumScore + 1)
    })
  // Of columns of times no time word names ("Tháng" | "Ngày tiếp công dân"), one that gives each row
  // its day is the deadline; one of whole months or quarters groups the rows.
  const untitledTimes = contents.flatMap((s, c) =>
    (words[c]!.deadline ?? 0) <= 0 && (s.deadline ?? 0) > 0 ? [c] : [],
  )
  // (a day on every row, not a completion date on the few rows done)
  if (untitledTimes.length >= 2) {
    const days = untitledTimes.map((c) => shareOfDays(rows, c))
    const filled = untitledTimes.map((c) => profiles[c]!.filled)
    const daily = untitledTimes.some(
      (_, i) => days[i]! >= 0.8 && filled[i]! >= Math.max(3, ...filled),
    )
    if (daily)
      untitledTimes.forEach((c, i) => {
        if (days[i]! < 0.2) contents[c]!.deadline = Math.min(contents[c]!.deadline ?? 0, 0)
      })
  }
  const scores = words.map((w, c) => {
    const total: Weights = { ...w }
    for (const [k, v] of Object.entries(contents[c]!) as [HeaderMeaning, number][])
      total[k] = (total[k] ?? 0) + v
    // Ties go to the leftmost column.
    for (const k of Object.keys(total) as HeaderMeaning[])
      if (k !== 'other') total[k] = total[k]! - c * 0.001
    return total
  })
  // Of several numberings ("STT chung", "STT nguồn", "STT trong Tổ"), the one that never repeats a
  // number numbers the table's rows.
  const numberings = words.filter((w) => (w.stt ?? 0) >= 5).length
  if (numberings > 1)
    profiles.forEach((p, c) => {
      if ((words[c]!.stt ?? 0) >= 5 && p.distinct < 0.9 * p.filled) scores[c]!.stt! -= 2
    })
  // Tables write the item of each row right after its number: there, texts that differ row by row
  // lean towards the task.
  const stt = words.findIndex((w) => bestField(w) === 'stt')
  const next = profiles[stt + 1]
  // (a column merged down over its rows, "Nhóm hoạt động", names groups of rows, not each row's item)
  if (stt >= 0 && next && next.filled >= 2 && next.distinct >= 0.8 * (next.filled + next.merged))
    scores[stt + 1]!.content = (scores[stt + 1]!.content ?? 0) + 4
  // A table scored row by row ("Điểm tự chấm") lists criteria: a column named for both ("Nội dung và
  // tiêu chí") holds them.
  if (words.some((w) => ['selfScore', 'score'].includes(bestField(w) ?? '')))
    scores.forEach((s, c) => {
      if ((words[c]!.criterion ?? 0) > 0 && (s.content ?? 0) >= (s.criterion ?? 0))
        s.criterion = (s.content ?? 0) + 1
    })
  // In a table of indicators and their targets, figures under a period already past ("Quý I/2026"
  // beside "Mục tiêu 2026") are what was achieved then.
  // (a column whose cells are mostly figures: numbers, shares, targets)
  const figured = (c: number, share: number) => {
    const p = profiles[c]!
    return p.filled >= 2 && p.kinds.number + p.kinds.percent + p.kinds.target >= share * p.filled
  }
  const asOf = context.asOf ?? null
  if (
    asOf &&
    words.some((w) => bestField(w) === 'expected') &&
    !words.some((w) => bestField(w) === 'achieved')
  )
    cells.forEach((h, c) => {
      if (h.skip || bestField(words[c]!) || !figured(c, 0.6)) return
      const period = parseDeadline(h.text, null)
      if (period?.kind === 'period' && period.due && period.due <= asOf)
        scores[c]!.achieved = Math.max(scores[c]!.achieved ?? 0, 0) + 6
    })
  // … and in a report of results with no column named for the targets, figures under a header that
  // names no field ("Nghị quyết Đại hội" before "Kết quả thực hiện") are the targets set.
  const achievedAt = words.findIndex((w) => bestField(w) === 'achieved')
  if (achievedAt > 0 && !scores.some((w, c) => bestField(w) === 'expected' && figured(c, 0.5)))
    cells.slice(0, achievedAt).forEach((h, c) => {
      if (!h.skip && h.text && !Object.keys(words[c]!).length && figured(c, 0.5))
        scores[c]!.expected = Math.max(scores[c]!.expected ?? 0, 0) + 6
    })
  // Periods marked under a time parent are one deadline, numbered steps one progress, read across
  // their columns: the first column holds the field, the others are part of it. Periods whose cells
  // write their own times ("Đợt 1 | Đợt 2": "Trước ngày 25/3/2020") are one deadline too.
  const timed = (run: number[]) => {
    const filled = run.reduce((n, c) => n + profiles[c]!.filled, 0)
    const times = run.reduce((n, c) => n + profiles[c]!.looseDeadline, 0)
    return filled >= 2 && times >= 0.6 * filled
  }
  // Progress reported period by period: a result parent over periods whose cells say how the work
  // stands ("Kết quả thực hiện" over "Quý I | Quý II | Quý III": "Đang rà soát", "Đã hoàn thành").
  const reportsProgress = (parent: string, run: number[]) => {
    const best = findBestMeaning(scoreCell(parent))
    if (!best || !['progress', 'achieved'].includes(best.meaning)) return false
    const filled = run.reduce((n, c) => n + profiles[c]!.filled, 0)
    const said = run.reduce((n, c) => n + profiles[c]!.looseProgress, 0)
    return filled >= 2 && said >= 0.6 * filled
  }
  const series = findColumnSeries(
    cells,
    // (a phase is a time too: "Giai đoạn thực hiện" over "2023-2025 | 2026-2030")
    (parent) =>
      timeWords.test(foldText(parent)) ||
      /\bgiai doan\b/.test(foldText(parent)) ||
      bestField(scoreCell(parent)) === 'deadline',
    (run, field) =>
      isMarkedRun(rows, run, field === 'deadline' ? 0.6 : 0.4) ||
      (field === 'deadline' && timed(run)),
    timed,
    reportsProgress,
  )
  for (const { field, columns } of series)
    columns.forEach((c, k) => (scores[c] = k === 0 ? { [field]: 20 } : { other: 20 }))
  const headerTexts = cells.map((h) => (h.skip ? '' : h.text))
  const resolved = resolveColumnChoices(choices, headerTexts, left)
  // (the joint reading leaves unlabelled columns out)
  const labelled = scores.map((s, c) => (unlabelled[c] ? {} : s))
  let assigned = assignColumns(labelled, resolved.fixed, resolved.excluded)
  settleRoles(assigned, labelled, resolved.fixed, words)
  const distinctShares = profiles.map((p) => (p.filled ? p.distinct / p.filled : 0))
  const guessed = guessRequiredFields(
    assigned,
    scores,
    cells,
    resolved.excluded,
    resolved.fixed,
    distinctShares,
  )
  // A column taken for a missing field frees the field it held: the others are read again around it
  // (and around a column given the task below).
  const reassign = (extra: Partial<Record<FieldKey, number>>) => {
    const fixed = { ...resolved.fixed, ...extra }
    for (const c of guessed) fixed[assigned[c]!] = c
    assigned = assignColumns(labelled, fixed, resolved.excluded)
    settleRoles(assigned, labelled, fixed, words)
  }
  if (guessed.size) reassign({})
  // The task stands before what is reported about it, and tables write it right after the number: a
  // task column taken by weak words after the progress ("Giải pháp, kiến nghị"), or by its cells alone
  // ("Hình thức xử lý"), yields to the free column of texts right after the numbering.
  const item = findItemNextToNumbering(assigned, scores, cells, resolved.fixed, distinctShares)
  const taken = assigned.indexOf('content')
  const taskWords = taken >= 0 ? (words[taken]!.content ?? 0) : 6
  const reported = assigned.indexOf('progress')
  if (
    item !== null &&
    taken > item &&
    taskWords < 6 &&
    resolved.fixed.content === undefined &&
    ((reported >= 0 && taken > reported) || taskWords <= 0) &&
    isTextColumn(profiles[item]!)
  )
    reassign({ content: item })
  settlePlannedTime(assigned, scores, cells, profiles, resolved.fixed)
  // What an agency reports about a task stands after the task: a document or a date before the task
  // column ("Số, ký hiệu văn bản | Ngày văn bản | Trích yếu …") is the source of the task, not its
  // evidence or completion, unless its own words say so.
  const task = assigned.indexOf('content')
  if (task > 0)
    for (let c = 0; c < task; c++) {
      const f = assigned[c]
      if (f && reportedFields.has(f) && (words[c]![f] ?? 0) < 6 && resolved.fixed[f] !== c)
        assigned[c] = null
    }
  // Without a progress column (or with one left empty), the documents of a workflow's steps say how
  // far each task went.
  const progressAt = assigned.indexOf('progress')
  const canHoldProgress =
    (progressAt < 0 || profiles[progressAt]!.filled === 0) &&
    resolved.fixed.progress === undefined &&
    !resolved.excluded.has('progress')
  const workflow = canHoldProgress
    ? findWorkflow(cells, profiles, (c) => !cells[c]!.skip && !assigned[c], task)
    : null
  if (workflow) {
    if (progressAt >= 0) assigned[progressAt] = null
    assigned[workflow[0]!] = 'progress'
    series.push({ field: 'progress', kind: 'workflow', columns: workflow })
  }
  const columns: Partial<Record<FieldKey, number>> = {}
  const texts: Partial<Record<FieldKey, string>> = {}
  const parents: Partial<Record<FieldKey, string>> = {}
  const mapping: ColumnReading[] = []
  const issues: Issue[] = []
  let lastColumn = left
  cells.forEach((h, c) => {
    if (h.text || cellText(values[r]?.[c] ?? null).trim()) lastColumn = left + c
    const field = assigned[c] ?? null
    if (h.skip || (!h.text && !field)) return
    if (!h.text) lastColumn = Math.max(lastColumn, left + c)
    const chosen = field !== null && resolved.fixed[field] === c
    if (field) {
      columns[field] = left + c
      texts[field] = foldText(h.text)
      if (h.parent) parents[field] = foldText(h.parent)
    }
    const reading = readColumn(field, scores[c]!, words[c]!, contents[c]!, profiles[c]!, chosen)
    mapping.push({
      column: columnLetter(left + c),
      header: h.parent ? `${h.parent} – ${h.text}` : h.text,
      field,
      ...reading,
      ...(chosen ? { chosen: true as const } : {}),
      ...(guessed.has(c)
        ? { guessed: true as const, confidence: Math.min(0.5, reading.confidence) }
        : {}),
    })
  })
  for (const { kind, columns } of series) {
    // A workflow's first column holds the progress read across its steps: say so, not what its own cells fit.
    const first = mapping.find((m) => m.column === columnLetter(left + columns[0]!))
    if (kind === 'workflow' && first) {
      const last = columnLetter(left + columns[columns.length - 1]!)
      first.reason = {
        vi: `tiến độ đọc qua các bước (cột ${first.column}–${last}): ô ghi văn bản của bước`,
        en: `progress read across the steps (columns ${first.column}–${last}): cells record each step’s document`,
      }
      first.basis = 'both'
      first.confidence = 0.6
    }
    // (periods whose cells write their own times are told from periods marked x)
    const told = kind === 'periods' && !isMarkedRun(rows, columns, 0.6) ? 'timed' : kind
    for (const c of columns.slice(1)) {
      const reading = mapping.find((m) => m.column === columnLetter(left + c))
      if (reading) reading.reason = describeSeriesPart(told, columnLetter(left + columns[0]!))
    }
  }
  cells.forEach((h, c) => {
    if (h.skip || !h.text || assigned[c]) return
    // A column whose header names, clearly and by itself, a field another column already holds is a
    // duplicate; cells that merely look like a field's ("Mã dự án" of numbers) are no second header.
    const best = findBestMeaning(scores[c]!)
    const twin =
      best &&
      best.meaning !== 'other' &&
      best.score >= 6 &&
      (words[c]![best.meaning] ?? 0) >= 5 &&
      columns[best.meaning] !== undefined
        ? best.meaning
        : null
    if (twin) {
      issues.push(
        createIssue(
          'header/duplicate-column',
          { row: top + r, column: columnLetter(left + c), field: twin, value: h.text },
          { field: fieldSpecs[twin].label, column: columnLetter(columns[twin]!) },
        ),
      )
    }
  })
  for (const c of guessed) {
    const field = assigned[c]!
    const reading = mapping.find((m) => m.column === columnLetter(left + c))!
    issues.push(
      createIssue(
        'header/guessed-column',
        { row: top + r, column: reading.column, field, value: cells[c]!.text },
        {
          field: fieldSpecs[field].label,
          key: field,
          column: reading.column,
          found: reading.header,
          expected: reading.reason.vi,
        },
      ),
    )
  }
  for (const missing of findMissingFields(columns)) {
    issues.push(
      createIssue(
        'header/missing-column',
        { row: top + r, field: missing, value: null },
        {
          field: fieldSpecs[missing].label,
          key: missing,
          columns: describeClosest(missing, scores, mapping, left),
        },
      ),
    )
  }
  for (const choice of resolved.missing)
    issues.push(createIssue('header/unknown-choice', { row: top + r }, { found: choice }))
  const yearColumn = profiles.findIndex(
    (p, c) => p.year !== null && !assigned[c] && !cells[c]!.skip,
  )
  return {
    row: top + r,
    height,
    dataStart: top + dataStart,
    ...(yearColumn >= 0 ? { year: profiles[yearColumn]!.year! } : {}),
    columns,
    mapping,
    texts,
    parents,
    lastColumn,
    issues,
    scores,
    ...(series.length
      ? {
          series: series.map(({ field, kind, columns }) => ({
            field,
            kind,
            columns: columns.map((c) => left + c),
            labels: columns.map((c) => cells[c]!.text),
          })),
        }
      : {}),
  }
}

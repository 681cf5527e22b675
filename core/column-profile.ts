import type { AgencyIndex } from './agency.ts'
import {
  cellKinds,
  documentReference,
  leadLabel,
  readCellKind,
  readDateSerial,
  type CellKind,
} from './cell-kind.ts'
import { parseDayFirstDate, type IsoDate } from './date.ts'
import { isClockTime, parseDeadline } from './deadline.ts'
import { cellText, isDateCell, type CellValue } from './grid.ts'
import { statusLabels } from './messages.ts'
import { isProgress, parseProgress, saysTimeliness } from './progress.ts'
import { seriesMark } from './series.ts'
import { parseStt } from './stt.ts'
import { foldText } from './text.ts'

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
  /** Agency cells that name their lead by the role ("Chủ trì: Sở Công Thương; phối hợp: …"). */
  leadNamed: number
  /** Cells the progress reader places, wherever the progress words stand ("Sở Nội vụ đang thực hiện"). */
  looseProgress: number
  /** Cells whose text names a time somewhere ("Trình tại Phiên họp thứ 42 (tháng 02/2025)"). */
  looseDeadline: number
  /** Cells that hold only a time of day ("07h45 - 08h00"): a programme's, on the day it names. */
  clock: number
  /** Cells that record a document or a date somewhere ("Công văn số 2170/STP ngày 02/10/2025"). */
  records: number
  /** Cells of a sentence's length (25 characters and four words or more): descriptions, titles. */
  long: number
  /** Cells that say how the work stands against its deadline ("Đã hoàn thành (quá hạn)", "Trong hạn"). */
  timeliness: number
  /** Whole numbers that may be dates whose format was lost (Excel serials of 2000–2099). */
  serials: number
  /** Cells that are a bare mark ("x", "✓"): a yes to whatever the header asks. */
  marks: number
  /** Cells merged down from the row above ("Quý II/2026" over three tasks): present, read once. */
  merged: number
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
  /** How many filled cells hold the commonest text. */
  common: number
  /** The one year (nearly) every filled cell writes bare ("2026" on each row of an export), or null. */
  year: number | null
}

/** A data row the profile reads: its cells (merged copies left out), their kinds, and which are copies merged down. */
type KeptRow = { row: CellValue[]; kinds: (CellKind | null)[]; down: boolean[] | null }

/** What the profile needs besides the cells: the report date and the province's agencies. */
export type ReadingContext = { asOf?: IsoDate | null; index?: AgencyIndex | null }

/** At most this many data rows are profiled: the work is linear and bounded whatever the sheet's size. */
export const profileRows = 150

// The statuses only the product writes (not progress words an agency would type).
const ownStatuses = new Set(
  (['done-on-time', 'done-late', 'overdue', 'ongoing', 'unknown'] as const).map((s) =>
    foldText(statusLabels[s].vi),
  ),
)

/** Builds an empty profile. */
function createProfile(): ColumnProfile {
  return {
    rows: 0,
    filled: 0,
    kinds: Object.fromEntries(cellKinds.map((k) => [k, 0])) as Record<CellKind, number>,
    distinct: 0,
    ordered: 0,
    agencyLists: 0,
    leadNamed: 0,
    ownStatus: 0,
    marks: 0,
    merged: 0,
    serials: 0,
    timeliness: 0,
    records: 0,
    long: 0,
    looseProgress: 0,
    looseDeadline: 0,
    clock: 0,
    future: 0,
    afterNeighbour: false,
    beforeNeighbour: false,
    onDoneRows: null,
    openRows: 0,
    openBlank: 0,
    common: 0,
    year: null,
  }
}

/** Whether a column holds one value on (nearly) every filled row: a total or a note may differ. */
export function holdsOneValue(p: ColumnProfile): boolean {
  return p.common >= Math.max(3, Math.min(0.9 * p.filled, p.filled - 1))
}

/** A row the profile skips: empty, a section row ("I", "Phần II"), or a heading merged across the row. */
function isHeadingRow(row: CellValue[], covered: boolean[]): boolean {
  const own = row.findIndex((v, c) => v !== null && v !== '' && !covered[c])
  if (own < 0) return true
  // A row of one long text alone is a title or a note ("* Ghi chú: …"), not a row of the columns.
  const first = row[own]!
  if (
    typeof first === 'string' &&
    first.length > 60 &&
    row.every((v, c) => c === own || v === null || v === '' || covered[c])
  )
    return true
  if (typeof first === 'string' && first.length <= 15 && parseStt(first)?.kind === 'section')
    return true
  // Two cells or more covered by a merge across the row (each a copy of the cell on its left), not
  // by merges down the columns ("Bí thư Tỉnh ủy" merged over every row), make a heading.
  const across = covered.filter(
    (cov, c) => cov && c > 0 && cellText(row[c] ?? null) === cellText(row[c - 1] ?? null),
  )
  return across.length >= 2
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
  // Each text read once for this table: caches of the call, never of the module.
  const kindsByText = new Map<string, CellKind>()
  const timesByText = new Map<string, boolean>()
  const progressByText = new Map<string, boolean>()
  const saysProgress = (text: string) => {
    let found = progressByText.get(text)
    if (found === undefined) progressByText.set(text, (found = isProgress(parseProgress(text))))
    return found
  }
  const timelyByText = new Map<string, boolean>()
  const timely = (text: string) => {
    let found = timelyByText.get(text)
    if (found === undefined) timelyByText.set(text, (found = saysTimeliness(text)))
    return found
  }
  const kept: KeptRow[] = []
  for (let r = 0; r < rows.length && kept.length < profileRows; r++) {
    const row = rows[r] ?? []
    const cov = covered[r] ?? []
    if (isHeadingRow(row, cov)) continue
    const kinds: (CellKind | null)[] = []
    for (let c = 0; c < width; c++) {
      const value = cov[c] ? null : (row[c] ?? null)
      kinds.push(readCellKind(value, context.index ?? null, kindsByText))
    }
    // (a copy merged down from the row above: the cell is there, its text read on the first row)
    const above = rows[r - 1] ?? []
    const down = cov.some(Boolean)
      ? row.map((v, c) => cov[c] === true && v !== null && v !== '' && above[c] === v)
      : null
    kept.push({ row: down ? row.map((v, c) => (cov[c] ? null : v)) : row, kinds, down })
  }
  for (let c = 0; c < width; c++) {
    const p = profiles[c]!
    const texts = new Map<string, number>()
    let previous: string | null = null
    for (const { row, kinds, down } of kept) {
      p.rows++
      const kind = kinds[c]
      if (down?.[c]) p.merged++
      if (!kind) continue
      const value = row[c] ?? null
      p.filled++
      p.kinds[kind]++
      const text = cellText(value).trim()
      texts.set(text, (texts.get(text) ?? 0) + 1)
      if (kind === 'numbering' || kind === 'number') {
        if (previous !== null && followsNumber(previous, text)) p.ordered++
        previous = text
      }
      // (a cell that names its lead by the role first is one lead, with others beside it)
      if (kind === 'agency' && /[,;\n]|\svà\s/.test(text) && !leadLabel.test(text)) p.agencyLists++
      if (kind === 'agency' && leadLabel.test(text)) p.leadNamed++
      if (ownStatuses.has(foldText(text))) p.ownStatus++
      if (seriesMark.test(text)) p.marks++
      if (readDateSerial(value)) p.serials++
      // (a verdict alone, "Trước hạn", is no progress word, but says as much)
      if (kind !== 'date' && text.length <= 60 && timely(text)) p.timeliness++
      if (text.length >= 25 && text.split(/\s+/).length >= 4) p.long++
      if (documentReference.test(text) || recordedDay.test(text)) p.records++
      if (isClockTime(text)) p.clock++
      if (kind === 'period' || kind === 'date') p.looseDeadline++
      else if (text.length <= 200 && mentionsTime(text, timesByText)) p.looseDeadline++
      if (kind === 'progress' || kind === 'percent') p.looseProgress++
      else if (kind === 'agency' || kind === 'task' || kind === 'text')
        if (text.length <= 300 && saysProgress(text)) p.looseProgress++
      if (kind === 'date' && context.asOf) {
        const date = readCellDate(value)
        if (date && date > context.asOf) p.future++
      }
    }
    p.distinct = texts.size
    let commonest = ''
    for (const [text, n] of texts) if (n > p.common) [commonest, p.common] = [text, n]
    // (a total or a note below the rows may differ: "Tổng cộng")
    if (holdsOneValue(p) && /^(?:19|20|21)\d{2}$/.test(commonest)) p.year = Number(commonest)
  }
  relateDateColumns(kept, profiles)
  relateDoneRows(kept, profiles)
  return profiles
}

/** Whether a text names a due time somewhere in it (a month, a quarter, a date, a year). */
const timeHint = /\b(?:19|20|21)\d{2}\b|\d ?[/.-] ?\d|\b(?:thang|qu[yi]|tuan)\b/

// A day a record names, in figures or in words ("02/10/2025", "ngày 2 tháng 10 năm 2025").
const recordedDay =
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4}/iu

function mentionsTime(text: string, cache: Map<string, boolean>): boolean {
  let found = cache.get(text)
  if (found === undefined) {
    // Only a year, a day and month, or a month, quarter or week word can name a time.
    const d = timeHint.test(foldText(text)) ? parseDeadline(text, 2000) : null
    found = d !== null && (d.kind === 'period' || d.kind === 'date' || d.kind === 'range')
    cache.set(text, found)
  }
  return found
}

/** Whether a number follows the one above it: 2 after 1, 1.2 after 1.1, 2 after 1.3, "5." after "4.", "2)" after "1)". */
function followsNumber(before: string, after: string): boolean {
  // (the number as the code ends it: "4." then "5.", "1)" then "2)", "Nhiệm vụ 1" then "Nhiệm vụ 2")
  const number = (code: string) =>
    (/(\d+(?:\.\d+)*)\.?\)?$/.exec(code)?.[1] ?? 'x').split('.').map(Number)
  const a = number(before)
  const b = number(after)
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
function relateDoneRows(kept: KeptRow[], profiles: ColumnProfile[]) {
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
    kept.forEach(({ kinds, down }, i) => {
      const dated = kinds[c] === 'date'
      if (done[i] === true && dated) p.onDoneRows!++
      if (done[i] === false) {
        p.openRows++
        if (!dated && !down?.[c]) p.openBlank++
      }
    })
  })
}

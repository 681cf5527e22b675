import type { ReadingContext } from './column-profile.ts'
import type { ColumnChoices } from './columns.ts'
import { rewriteMonthFirstDates } from './date.ts'
import { fieldKeys, fieldSpecs, type FieldKey } from './fields.ts'
import {
  cellText,
  columnLetter,
  computeFilledCells,
  isDateCell,
  type CellValue,
  type Grid,
} from './grid.ts'
import { readWrittenDay } from './calendar-day.ts'
import { isClosingRow, isNoteBelow, isTotalRow } from './closing.ts'
import { locateHeader, type HeaderInfo } from './header.ts'
import { findBestMeaning, scoreHeaderText } from './header-score.ts'
import { readSeriesCell } from './series.ts'
import { inspectText, readableText } from './hygiene.ts'
import { createIssue, type Issue } from './issue.ts'
import { countNumberedSiblings, findItemLetter, isLetteredItem, opensItems } from './items.ts'
import { createNumbering } from './numbering.ts'
import { parseStt, type SttCode } from './stt.ts'
import { readTitleText } from './title.ts'
import { foldText } from './text.ts'

export const rowKinds = ['section', 'group', 'task', 'heading'] as const
export type RowKind = (typeof rowKinds)[number]

/** One cell of a table row: its raw value, its cleaned text, and where it is. */
export type RowCell = {
  value: CellValue
  text: string
  column: string
  /** Said by the product from other cells (a workflow's last recorded step), not typed by the agency. */
  inferred?: true
}

/** A data row after the table is read: its kind, its place in the STT hierarchy and its cells. */
export type TableRow = {
  row: number
  kind: RowKind
  stt: string | null
  level: number
  section: string | null
  cells: Partial<Record<FieldKey, RowCell>>
}

export type ReadTable = { header: HeaderInfo; rows: TableRow[]; titleText: string; issues: Issue[] }

type Draft = {
  row: number
  stt: SttCode | null
  sttNumeric: boolean
  cells: Partial<Record<FieldKey, RowCell>>
  covered: Set<FieldKey>
  /** The row's filled cells not merged down from above, in any column ("14:00", a place). */
  own: number
  merged?: true
}

const checkedRoles = new Set(['plan', 'progress'])
const foldedLabels = Object.fromEntries(
  fieldKeys.map((f) => [f, foldText(fieldSpecs[f].label)]),
) as Record<FieldKey, string>

/**
 * Reads a grid into table rows: finds the header, cleans every cell's text (reporting HTML, legacy
 * encodings and non-NFC text with their fixes), skips repeated headers and empty rows, folds
 * continuation rows into the row above, and works out sections, groups, tasks and headings with
 * their numbering checks.
 */
export function readTable(
  grid: Grid,
  choices: ColumnChoices = {},
  context: ReadingContext = {},
): ReadTable | null {
  const { values: raw, covered, from } = computeFilledCells(grid)
  // Every text is read as it reads (precomposed, plain spaces), once per text; a cell's own text stays
  // for its issues.
  const readable = new Map<string, string>()
  const readOf = (v: string) => {
    let text = readable.get(v)
    if (text === undefined) readable.set(v, (text = readableText(v)))
    return text
  }
  const values = raw.map((cells) => cells.map((v) => (typeof v === 'string' ? readOf(v) : v)))
  rewriteMonthFirstDates(values)
  const header = locateHeader(values, covered, grid.top, grid.left, choices, context)
  if (!header) return null
  const issues: Issue[] = [...header.issues]
  const titleText = readTitleText(values, header.row - grid.top)
  // Each field's position, letter and checks, worked out once for all rows.
  const fields: PlacedField[] = fieldKeys
    .filter((f) => header.columns[f] !== undefined)
    .map((field) => ({
      field,
      index: header.columns[field]! - grid.left,
      column: columnLetter(header.columns[field]!),
      checked: checkedRoles.has(fieldSpecs[field].role),
      label: foldedLabels[field],
      own: header.texts[field] ?? foldedLabels[field],
      parent: header.parents[field] ?? '',
    }))
  // A title merged across a row from the task's words (its STT or content cell) names the row: it is
  // not also its agency, product, deadline or progress.
  const titled = new Set(
    fields.filter((f) => f.field === 'stt' || f.field === 'content').map((f) => f.index),
  )
  const contentAt = fields.find((f) => f.field === 'content')?.index ?? -1
  const drafts: Draft[] = []
  // Each distinct text is inspected once for this reading (tables repeat agencies and deadlines).
  // (with the fixed text as it reads: the fix itself keeps the cell's line breaks)
  const inspected = new Map<string, Inspected>()
  const inspect = (text: string) => {
    let found = inspected.get(text)
    if (!found) {
      const problems = inspectText(text)
      inspected.set(text, (found = { problems, text: readOf(problems.fixed) }))
    }
    return found
  }
  for (let r = header.dataStart - grid.top; r < values.length; r++) {
    // The document's closing block ends the table: what follows is no task.
    if (drafts.length && (isClosingRow(values[r] ?? []) || isNoteBelow(values, r))) break
    // So does another table's own header ("STT | Chỉ tiêu | Chỉ tiêu cần đạt | …" under a task list):
    // its rows are read by other columns.
    if (drafts.length && isAnotherHeader(values[r] ?? [], header)) {
      const found = (values[r] ?? []).map((v) => cellText(v).trim()).filter(Boolean)
      issues.push(
        createIssue(
          'table/second-table',
          { row: grid.top + r, column: null, value: found.join(' | ') },
          { found: found.slice(0, 4).join(' | ') },
        ),
      )
      break
    }
    // A total adds up the tasks above it and is none of them.
    if (isTotalRow(values[r] ?? [])) continue
    const row = from[r] ?? []
    const draft = readDraft(
      values[r] ?? [],
      raw[r] ?? [],
      covered[r] ?? [],
      // (so is a title merged across the row over the task's column from another column: "Buổi sáng
      // (từ 7h00 đến 9h00)" from the time column over the whole programme, "a) Nhóm hoạt động …" from
      // a group column before the task's)
      (index, field) =>
        field !== 'content' &&
        field !== 'stt' &&
        (titled.has(row[index] ?? -1) ||
          (field !== 'criterion' &&
            contentAt >= 0 &&
            (row[contentAt] === index ||
              ((row[index] ?? -1) >= 0 && row[index] === row[contentAt])))),
      grid.top + r,
      fields,
      issues,
      inspect,
      readOf,
    )
    if (!draft) continue
    // A field read across a series of columns takes what the row says across them.
    // (a title merged across the row from the task's words says nothing in the series' columns)
    const own = header.series?.length
      ? (values[r] ?? []).map((v, i) => (i !== row[i] && titled.has(row[i] ?? -1) ? null : v))
      : []
    for (const series of header.series ?? []) {
      const cell = readSeriesCell(series, own, grid.left)
      if (cell) draft.cells[series.field] = cell
      else delete draft.cells[series.field]
    }
    drafts.push(draft)
  }
  fillDaysDown(drafts)
  return { header, rows: classifyRows(drafts, header, issues), titleText, issues }
}

/**
 * A work calendar writes each day once, on its first row, and leaves the rows of the same day
 * blank below it: where every day written is a single day and the days go forward, a row without
 * one is on the day above, as if the cell were merged down.
 */
function fillDaysDown(drafts: Draft[]) {
  const days: string[] = []
  let blank = 0
  for (const d of drafts) {
    const cell = d.cells.deadline
    if (!cell) {
      if (days.length && d.cells.content) blank++
      continue
    }
    // (a total or a note below the days is no task: "Tổng cộng", "* Ghi chú: …")
    if (d.covered.has('deadline') || !d.cells.content) continue
    const day = readCalendarDay(cell)
    if (!day || (days.length && day < days[days.length - 1]!)) return
    days.push(day)
  }
  if (days.length < 2 || !blank) return
  let above: RowCell | null = null
  for (const d of drafts) {
    const cell = d.cells.deadline
    if (cell) above = cell
    else if (above && d.cells.content) {
      d.cells.deadline = { ...above }
      d.covered.add('deadline')
    }
  }
}

/** The month and day ("MM-DD", or the date when it has a year) a calendar's day cell writes. */
function readCalendarDay(cell: RowCell): string | null {
  if (isDateCell(cell.value)) return cell.value.shows ? null : cell.value.date
  const written = readWrittenDay(cell.text)
  if (!written) return null
  const { day, month, year } = written
  const full = year ? (year.length === 2 ? `20${year}` : year) : '0000'
  return `${full}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** A text's problems (and their fix), and the text as it reads. */
type Inspected = { problems: ReturnType<typeof inspectText>; text: string }

type PlacedField = {
  field: FieldKey
  index: number
  column: string
  checked: boolean
  label: string
  /** The folded text of this table's own header cell, and of the cell over it in a two-row header. */
  own: string
  parent: string
}

// The word that heads a numbering column: "STT", "TT", "Số TT", "Số thứ tự", "No.".
const numberingHeader = /^(?:so )?(?:stt|tt|thu tu)$|^no$/

/**
 * Whether a row is the header of another table: it opens with the numbering's own word and names
 * at least two more fields clearly, and it is not this table's header repeated (those rows are
 * skipped as page-break repeats).
 */
function isAnotherHeader(values: CellValue[], header: HeaderInfo): boolean {
  const texts = values.map((v) => (typeof v === 'string' ? v.trim() : ''))
  const first = texts.findIndex(Boolean)
  // (most rows open with a number or a long text: no folding for them)
  if (first < 0 || texts[first]!.length > 12 || !numberingHeader.test(foldText(texts[first]!)))
    return false
  const fields = new Set<string>()
  for (const text of texts.slice(first + 1)) {
    if (!text || text.length > 80) continue
    const best = findBestMeaning(scoreHeaderText(text))
    if (best && best.meaning !== 'other' && best.score >= 6) fields.add(best.meaning)
  }
  if (fields.size < 2) return false
  // (a two-row header repeated shows its parents and children: "Thời gian – Bắt đầu")
  const own = header.mapping.flatMap((m) => [m.header, ...m.header.split(' – ')].map(foldText))
  return texts.slice(first + 1).some((t) => t && !own.includes(foldText(t)))
}

// What a program writes for an empty value when it exports a table ("None", "null", "#N/A").
const emptyWords = /^(?:none|null|nil|undefined|nan|n\/a|#n\/a)$/i

function readDraft(
  values: CellValue[],
  typed: CellValue[],
  covered: boolean[],
  isTitle: (index: number, field: FieldKey) => boolean,
  row: number,
  fields: PlacedField[],
  issues: Issue[],
  inspect: (text: string) => Inspected,
  readOf: (text: string) => string,
): Draft | null {
  const cells: Partial<Record<FieldKey, RowCell>> = {}
  const coveredFields = new Set<FieldKey>()
  let headerLike = 0
  let count = 0
  for (const { field, index, column, checked, label, own, parent } of fields) {
    const read = values[index] ?? null
    if (read === null || read === '' || isTitle(index, field)) continue
    // (a text rewritten, a month-first date, stays rewritten)
    const mine = typed[index]
    const value =
      typeof read === 'string' && typeof mine === 'string' && readOf(mine) === read ? mine : read
    let text = cellText(read)
    const isCovered = covered[index] === true
    if (isCovered) coveredFields.add(field)
    if (typeof value === 'string' && checked) {
      const found = inspect(value)
      if (!isCovered) pushTextIssues(found.problems, { row, column, field, value }, issues)
      text = found.text
    }
    text = text.trim()
    if (!text || emptyWords.test(text)) continue
    // Folding keeps a label's length within a few characters, so most cells skip the fold.
    if (
      [label, own, parent].some((t) => t && Math.abs(text.length - t.length) < 8) &&
      [label, own, parent].includes(foldText(text))
    )
      headerLike++
    cells[field] = { value, text, column }
    count++
  }
  if (count === 0) return null
  // A header repeated at a page break ("STT | LĨNH VỰC, TIÊU CHÍ … ") is not data, nor is a narrow
  // table's ("Hạn | Nội dung") where every cell it fills is its header's.
  if (headerLike >= 3 || (headerLike >= 2 && headerLike === count)) return null
  const sttCell = cells.stt
  let own = 0
  values.forEach((v, i) => {
    if (v !== null && v !== '' && covered[i] !== true) own++
  })
  // An STT cell merged down over several rows: the rows below continue the same item.
  if (sttCell && coveredFields.has('stt'))
    return { row, stt: null, sttNumeric: false, cells, covered: coveredFields, own, merged: true }
  const stt = sttCell
    ? parseStt(typeof sttCell.value === 'number' ? sttCell.value : sttCell.text)
    : null
  return {
    row,
    stt,
    sttNumeric: typeof sttCell?.value === 'number',
    cells,
    covered: coveredFields,
    own,
  }
}

function pushTextIssues(
  found: ReturnType<typeof inspectText>,
  place: { row: number; column: string; field: FieldKey; value: string },
  issues: Issue[],
) {
  if (found.html) issues.push(createIssue('cell/html-markup', place, {}, found.fixed))
  if (found.legacy) {
    issues.push(
      createIssue(
        'cell/legacy-encoding',
        place,
        { found: found.legacy, expected: found.fixed },
        found.fixed,
      ),
    )
  }
  if (found.unnormalized) issues.push(createIssue('cell/unnormalized-text', place, {}, found.fixed))
}

/** A row with no number whose only text sits in one (merged or wide) cell, starting like a title. */
function isHeading(draft: Draft): boolean {
  const texts = new Set(Object.values(draft.cells).map((c) => c.text))
  if (texts.size !== 1) return false
  const [text] = texts
  return /^[\p{Lu}\d]/u.test(text!)
}

// A capital closed by a bracket over a task of its own ("A) | Tổ chức hội nghị … | Cục … | Quý
// III/2026") is a lettered item typed in capitals, not a part.
function readCapitalItem(draft: Draft, opens: RegExp): Draft {
  const { stt } = draft
  if (
    stt?.kind !== 'part' ||
    !/\)$/.test(draft.cells.stt?.text.trim() ?? '') ||
    !isOwnTask(draft, opens)
  )
    return draft
  return { ...draft, stt: { kind: 'lettered', code: stt.code.toLowerCase() } }
}

function classifyRows(read: Draft[], header: HeaderInfo, issues: Issue[]): TableRow[] {
  // A table typed all in small letters says nothing by its case: there a task may open in lower case.
  const opens = isTypedLower(read) ? /^\S/u : opensText
  const drafts = read.map((draft) => readCapitalItem(draft, opens))
  const rows: TableRow[] = []
  const numbering = createNumbering(issues, header)
  const siblings = countNumberedSiblings(drafts)
  let section: string | null = null
  // Numbering that starts again at 1 under an unnumbered heading or a part ("Lĩnh vực …", "A. …")
  // counts in a scope of its own.
  let scope = 0
  // The highest top-level number of the current run, to see a run start over.
  let top = 0
  let afterHeading = false
  let previous: TableRow | null = null
  // The last numbered row, whose lettered items ("a) …") follow it.
  let numbered: TableRow | null = null
  drafts.forEach((draft, i) => {
    let stt = draft.stt
    if (!stt && previous && numbered && (previous === numbered || isLettered(previous))) {
      const parentText = numbered.cells.content?.text ?? ''
      if (isLetteredItem(draft, previous === numbered ? 'a' : null, parentText))
        stt = { kind: 'lettered', code: findItemLetter(draft)! }
    }
    // A row under an STT merged down that has a deadline of its own, or its own task and agency, is
    // a second deliverable of the same item ("Tháng 5/2026" for the report, "Tháng 11/2026" for the
    // result): its own task row. One that only continues the text above stays part of it.
    if (!stt && draft.merged && previous?.stt && isOwnTask(draft, opens)) {
      previous = { ...previous, row: draft.row, kind: 'task', cells: draft.cells }
      rows.push(previous)
      return
    }
    // A table that does not number its tasks (or not under this heading): a row with its own task,
    // deadline or agency after a heading, or after another such row, is a task of its own.
    if (!stt && !draft.merged && isUnnumberedTask(draft, previous, opens)) {
      previous = { row: draft.row, kind: 'task', stt: null, level: 1, section, cells: draft.cells }
      rows.push(previous)
      return
    }
    if (!stt) {
      // (a row over numbering that starts again at 1 titles the run below it, whatever else it
      // holds: "Công suất tăng thêm 2031-2035 | 2.049 | 2031-2035" over "1 | TĐ Sơn La MR …")
      const next = drafts[i + 1]?.stt
      const titlesRun = top > 1 && next?.kind === 'numbered' && next.parts.join('.') === '1'
      if (
        previous &&
        (draft.merged ||
          (previous.kind !== 'heading' &&
            previous.kind !== 'section' &&
            !isHeading(draft) &&
            !titlesRun))
      ) {
        appendContinuation(previous, draft)
        if (!draft.merged) noteContinuation(draft, Object.values(draft.cells)[0], issues)
        return
      }
      previous = {
        row: draft.row,
        kind: 'heading',
        stt: null,
        level: 0,
        section,
        cells: draft.cells,
      }
      afterHeading = true
      rows.push(previous)
      return
    }
    // A part of a section ("II.1", "III-2") over a title and nothing else titles the rows under it: a
    // heading; so does a letter ("a)") whose title is merged across the row from a column before the
    // task's ("a) | Nhóm hoạt động nhằm hạn chế mất rừng …" over the group and task columns).
    const titleAlone = Object.keys(draft.cells).every(
      (f) => f === 'stt' || f === 'content' || f === 'criterion',
    )
    if (
      titleAlone &&
      ((stt.kind === 'other' && /^[IVXLC]+\s*[.\-–]\s*\d+$/.test(stt.code)) ||
        (stt.kind === 'lettered' && draft.covered.has('content')))
    )
      stt = { kind: 'part', code: stt.code }
    // A part (A, B …) titles the rows under it, as a heading does; the sections below it number on.
    if (stt.kind === 'part' || stt.kind === 'section') {
      numbered = null
      afterHeading = stt.kind === 'part'
      if (stt.kind === 'section') {
        section = stt.code
        numbering.checkSection(stt.index, draft)
      }
      // A section with its own deadline and nothing numbered under it is a task of its own ("III |
      // Tính toán … | Trước 15/8/2020 | P9" between sections with items).
      const next = drafts[i + 1]
      const alone =
        stt.kind === 'section' &&
        isOwnTask(draft, opens) &&
        (draft.cells.deadline !== undefined || draft.cells.end !== undefined) &&
        (!next ||
          next.stt?.kind === 'section' ||
          next.stt?.kind === 'part' ||
          // (a section's number and title merged across its row: "IV. CẬP NHẬT …")
          (!next.stt && isHeading(next)))
      previous = {
        row: draft.row,
        kind: alone ? 'task' : stt.kind === 'part' ? 'heading' : 'section',
        stt: stt.code,
        level: alone ? 1 : 0,
        section,
        cells: draft.cells,
      }
      rows.push(previous)
      return
    }
    // A page break that repeats the STT above over the rest of its text ("2 | (tiếp) …" with no other
    // cell) continues that row.
    if (stt.kind === 'numbered' && previous && previous === numbered && previous.stt === stt.code) {
      if (Object.keys(draft.cells).every((f) => f === 'stt' || f === 'content' || f === 'note')) {
        const rest = { ...draft.cells }
        delete rest.stt
        appendContinuation(previous, { ...draft, cells: rest })
        noteContinuation(draft, rest.content ?? Object.values(rest)[0], issues)
        return
      }
    }
    let code = stt.code
    let level = 1
    if (stt.kind === 'numbered') {
      const first = stt.parts.length === 1 && stt.parts[0] === 1
      // A list numbered "1, 2, 3" that starts over at "1, 2 …" without a heading (its groups named
      // in a column: "Lĩnh vực") is a new run, not a repeat; a lone "1" among them is a repeat.
      if (first && (afterHeading || (top > 1 && startsRun(drafts, i)))) {
        scope++
        top = 0
      }
      if (stt.parts.length === 1) top = Math.max(top, stt.parts[0]!)
      afterHeading = false
      code = numbering.checkNumbered(scope ? `${section}~${scope}` : section, stt.parts, draft)
      level = stt.parts.length
    } else if (stt.kind === 'lettered' && numbered?.kind === 'group') {
      // "a)" under group 1 is item 1.a, one level below it.
      code = `${numbered.stt}.${stt.code}`
      level = numbered.level + 1
    } else if (previous) {
      level = previous.kind === 'group' ? previous.level + 1 : previous.level
    }
    const isGroup = stt.kind === 'numbered' && opensItems(drafts, i, code, siblings.hasSiblings(i))
    previous = {
      row: draft.row,
      kind: isGroup ? 'group' : 'task',
      stt: code,
      level,
      section,
      cells: draft.cells,
    }
    if (stt.kind === 'numbered') numbered = previous
    rows.push(previous)
  })
  return rows
}

/** Whether the next top-level number after row `i` is 2: the "1" at `i` opens a run. */
function startsRun(drafts: Draft[], i: number): boolean {
  for (let j = i + 1; j < drafts.length; j++) {
    const stt = drafts[j]!.stt
    if (stt?.kind === 'numbered' && stt.parts.length === 1) return stt.parts[0] === 2
    if (stt?.kind === 'section' || stt?.kind === 'part') return false
  }
  return false
}

function isOwnTask(draft: Draft, opens: RegExp): boolean {
  const own = (f: FieldKey) => draft.cells[f] !== undefined && !draft.covered.has(f)
  if (own('deadline') || own('end')) return true
  // Text split by a page break starts in the middle of a phrase ("vị, địa phương"), in lower case.
  const starts = (f: FieldKey) => own(f) && opens.test(draft.cells[f]!.text)
  // A task of its own names who does it, or (in a report) what was done on it, typed in any case
  // ("đã hoàn thành", "phòng KHTC"): the task's own words tell a page break. So does a cell of its
  // own beside the task where its agency and day are merged down from the row above ("14:00", a
  // place): a page break continues the split text alone.
  // (under an item merged down, a product of its own with its own agency is a second deliverable)
  if (draft.merged && starts('product') && (own('lead') || own('executing'))) return true
  return (
    (starts('content') || starts('criterion')) &&
    (own('lead') ||
      own('executing') ||
      own('progress') ||
      own('achieved') ||
      (draft.covered.size > 0 && draft.own >= 2))
  )
}

function isUnnumberedTask(draft: Draft, previous: TableRow | null, opens: RegExp): boolean {
  const after =
    !previous ||
    previous.kind === 'heading' ||
    previous.kind === 'section' ||
    (previous.kind === 'task' && previous.stt === null)
  const content = draft.cells.content ?? draft.cells.criterion
  return after && !!content && opens.test(content.text) && isOwnTask(draft, opens)
}

// How a text of its own opens: a capital or a figure, after a bullet or a time in brackets ("- Tham
// luận của các bộ …", "(14h) Họp Hội đồng …") if any.
const opensText = /^(?:[-–•+*]\s*|\([^()]{1,15}\)\s*)?[\p{Lu}\d]/u

/** Whether most task texts (three at least) open in small letters: the table's own way of typing. */
function isTypedLower(drafts: Draft[]): boolean {
  let lower = 0
  let letters = 0
  for (const d of drafts) {
    const first = /\p{L}/u.exec((d.cells.content ?? d.cells.criterion)?.text ?? '')?.[0]
    if (!first) continue
    letters++
    if (first !== first.toLocaleUpperCase('vi')) lower++
  }
  return lower >= 3 && lower >= 0.6 * letters
}

function isLettered(row: TableRow): boolean {
  return /\.[a-zđ]$/u.test(row.stt ?? '')
}

/** Adds a continuation row's text to the row it continues, so targets split by a page break still read. */
/** Says at a row's first cell that it continues the row above (`row/continuation`). */
function noteContinuation(draft: Draft, first: RowCell | undefined, issues: Issue[]) {
  if (first)
    issues.push(
      createIssue('row/continuation', { row: draft.row, column: first.column, value: first.text }),
    )
}

function appendContinuation(target: TableRow, draft: Draft) {
  for (const [field, cell] of Object.entries(draft.cells) as [FieldKey, RowCell][]) {
    const existing = target.cells[field]
    if (!existing) target.cells[field] = cell
    else if (!draft.covered.has(field)) existing.text = joinBrokenText(existing.text, cell.text)
  }
}

/** Joins text split by a page break, dropping a word the break repeated ("đơn vị" + "vị, địa phương"). */
function joinBrokenText(before: string, after: string): string {
  const last = /(\p{L}+)$/u.exec(before)?.[1]
  const first = /^(\p{L}+)/u.exec(after)?.[1]
  if (last && first && last === first) return `${before}${after.slice(first.length)}`
  return `${before} ${after}`
}

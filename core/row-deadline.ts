import { computeMonthEnd, createIsoDate, formatVietnameseDate } from './date.ts'
import {
  isClockTime,
  namesAdjacentYear,
  parseDeadline,
  parseDeadlineRange,
  type Deadline,
} from './deadline.ts'
import { fieldSpecs, type FieldKey } from './fields.ts'
import { isDateCell } from './grid.ts'
import { createIssue } from './issue.ts'
import { readReportedProgress } from './progress.ts'
import { readCellKind, readDateSerial } from './cell-kind.ts'
import { placeCell, type RowContext } from './row-context.ts'
import type { RowCell, TableRow } from './table.ts'
import { foldText } from './text.ts'

/** A deadline written in another column while the deadline column is empty (cells shifted left). */
export function findShiftedCell(row: TableRow): (RowCell & { field: FieldKey }) | null {
  for (const field of ['coop', 'lead', 'executing', 'product', 'note'] as const) {
    const cell = row.cells[field]
    if (!cell) continue
    // A report of the work ("Đang tiếp tục …") is no time, whatever time words it holds.
    if (/^(?:đã|đang|chưa)\s/iu.test(cell.text.trim())) continue
    // A time phrase, not a sentence that mentions a year ("… không tách KH 2025 và KH 2026.").
    const kind = readCellKind(cell.text)
    if (kind !== 'period' && kind !== 'date') continue
    const d = parseDeadline(cell.text, null)
    if (d && (d.kind === 'period' || d.kind === 'date' || d.kind === 'recurring')) {
      return { ...cell, field }
    }
  }
  return null
}

/** The deadline of the group a row belongs to, which a row without its own takes. */
export type GroupDeadline = { stt: string | null; deadline: Deadline; text: string }

/**
 * The row's deadline and the text it was read from (the deadline column, the end column, or a
 * shifted cell). A row without any takes its group's, marked `inherited` (a note on the row says so).
 */
export function readRowDeadline(
  row: TableRow,
  ctx: RowContext,
  isTask: boolean,
  group: GroupDeadline | null = null,
): { deadline: Deadline | null; text: string } {
  const c = row.cells
  let deadline: Deadline | null = null
  let cell: RowCell | undefined = c.deadline
  let field: FieldKey = 'deadline'
  if (c.start || c.end) {
    const [from, to] = [c.start?.text ?? '', c.end?.text ?? '']
    let range = inSchoolYear(
      ctx,
      from + ' ' + to,
      (year) => parseDeadlineRange(from, to, year, ctx.issued),
      (r) => (r.deadline?.due ? (r.start ?? r.deadline.due) : null),
      (r) => r.deadline?.due ?? null,
    )
    // Periods with no year in a table that never names its year ("Quý I" | "Quý II"): read in the
    // report date's year and said once, as a deadline column's are.
    if (ctx.planYear === null && (range.startInvalid || range.deadline?.kind === 'invalid')) {
      const assumed = parseDeadlineRange(from, to, ctx.fallbackYear, ctx.issued)
      if (!assumed.startInvalid && assumed.deadline?.kind !== 'invalid') {
        range = assumed
        ctx.yearAssumed.push(to || from)
      }
    }
    // (a start that says the work is done or going on, "Đã thực hiện", names no time: the progress reads it)
    if (range.startInvalid && c.start && !readReportedProgress(c.start.text)) {
      ctx.issues.push(
        createIssue('cell/invalid-deadline', placeCell(c.start, row.row, 'start'), {
          found: c.start.text,
        }),
      )
    }
    deadline = range.deadline
    cell = c.end
    field = 'end'
    if (!deadline && c.deadline) deadline = parseCellDeadline(c.deadline, ctx)
  } else if (cell) {
    deadline = parseCellDeadline(cell, ctx)
  }
  if (!cell && !c.start) {
    const shifted = findShiftedCell(row)
    if (shifted) {
      ctx.issues.push(
        createIssue('row/shifted-cells', placeCell(shifted, row.row, shifted.field), {
          found: shifted.text,
        }),
      )
      return { deadline: parseCellDeadline(shifted, ctx), text: shifted.text }
    }
    if (group) return inheritDeadline(row, ctx, isTask, group)
    // An item of a meeting's programme without a time of its own is on the meeting's day.
    if (isTask && ctx.programme && ctx.titleDay)
      return { deadline: { kind: 'date', due: ctx.titleDay, start: ctx.titleDay }, text: '' }
    // Without a deadline column the header says so once (`header/missing-column`).
    if (isTask && (ctx.columns.has('deadline') || ctx.columns.has('end'))) {
      ctx.issues.push(
        createIssue(
          'cell/required',
          {
            row: row.row,
            column: ctx.letters.deadline ?? ctx.letters.end ?? null,
            field: 'deadline',
          },
          { field: fieldSpecs.deadline.label },
        ),
      )
    }
    return { deadline: null, text: '' }
  }
  // A time column that says the work is already done or going on ("Đã vận hành") names no time: the
  // row's progress reads it.
  if (deadline?.kind === 'invalid' && cell && readReportedProgress(cell.text))
    return { deadline: null, text: cell.text }
  if (deadline?.kind === 'invalid' && cell) {
    ctx.issues.push(
      createIssue('cell/invalid-deadline', placeCell(cell, row.row, field), {
        found: cell.text,
        part: deadline.unread,
      }),
    )
  }
  if (deadline?.start && deadline.due && deadline.due < deadline.start && cell) {
    ctx.issues.push(
      createIssue('row/deadline-before-start', placeCell(cell, row.row, field), {
        due: formatVietnameseDate(deadline.due),
        start: formatVietnameseDate(deadline.start),
      }),
    )
  }
  return { deadline, text: cell?.text ?? '' }
}

function inheritDeadline(row: TableRow, ctx: RowContext, isTask: boolean, group: GroupDeadline) {
  if (isTask) {
    ctx.issues.push(
      createIssue(
        'row/deadline-inherited',
        {
          row: row.row,
          column: ctx.letters.deadline ?? ctx.letters.end ?? null,
          field: 'deadline',
        },
        {
          found: group.stt ?? undefined,
          expected: group.text,
          due: group.deadline.due ? formatVietnameseDate(group.deadline.due) : undefined,
        },
      ),
    )
  }
  return { deadline: { ...group.deadline, inherited: true as const }, text: group.text }
}

// Annexes repeat the same deadline phrases ("Trong năm 2026") on most rows: each is parsed once per
// table (the context holds the plan year and issue date), so the same text reads the same on every row.
function parseCellDeadline(cell: RowCell, ctx: RowContext): Deadline | null {
  // A date shown as its month or year is that period; a date shown with its day is that day.
  if (isDateCell(cell.value) && !cell.value.shows)
    return { kind: 'date', due: cell.value.date, start: cell.value.date }
  // A date that lost its format (a CSV, a copy as values) is its Excel serial number: 46022.
  const serial = readDateSerial(cell.value)
  if (serial) return { kind: 'date', due: serial, start: serial }
  const inMonth = ctx.planMonth ? readWithinPlanMonth(cell.text, ctx.planMonth) : null
  if (inMonth) return inMonth
  let deadline = ctx.deadlines.get(cell.text)
  if (deadline === undefined) {
    // In a plan of several years, a day of the year after the one the work concerns comes every year.
    // So in a table that names no year of its own (a reporting regime): "15/9 năm sau", "ngày 12
    // tháng sau", "19/6 và 19/12 năm báo cáo" come round with every period reported.
    const repeats =
      (ctx.severalYears && namesAdjacentYear(cell.text)) ||
      (ctx.regime && countsFromPeriod(cell.text))
    deadline = isClockTime(cell.text)
      ? // A meeting's programme: a time of day is on the day its title names (else no date, no error).
        ctx.titleDay
        ? { kind: 'date', due: ctx.titleDay, start: ctx.titleDay }
        : { kind: 'event', due: null }
      : repeats
        ? { kind: 'recurring', due: null }
        : inSchoolYear(
            ctx,
            cell.text,
            (year) => parseDeadline(cell.text, year, ctx.issued),
            (d) => (d?.due ? (d.start ?? d.due) : null),
            (d) => d?.due ?? null,
          )
    // "Trước 10/4" in a table that never names its year: read in the report date's year, said once.
    if (ctx.planYear === null && !repeats && deadline && !deadline.due) {
      const assumed = parseDeadline(cell.text, ctx.fallbackYear, ctx.issued)
      if (assumed?.due) {
        deadline = assumed
        ctx.yearAssumed.push(cell.text)
      }
    }
    ctx.deadlines.set(cell.text, deadline)
  }
  return deadline && { ...deadline }
}

// A day counted from the period a report covers ("15/9 năm sau", "ngày 12 tháng sau", "năm báo cáo").
const fromPeriod = /\d (?:cua )?(?:nam|thang|quy|ky) (?:sau|tiep theo|ke tiep|lien ke|bao cao)\b/

function countsFromPeriod(text: string): boolean {
  return fromPeriod.test(foldText(text))
}

/**
 * Whether a table that names no year is a reporting regime: each of its times counts from the period
 * reported ("15/9 năm sau") or comes round by itself ("Ngày 29 hằng tháng"), none is a day of one
 * year ("Trước 10/4" beside "Trước 15/01 năm sau" is this year's calendar, read in the report's year).
 */
export function isReportingRegime(rows: readonly TableRow[], planYear: number | null): boolean {
  if (planYear !== null) return false
  const texts = new Set(rows.flatMap((r) => (r.cells.deadline ? [r.cells.deadline.text] : [])))
  return (
    texts.size > 0 &&
    [...texts].some(countsFromPeriod) &&
    [...texts].every((t) => countsFromPeriod(t) || parseDeadline(t, null)?.kind === 'recurring')
  )
}

/**
 * Reads a time in the plan year; in a school year's plan ("NĂM HỌC 2025-2026") a time written without
 * a year is read in the year that holds it: from September in the first, up to July in the second,
 * and an August in the one nearer the plan's date (its issue date, else the report date).
 */
function inSchoolYear<T>(
  ctx: RowContext,
  text: string,
  read: (year: number | null) => T,
  startOf: (found: T) => string | null,
  dueOf: (found: T) => string | null,
): T {
  const first = ctx.schoolYear
  if (first === null || /\b(?:19|20|21)\d{2}\b/.test(text)) return read(ctx.planYear)
  const [early, late] = [read(first), read(first + 1)]
  const [start, due, lateDue] = [startOf(early), dueOf(early), dueOf(late)]
  if (start === null || due === null || lateDue === null) return read(ctx.planYear)
  const month = Number(start.slice(5, 7))
  if (month !== 8) return month >= 9 ? early : late
  const at = Date.parse(ctx.issued ?? ctx.asOf)
  return Math.abs(Date.parse(due) - at) <= Math.abs(Date.parse(lateDue) - at) ? early : late
}

/**
 * A time within the month a monthly plan is for: "Trong tháng" is its last day, "Tuần 3" (the third
 * week: days 15–21) the last day of that week, "Trong quý" the last day of its quarter.
 */
function readWithinPlanMonth(
  text: string,
  { year, month }: { year: number; month: number },
): Deadline | null {
  const folded = foldText(text)
  const end = computeMonthEnd(year, month)
  const first = createIsoDate(year, month, 1)!
  if (/^(?:trong|het|cuoi) thang(?: nay)?$/.test(folded))
    return { kind: 'period', due: end, start: first }
  if (/^(?:trong|het|cuoi) quy(?: nay)?$/.test(folded)) {
    const last = Math.ceil(month / 3) * 3
    return { kind: 'period', due: computeMonthEnd(year, last), start: first }
  }
  const week = /^tuan (?:thu )?([1-5])$/.exec(folded)
  if (!week) return null
  const day = Math.min(7 * Number(week[1]), Number(end.slice(8)))
  const due = createIsoDate(year, month, day)
  const start = createIsoDate(year, month, 7 * Number(week[1]) - 6)
  return due && start ? { kind: 'period', due, start } : null
}

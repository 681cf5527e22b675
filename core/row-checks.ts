import { computeAgencyIds, parseAgencies, suggestName } from './agency.ts'
import {
  convertExcelSerial,
  formatVietnameseDate,
  parseDayFirstDate,
  parseExportedDate,
  type IsoDate,
} from './date.ts'
import { fieldSpecs, requiredFields, type FieldKey } from './fields.ts'
import { isDateCell, type CellValue } from './grid.ts'
import { createIssue } from './issue.ts'
import {
  isProgress,
  isHandoverDone,
  givesNoDeadline,
  isTimingVerdict,
  isStepOnly,
  parseProgress,
  readReportedProgress,
  type Progress,
} from './progress.ts'
import { parseDeadline, type Deadline } from './deadline.ts'
import { placeCell, type RowContext } from './row-context.ts'
import { findShiftedCell } from './row-deadline.ts'
import type { TableRow } from './table.ts'
import { readFiguresInText } from './achieved.ts'
import { parseAchieved, parseTargets, selectJudgeable, type Achieved } from './target.ts'
import { seriesMark } from './series.ts'
import { foldText, parseVietnameseNumber } from './text.ts'

/**
 * Reports a task without content or lead agency (a sub-item may take its group's). A field the table has no column for is the
 * header's one issue (`header/missing-column`), never repeated on every row.
 */
export function checkRequired(row: TableRow, ctx: RowContext, inheritsLead = false) {
  const c = row.cells
  const requireField = (present: boolean, field: FieldKey) => {
    if (present) return
    ctx.issues.push(
      createIssue(
        'cell/required',
        { row: row.row, column: ctx.letters[field] ?? null, field },
        { field: fieldSpecs[field].label },
      ),
    )
  }
  // Rows need their task and who leads it (the deadline has its own check, with inheritance); a
  // programme's items are led by the meeting's chair.
  const needed =
    inheritsLead || ctx.programme ? (['content'] as const) : (['content', 'lead'] as const)
  for (const key of needed) {
    const stand = requiredFields[key]
    if (stand.some((f) => ctx.columns.has(f)))
      requireField(
        stand.some((f) => c[f] !== undefined),
        key,
      )
  }
}

/** Checks the agency cells against the registry; returns the ids of the owning agencies. */
export function checkAgencies(row: TableRow, ctx: RowContext): string[] {
  const owners: string[] = []
  for (const field of ['lead', 'executing', 'coop'] as const) {
    const cell = row.cells[field]
    if (!cell) continue
    const mentions = parseAgencies(cell.text, ctx.index!)
    const unknown = mentions.filter((m) => 'unknown' in m)
    if (unknown.length && !findShiftedCell({ ...row, cells: { [field]: cell } })) {
      const first = unknown[0]!
      ctx.issues.push(
        createIssue('cell/unknown-agency', placeCell(cell, row.row, field), {
          found: unknown.map((m) => m.text).join('; '),
          suggestion:
            suggestName(cell.text, ctx.index!) ??
            (('suggestion' in first && first.suggestion) || undefined),
        }),
      )
    }
    if (field !== 'coop') owners.push(...computeAgencyIds(mentions, ctx.registry!))
  }
  return [...new Set(owners)]
}

/**
 * Reads the progress cell: an impossible percentage is an error, text it cannot place a warning
 * (not started). Without a progress value a row tells its progress by a result or a time cell that
 * reports ("Đã ban hành …", "Đã vận hành") and, in a table without a progress column, by its
 * completion date, silently.
 */
export function readProgress(row: TableRow, ctx: RowContext, doneDate: IsoDate | null): Progress {
  const cell = row.cells.progress
  const content = row.cells.content?.text ?? row.cells.criterion?.text ?? ''
  if (!cell) return readUntoldProgress(row, ctx, content, doneDate)
  // A completion date outweighs how far a workflow's recorded steps went.
  if (cell.inferred && doneDate) return { state: 'done', percent: null }
  const progress = parseProgress(typeof cell.value === 'number' ? cell.value : cell.text)
  // With a completion date, a verdict on the timing ("Đúng hạn", "Chậm") or words not placed say how
  // the finished work went, not that it goes on.
  if (doneDate && (!isProgress(progress) || isTimingVerdict(cell.text)))
    return { state: 'done', percent: null }
  // Without one, a verdict on the timing alone ("Đúng hạn", "Trễ hạn", "Không giao hạn") says how
  // the work stands against its deadline, not how far it went: the rest of the row tells that.
  if (isTimingVerdict(cell.text) || givesNoDeadline(cell.text)) {
    const told = readUntoldProgress(row, ctx, content, doneDate)
    return isProgress(progress) && progress.late ? { ...told, late: true } : told
  }
  if (isProgress(progress)) return markLateDone(settleProgress(progress, cell.text, content), row)
  const place = placeCell(cell, row.row, 'progress')
  if (progress.problem === 'percent') {
    ctx.issues.push(createIssue('cell/invalid-progress', place, { found: cell.text }))
    return { state: 'not-started', percent: null }
  }
  // An account of what was done, in words the reader cannot place ("Kiểm tra thực tế nắm báo cáo"),
  // still says work was done: in progress. A word or two says nothing.
  const counted = cell.text.trim().split(/\s+/).length >= 4 ? 'in-progress' : 'not-started'
  ctx.issues.push(createIssue('cell/unclear-progress', place, { counted, found: cell.text }))
  return { state: counted, percent: null }
}

/** Work done whose completion cell gives, instead of a day, a verdict that it was late ("Trễ hạn"). */
function markLateDone(progress: Progress, row: TableRow): Progress {
  const when = row.cells.doneDate?.text.trim() ?? ''
  if (progress.state !== 'done' || progress.late || !when || !isTimingVerdict(when)) return progress
  const said = parseProgress(when)
  return isProgress(said) && said.late ? { ...progress, late: true } : progress
}

/**
 * A progress read from its words, weighed against the task: "done" that rests only on steps before
 * the result is in progress; "handed over" is done where the task is the handing over.
 */
function settleProgress(progress: Progress, text: string, content: string): Progress {
  if (
    progress.state === 'done' &&
    text.split('\n').every((line) => !line.trim() || isStepOnly(line, content))
  )
    return { state: 'in-progress', percent: null }
  if (isHandoverDone(text, content)) return { state: 'done', percent: null }
  return progress
}

/**
 * The progress of a row that gives no progress value: a result written in words is the report
 * ("Hoàn thành (Quyết định số …)", "Đã trình UBND tỉnh", "Chưa thực hiện"); a figure ("87%", "28/30")
 * is measured against a target where the table sets one, and says how far the work went where it
 * does not.
 */
function readUntoldProgress(
  row: TableRow,
  ctx: RowContext,
  content: string,
  doneDate: IsoDate | null,
): Progress {
  const result = row.cells.achieved
  const figure = (parseAchieved(result?.text ?? '')?.length ?? 0) > 0
  if (result && !(figure && ctx.columns.has('expected'))) {
    const said = readNarrative(result.text, content)
    if (said) return said
    // A result written out in sentences ("Cấp uỷ thường xuyên đổi mới …") reports work done on the
    // task; it does not say the task is finished.
    if (!figure && isWrittenReport(result.text)) return { state: 'in-progress', percent: null }
  }
  // A result, a time, a product or a note that reports ("Đã ban hành …", "Đã vận hành",
  // "Kế hoạch (đã thực hiện)").
  for (const field of [
    'achieved',
    'deadline',
    'start',
    'end',
    'doneDate',
    'product',
    'note',
  ] as const) {
    const said = readReportedProgress(row.cells[field]?.text ?? '')
    if (said) return said
  }
  // (a completion date says the work was done where no agency typed a progress: none, or steps read)
  if (doneDate && (!ctx.columns.has('progress') || ctx.progressFromSteps))
    return { state: 'done', percent: null }
  // A mark or a verdict on the timing where the completion date goes ("x", "Đúng hạn", "Trễ hạn"):
  // done, its day not written.
  const when = row.cells.doneDate?.text.trim() ?? ''
  if (when && (seriesMark.test(when) || isTimingVerdict(when))) {
    const said = parseProgress(when)
    return isProgress(said) && said.late
      ? { state: 'done', percent: null, late: true }
      : { state: 'done', percent: null }
  }
  return { state: 'not-started', percent: null }
}

// A duty that goes on as long as the work does: leading, directing, keeping up, stepping up.
const standingDuty =
  /^(?:[-–•+*]\s*)?(?:lanh dao|chi dao|tap trung|thuong xuyen|tiep tuc|day manh|tang cuong|chu dong|thuc hien nghiem|duy tri|quan triet|phat huy|theo doi|don doc|nang cao)\b/
const saysFinished = /\b(?:hoan thanh|hoan tat|xong|ht)\b/

/**
 * Work without a due date that goes on is not finished by an account of what was done, only by words
 * that say it is (or a completion date): recurring work reported by what was done this time ("Thường
 * xuyên" | "Đã đăng 45 tin bài"), and a standing duty given no date ("Lãnh đạo đổi mới …", "Chủ động
 * nắm tình hình …") reported by its acts ("Đảng uỷ đã chỉ đạo …", "Ban hành Chỉ thị số 02 …").
 */
export function settleStandingDuty(
  progress: Progress,
  row: TableRow,
  deadline: Deadline | null,
): Progress {
  // (a completion date says the work was finished)
  if (progress.state !== 'done' || (deadline?.due ?? null) !== null || row.cells.doneDate)
    return progress
  const said = [row.cells.progress?.text, row.cells.achieved?.text].filter(Boolean).join(' ')
  if (saysFinished.test(foldText(said))) return progress
  // Recurring work ("Thường xuyên") reported by what was done this time ("Đã đăng 45 tin bài").
  if (deadline?.kind === 'recurring' && said.trim().split(/\s+/).length >= 3)
    return { state: 'in-progress', percent: null }
  const content = row.cells.content?.text ?? row.cells.criterion?.text ?? ''
  if (!standingDuty.test(foldText(content)) || !isWrittenReport(said)) return progress
  return { state: 'in-progress', percent: null }
}

// An account that says the task is a standing one ("Nhiệm vụ thường xuyên", "Thường xuyên báo cáo định
// kỳ tháng", "Định kỳ hằng quý").
const standingAccount =
  /^(?:(?:day )?la )?(?:(?:nhiem vu|cong viec|thuc hien) )?(?:thuong xuyen|dinh ky|hang (?:ngay|tuan|thang|quy|nam))\b/

/**
 * The time a task is judged by: its own, or, given none, recurring where its progress (or, lacking
 * one, its result) says it is a standing task ("Nhiệm vụ thường xuyên" in a tracker that has no
 * deadline column).
 */
export function judgeDeadline(row: TableRow, deadline: Deadline | null): Deadline | null {
  if (deadline) return deadline
  // (a result column says so where the table keeps no progress column)
  const account = row.cells.progress ?? row.cells.achieved
  return standingAccount.test(foldText(account?.text ?? ''))
    ? { kind: 'recurring', due: null }
    : null
}

/** A result of at least a sentence: several words, not a figure or a code. */
function isWrittenReport(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length >= 25 && trimmed.split(/\s+/).length >= 5
}

function readNarrative(text: string, content: string): Progress | null {
  const said = parseProgress(text)
  return isProgress(said) ? settleProgress(said, text, content) : null
}

/** Reads the completion date, reporting one that is not a date or lies after the cut-off. */
export function readDoneDate(row: TableRow, ctx: RowContext): IsoDate | null {
  const cell = row.cells.doneDate
  if (!cell) return null
  const date = parseDateValue(cell.value, cell.text) ?? readDonePeriod(cell.text, ctx)
  // A state or a verdict written where the date goes ("Chưa hoàn thành", "Đang thực hiện", "Đúng
  // hạn") is no bad date: the progress reads it.
  if (!date && (isProgress(parseProgress(cell.text)) || isTimingVerdict(cell.text))) return null
  if (!date) {
    ctx.issues.push(
      createIssue('cell/invalid-date', placeCell(cell, row.row, 'doneDate'), { found: cell.text }),
    )
    return null
  }
  if (date > ctx.asOf) {
    ctx.issues.push(
      createIssue('cell/completion-in-future', placeCell(cell, row.row, 'doneDate'), {
        date: formatVietnameseDate(date),
        due: formatVietnameseDate(ctx.asOf),
      }),
    )
  }
  return date
}

// A completion written as a month or quarter ("Tháng 5/2026"): its first day, the benefit of the doubt.
function readDonePeriod(text: string, ctx: RowContext): IsoDate | null {
  if (text.length > 40) return null
  const period = parseDeadline(text, ctx.planYear ?? ctx.fallbackYear)
  return period && (period.kind === 'period' || period.kind === 'date')
    ? (period.start ?? null)
    : null
}

/** Reads a completion date: a real date, a day-first (or exported year-first) date as text, or an Excel serial number. */
export function parseDateValue(value: CellValue, text: string): IsoDate | null {
  if (isDateCell(value)) return value.date
  if (typeof value === 'number')
    return value > 20000 && value < 80000 ? convertExcelSerial(value) : null
  const parsed = parseDayFirstDate(text) ?? parseExportedDate(text)
  return parsed && parsed !== 'invalid' ? parsed.date : null
}

/**
 * Reads the achieved figures: a plain value ("95,5%", "28/30; 96%") or the figures inside a narrative
 * result ("Đã kiểm tra 15/18 cơ quan"). A result in words ("Đã ban hành") is normal: where the row
 * has a numeric target it is counted for one table-level note, and only a scored row (the scoring
 * profile asks for figures) gets a warning.
 */
export function readAchieved(
  row: TableRow,
  ctx: RowContext,
  planText: () => string,
  scored: boolean,
): Achieved[] {
  const cell = row.cells.achieved
  if (!cell) return []
  const exact = parseAchieved(typeof cell.value === 'number' ? cell.value : cell.text)
  if (exact?.length) return exact
  const figures = readFiguresInText(cell.text)
  if (figures.length) return figures
  const target = selectJudgeable(parseTargets(planText()))[0]
  if (target && !scored) ctx.unjudged++
  else if (target) {
    ctx.issues.push(
      createIssue('cell/invalid-achieved', placeCell(cell, row.row, 'achieved'), {
        found: cell.text,
        expected: target.text,
      }),
    )
  }
  return []
}

/** Reports a self-assessed score above the item's maximum; returns the score read (null when none). */
export function checkSelfScore(row: TableRow, max: number, ctx: RowContext): number | null {
  const cell = row.cells.selfScore
  if (!cell) return null
  const n = typeof cell.value === 'number' ? cell.value : parseVietnameseNumber(cell.text)
  if (n !== null && n > max) {
    ctx.issues.push(
      createIssue('row/score-exceeds-max', placeCell(cell, row.row, 'selfScore'), {
        found: cell.text,
        max: String(max),
      }),
    )
  }
  return n
}

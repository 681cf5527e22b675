import {
  computeAgencyIds,
  createAgencyIndex,
  parseAgencies,
  suggestName,
  type AgencyIndex,
  type AgencyRegistry,
} from './agency.ts'
import {
  convertExcelSerial,
  formatVietnameseDate,
  parseDayFirstDate,
  type IsoDate,
} from './date.ts'
import { parseDeadline, parseDeadlineRange, type Deadline } from './deadline.ts'
import { fieldSpecs, type FieldKey } from './fields.ts'
import { columnLetter, isDateCell, type CellValue, type Grid, type TemplateMeta } from './grid.ts'
import { createIssue, type Issue } from './issue.ts'
import { computeScore, findProfileItem, type ScoringProfile } from './profile.ts'
import { parseProgress } from './progress.ts'
import { computeStatus, taskStatuses, type TaskStatus } from './status.ts'
import { readTable, type RowCell, type RowKind, type TableRow } from './table.ts'
import { computeTargetsResult, parseAchieved, parseTargets } from './target.ts'
import { foldText, parseVietnameseNumber } from './text.ts'

/** One row of the report's task list (SPEC section 3), with the text a consolidation needs. */
export type TaskEntry = {
  row: number
  stt: string | null
  level: number
  kind: RowKind
  section: string | null
  content: string
  deadline: Deadline | null
  deadlineText: string
  status: TaskStatus | null
  progress: string
  doneDate: IsoDate | null
  achieved: string
  evidence: string
  targetMet: boolean | null
  score: number | null
  maxScore: number | null
  agencies: string[]
}

export type ReportSummary = {
  tasks: number
  byStatus: Record<TaskStatus, number>
  score: number | null
  maxScore: number | null
}

/** The machine contract of `cchc validate --json`; the add-in and the server use the same shape. */
export type Report = {
  file: string | null
  sheet: string
  planYear: number | null
  asOf: IsoDate
  profile: { name: string; provisional: boolean } | null
  header: {
    row: number
    columns: Partial<Record<FieldKey, string>>
    lastColumn: string
    dataStart: number
  } | null
  valid: boolean
  errorCount: number
  warningCount: number
  issues: Issue[]
  tasks: TaskEntry[]
  summary: ReportSummary
}

export type ValidateOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
  meta?: TemplateMeta | null
  profile?: ScoringProfile | null
  registry?: AgencyRegistry | null
}

/** Finds the plan year in title rows ("… NĂM 2026"). */
export function findTitleYear(titleText: string): number | null {
  const m = /\bnam ((?:19|20|21)\d{2})\b/.exec(foldText(titleText))
  return m ? Number(m[1]) : null
}

/**
 * Checks an annex table and computes each row's status and score as of `asOf`.
 * Bad data is reported as issues; this never throws for a bad cell.
 */
export function validateTable(grid: Grid, options: ValidateOptions): Report {
  const table = readTable(grid)
  const profile = options.profile ?? null
  const base = {
    file: options.file ?? null,
    sheet: grid.sheet,
    asOf: options.asOf,
    profile: profile ? { name: profile.name, provisional: profile.provisional } : null,
  }
  if (!table) {
    const issues = [createIssue('table/not-found')]
    return finish({
      ...base,
      planYear: options.year ?? options.meta?.year ?? null,
      header: null,
      issues,
      tasks: [],
    })
  }
  const planYear = options.year ?? options.meta?.year ?? findTitleYear(table.titleText)
  const issues = [...table.issues]
  const index = options.registry ? createAgencyIndex(options.registry) : null
  const context: RowContext = {
    planYear,
    asOf: options.asOf,
    profile,
    registry: options.registry ?? null,
    index,
    issues,
    columns: new Set(Object.keys(table.header.columns) as FieldKey[]),
    letters: {},
  }
  for (const [f, col] of Object.entries(table.header.columns))
    context.letters[f as FieldKey] = columnLetter(col)
  const tasks = table.rows.map((row) => evaluateRow(row, context))
  computeGroupTotals(tasks)
  if (profile?.provisional)
    issues.push(createIssue('report/provisional-profile', {}, { profile: profile.name }))
  const header = {
    row: table.header.row,
    columns: context.letters,
    lastColumn: columnLetter(table.header.lastColumn),
    dataStart: table.header.dataStart,
  }
  return finish({ ...base, planYear, header, issues, tasks })
}

type RowContext = {
  planYear: number | null
  asOf: IsoDate
  profile: ScoringProfile | null
  registry: AgencyRegistry | null
  index: AgencyIndex | null
  issues: Issue[]
  /** The fields the table has a column for, and their letters. */
  columns: Set<FieldKey>
  letters: Partial<Record<FieldKey, string>>
}

function place(cell: RowCell, row: number, field: FieldKey) {
  return { row, column: cell.column, field, value: cell.text }
}

function evaluateRow(row: TableRow, ctx: RowContext): TaskEntry {
  const c = row.cells
  const entry: TaskEntry = {
    row: row.row,
    stt: row.stt,
    level: row.level,
    kind: row.kind,
    section: row.section,
    content: c.content?.text ?? c.criterion?.text ?? '',
    deadline: null,
    deadlineText: c.deadline?.text ?? c.end?.text ?? '',
    status: null,
    progress: c.progress?.text ?? '',
    doneDate: null,
    achieved: c.achieved?.text ?? '',
    evidence: c.evidence?.text ?? '',
    targetMet: null,
    score: null,
    maxScore: null,
    agencies: [],
  }
  if (row.kind === 'section' || row.kind === 'heading') return entry
  const isTask = row.kind === 'task'
  if (isTask) checkRequired(row, ctx)
  const read = readRowDeadline(row, ctx, isTask)
  entry.deadline = read.deadline
  entry.deadlineText ||= read.text
  if (ctx.index && ctx.registry) entry.agencies = checkAgencies(row, ctx)
  if (!isTask) return entry

  const progress = readProgress(row, ctx)
  entry.doneDate = readDoneDate(row, ctx)
  const done = progress.state === 'done'
  if (done && c.doneDate === undefined && row.cells.progress && ctx.columns.has('doneDate')) {
    ctx.issues.push(
      createIssue('row/done-without-date', place(row.cells.progress, row.row, 'progress')),
    )
  }
  if (done && c.evidence === undefined && ctx.columns.has('evidence') && row.cells.progress) {
    ctx.issues.push(
      createIssue('row/done-without-evidence', place(row.cells.progress, row.row, 'progress')),
    )
  }
  entry.status = computeStatus(entry.deadline, progress, entry.doneDate, ctx.asOf)

  const achieved = readAchieved(row, ctx)
  // Without an achieved figure nothing can be judged, so the plan text's targets need not be read.
  const result = achieved.length
    ? computeTargetsResult(
        parseTargets([c.content?.text, c.expected?.text].filter(Boolean).join('\n')),
        achieved,
      )
    : { met: null, ratio: null }
  entry.targetMet = result.met
  if (ctx.profile && row.stt) {
    const item = findProfileItem(ctx.profile, row.section, row.stt)
    if (item) {
      entry.maxScore = item.maxPoints
      entry.score = computeScore(item, result.met, result.ratio)
      checkSelfScore(row, item.maxPoints, ctx)
    }
  }
  return entry
}

function checkRequired(row: TableRow, ctx: RowContext) {
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
  requireField(c.content !== undefined || c.criterion !== undefined, 'content')
  requireField(c.lead !== undefined || c.executing !== undefined, 'lead')
}

/** A deadline written in another column while the deadline column is empty (cells shifted left). */
function findShiftedCell(row: TableRow): (RowCell & { field: FieldKey }) | null {
  for (const field of ['coop', 'lead', 'executing', 'product', 'note'] as const) {
    const cell = row.cells[field]
    if (!cell) continue
    const d = parseDeadline(cell.text, null)
    if (
      d &&
      (d.kind === 'period' || d.kind === 'date' || d.kind === 'recurring') &&
      cell.text.length < 120
    ) {
      return { ...cell, field }
    }
  }
  return null
}

/** The row's deadline and the text it was read from (the deadline column, the end column, or a shifted cell). */
function readRowDeadline(
  row: TableRow,
  ctx: RowContext,
  isTask: boolean,
): { deadline: Deadline | null; text: string } {
  const c = row.cells
  let deadline: Deadline | null = null
  let cell: RowCell | undefined = c.deadline
  let field: FieldKey = 'deadline'
  if (c.start || c.end) {
    const range = parseDeadlineRange(c.start?.text ?? '', c.end?.text ?? '', ctx.planYear)
    if (range.startInvalid && c.start) {
      ctx.issues.push(
        createIssue('cell/invalid-deadline', place(c.start, row.row, 'start'), {
          found: c.start.text,
        }),
      )
    }
    deadline = range.deadline
    cell = c.end
    field = 'end'
    if (!deadline && c.deadline) deadline = parseCellDeadline(c.deadline, ctx.planYear)
  } else if (cell) {
    deadline = parseCellDeadline(cell, ctx.planYear)
  }
  if (!cell && !c.start) {
    const shifted = findShiftedCell(row)
    if (shifted) {
      ctx.issues.push(
        createIssue('row/shifted-cells', place(shifted, row.row, shifted.field), {
          found: shifted.text,
        }),
      )
      return { deadline: parseCellDeadline(shifted, ctx.planYear), text: shifted.text }
    }
    if (isTask) {
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
  if (deadline?.kind === 'invalid' && cell) {
    ctx.issues.push(
      createIssue('cell/invalid-deadline', place(cell, row.row, field), { found: cell.text }),
    )
  }
  if (deadline?.start && deadline.due && deadline.due < deadline.start && cell) {
    ctx.issues.push(
      createIssue('row/deadline-before-start', place(cell, row.row, field), {
        due: formatVietnameseDate(deadline.due),
        start: formatVietnameseDate(deadline.start),
      }),
    )
  }
  return { deadline, text: cell?.text ?? '' }
}

// Annexes repeat the same deadline phrases ("Trong năm 2026") on most rows: parse each once per year.
const deadlineCache = new Map<string, Deadline | null>()

function parseCellDeadline(cell: RowCell, year: number | null): Deadline | null {
  if (isDateCell(cell.value)) return { kind: 'date', due: cell.value.date, start: cell.value.date }
  const key = `${year}|${cell.text}`
  let deadline = deadlineCache.get(key)
  if (deadline === undefined) {
    if (deadlineCache.size > 5_000) deadlineCache.clear()
    deadline = parseDeadline(cell.text, year)
    deadlineCache.set(key, deadline)
  }
  return deadline && { ...deadline }
}

function checkAgencies(row: TableRow, ctx: RowContext): string[] {
  const owners: string[] = []
  for (const field of ['lead', 'executing', 'coop'] as const) {
    const cell = row.cells[field]
    if (!cell) continue
    const mentions = parseAgencies(cell.text, ctx.index!)
    const unknown = mentions.filter((m) => 'unknown' in m)
    if (unknown.length && !findShiftedCell({ ...row, cells: { [field]: cell } })) {
      const first = unknown[0]!
      ctx.issues.push(
        createIssue('cell/unknown-agency', place(cell, row.row, field), {
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

function readProgress(row: TableRow, ctx: RowContext) {
  const cell = row.cells.progress
  if (!cell) return { state: 'not-started' as const, percent: null }
  const value = typeof cell.value === 'number' ? cell.value : cell.text
  const progress = parseProgress(value)
  if (progress) return progress
  ctx.issues.push(
    createIssue('cell/invalid-progress', place(cell, row.row, 'progress'), { found: cell.text }),
  )
  return { state: 'not-started' as const, percent: null }
}

function readDoneDate(row: TableRow, ctx: RowContext): IsoDate | null {
  const cell = row.cells.doneDate
  if (!cell) return null
  const date = parseDateValue(cell.value, cell.text)
  if (!date) {
    ctx.issues.push(
      createIssue('cell/invalid-date', place(cell, row.row, 'doneDate'), { found: cell.text }),
    )
    return null
  }
  if (date > ctx.asOf) {
    ctx.issues.push(
      createIssue('cell/completion-in-future', place(cell, row.row, 'doneDate'), {
        date: formatVietnameseDate(date),
        due: formatVietnameseDate(ctx.asOf),
      }),
    )
  }
  return date
}

/** Reads a completion date: a real date, a day-first date as text, or an Excel serial number. */
export function parseDateValue(value: CellValue, text: string): IsoDate | null {
  if (isDateCell(value)) return value.date
  if (typeof value === 'number')
    return value > 20000 && value < 80000 ? convertExcelSerial(value) : null
  const parsed = parseDayFirstDate(text)
  return parsed && parsed !== 'invalid' ? parsed.date : null
}

function readAchieved(row: TableRow, ctx: RowContext) {
  const cell = row.cells.achieved
  if (!cell) return []
  const achieved = parseAchieved(typeof cell.value === 'number' ? cell.value : cell.text)
  if (achieved) return achieved
  ctx.issues.push(
    createIssue('cell/invalid-achieved', place(cell, row.row, 'achieved'), { found: cell.text }),
  )
  return []
}

function checkSelfScore(row: TableRow, max: number, ctx: RowContext) {
  const cell = row.cells.selfScore
  if (!cell) return
  const n = typeof cell.value === 'number' ? cell.value : parseVietnameseNumber(cell.text)
  if (n !== null && n > max) {
    ctx.issues.push(
      createIssue('row/score-exceeds-max', place(cell, row.row, 'selfScore'), {
        found: cell.text,
        max: String(max),
      }),
    )
  }
}

/** Group and section rows total the scores of the items below them. */
function computeGroupTotals(tasks: TaskEntry[]) {
  for (const [i, t] of tasks.entries()) {
    if (t.kind !== 'group' && t.kind !== 'section') continue
    let score: number | null = null
    let max: number | null = null
    for (const u of tasks.slice(i + 1)) {
      if (
        t.kind === 'section'
          ? u.kind === 'section'
          : u.section !== t.section || !u.stt?.startsWith(`${t.stt}.`)
      )
        break
      if (u.kind !== 'task') continue
      // Like the summary: only items that could be scored count towards the maximum.
      if (u.score === null) continue
      max = (max ?? 0) + (u.maxScore ?? 0)
      score = Math.round(((score ?? 0) + u.score) * 100) / 100
    }
    t.score = score
    t.maxScore = max
  }
}

function finish(
  partial: Omit<Report, 'valid' | 'errorCount' | 'warningCount' | 'summary'>,
): Report {
  const seen = new Set<string>()
  const issues = partial.issues
    .filter((i) => {
      const key = `${i.code}|${i.row}|${i.column}|${i.field}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''))
  const errorCount = issues.filter((i) => i.severity === 'error').length
  const warningCount = issues.filter((i) => i.severity === 'warning').length
  const byStatus = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>
  let score: number | null = null
  let maxScore: number | null = null
  let count = 0
  for (const t of partial.tasks) {
    if (t.kind !== 'task') continue
    count++
    if (t.status) byStatus[t.status]++
    if (t.score !== null) {
      score = Math.round(((score ?? 0) + t.score) * 100) / 100
      maxScore = (maxScore ?? 0) + (t.maxScore ?? 0)
    }
  }
  return {
    ...partial,
    valid: errorCount === 0,
    errorCount,
    warningCount,
    issues,
    summary: { tasks: count, byStatus, score, maxScore },
  }
}

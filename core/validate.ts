import { checkEvidence, parseEvidence } from './evidence.ts'
import { computeAgencyIds, createAgencyIndex, parseAgencies } from './agency.ts'
import { parseColumnChoices, type ColumnChoices } from './columns.ts'
import { readCellKind } from './cell-kind.ts'
import { requiredFields, type FieldKey } from './fields.ts'
import { cellText, columnLetter, type Grid, type TemplateMeta } from './grid.ts'
import { createIssue, type Issue } from './issue.ts'
import { computeScore, findProfileItem, type ScoringProfile } from './profile.ts'
import { createReport, type Report, type TaskEntry } from './report.ts'
import {
  checkAgencies,
  checkRequired,
  checkSelfScore,
  readAchieved,
  readDoneDate,
  judgeDeadline,
  readProgress,
  settleStandingDuty,
} from './row-checks.ts'
import { placeCell, type RowContext } from './row-context.ts'
import { isReportingRegime, readRowDeadline } from './row-deadline.ts'
import { isClockTime } from './deadline.ts'
import { collapseRepeatedIssues } from './repeated-issues.ts'
import { computeGroupTotals } from './score.ts'
import { computeStatus } from './status.ts'
import { readTable, type TableRow } from './table.ts'
import { computeTargetsResult, parseTargets } from './target.ts'
import {
  findTitleDay,
  findTitleIssued,
  findTitleMonth,
  findTitleSchoolYear,
  findTitleYear,
  namesSeveralYears,
} from './title.ts'
import { createGroupTracker } from './group.ts'
import type { AgencyRegistry } from './agency.ts'
import type { IsoDate } from './date.ts'

export type ValidateOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
  meta?: TemplateMeta | null
  profile?: ScoringProfile | null
  registry?: AgencyRegistry | null
  /** The user's column choices (`--columns`); they win over the workbook's remembered ones. */
  columns?: ColumnChoices | null
  /** The plan's issue date (`--issued`, the pane's field); else the template's, else the title's. */
  issued?: IsoDate | null
}

export { findTitleYear }

/** How many stray values are reported one by one (the hint counts them all). */
const strayIssueLimit = 20

/** The values an adapter found far from the sheet's data, each reported once (the first few). */
function reportStrays(grid: Grid): Issue[] {
  const count = grid.strayCount ?? grid.strays?.length ?? 0
  return (grid.strays ?? [])
    .slice(0, strayIssueLimit)
    .map((s) =>
      createIssue(
        'cell/stray-value',
        { row: s.row, column: columnLetter(s.column), value: cellText(s.value) },
        { found: cellText(s.value), count },
      ),
    )
}

/**
 * Checks an annex table and computes each row's status and score as of `asOf`.
 * Bad data is reported as issues; this never throws for a bad cell.
 */
export function validateTable(grid: Grid, options: ValidateOptions): Report {
  const index = options.registry ? createAgencyIndex(options.registry) : null
  const table = readTable(
    grid,
    {
      ...(options.meta?.columns ? parseColumnChoices(options.meta.columns).choices : {}),
      ...options.columns,
    },
    { asOf: options.asOf, index },
  )
  const profile = options.profile ?? null
  const base = {
    file: options.file ?? null,
    sheet: grid.sheet,
    asOf: options.asOf,
    profile: profile ? { name: profile.name, provisional: profile.provisional } : null,
  }
  if (!table) {
    const issues = [createIssue('table/not-found'), ...reportStrays(grid)]
    return createReport({
      ...base,
      planYear: options.year ?? options.meta?.year ?? null,
      issued: options.issued ?? options.meta?.issued ?? null,
      header: null,
      issues,
      tasks: [],
    })
  }
  const issued = options.issued ?? options.meta?.issued ?? findTitleIssued(table.titleText)
  const planYear =
    options.year ??
    options.meta?.year ??
    findTitleYear(table.titleText) ??
    table.header.year ??
    (issued ? Number(issued.slice(0, 4)) : null)
  // A unit's template holds only its own tasks: gaps in their numbering are by design.
  const issues = [
    ...(options.meta?.agency
      ? table.issues.filter((i) => i.code !== 'row/stt-sequence')
      : table.issues),
    ...reportStrays(grid),
  ]
  const titleDay = findTitleDay(table.titleText)
  const context: RowContext = {
    planYear,
    planMonth: findTitleMonth(table.titleText),
    severalYears: namesSeveralYears(table.titleText),
    schoolYear: findTitleSchoolYear(table.titleText),
    regime: isReportingRegime(table.rows, planYear),
    titleDay,
    programme: titleDay !== null && holdsTimesOfDay(table.rows),
    fallbackYear: Number(options.asOf.slice(0, 4)),
    yearAssumed: [],
    issued,
    asOf: options.asOf,
    profile,
    registry: options.registry ?? null,
    index,
    issues,
    columns: new Set(Object.keys(table.header.columns) as FieldKey[]),
    progressFromSteps:
      table.header.series?.some((s) => s.field === 'progress' && s.kind === 'workflow') ?? false,
    letters: {},
    unjudged: 0,
    deadlines: new Map(),
  }
  for (const [f, col] of Object.entries(table.header.columns))
    context.letters[f as FieldKey] = columnLetter(col)
  const groups = createGroupTracker()
  const rows = new Map(table.rows.map((row) => [row.row, row]))
  // A heading that names a unit ("PHÒNG QUẢN LÝ ĐÔ THỊ", "UBND PHƯỜNG …") leads the rows under it.
  let unit: string | null = null
  const tasks = table.rows.map((row) => {
    if (row.kind === 'heading' || row.kind === 'section') {
      const text = row.cells.content?.text ?? row.cells.stt?.text ?? ''
      unit = readCellKind(text) === 'agency' ? text : null
    }
    const parent = groups.findParent(row)
    const parentRow = parent ? rows.get(parent.row) : undefined
    const entry = evaluateRow(row, context, parent, parentRow, unit)
    groups.add(entry, parent)
    return entry
  })
  groups.computeStatuses()
  computeGroupTotals(tasks)
  if (context.unjudged)
    issues.push(createIssue('report/target-not-judged', {}, { count: context.unjudged }))
  const waiting = tasks.filter(
    (t) => t.kind === 'task' && t.deadline?.kind === 'relative' && !t.deadline.due,
  )
  if (waiting.length)
    issues.push(
      createIssue(
        'report/issued-unknown',
        {},
        { count: waiting.length, found: waiting[0]!.deadlineText },
      ),
    )
  if (context.yearAssumed.length)
    issues.push(
      createIssue(
        'report/year-assumed',
        {},
        {
          count: tasks.filter((t) => context.yearAssumed.includes(t.deadlineText)).length,
          found: context.yearAssumed[0]!,
          year: context.fallbackYear,
        },
      ),
    )
  if (profile?.provisional)
    issues.push(createIssue('report/provisional-profile', {}, { profile: profile.name }))
  const taskCount = tasks.filter((t) => t.kind === 'task').length
  const reported = collapseRepeatedIssues(
    issues,
    { row: table.header.row, columns: context.letters },
    taskCount,
  )
  const header = {
    row: table.header.row,
    columns: context.letters,
    lastColumn: columnLetter(table.header.lastColumn),
    mapping: table.header.mapping,
    dataStart: table.header.dataStart,
  }
  return createReport({ ...base, planYear, issued, header, issues: reported, tasks })
}

function evaluateRow(
  row: TableRow,
  ctx: RowContext,
  parent: TaskEntry | null,
  parentRow: TableRow | undefined,
  unit: string | null = null,
): TaskEntry {
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
    selfScore: null,
  }
  if (row.kind === 'section' || row.kind === 'heading') return entry
  const isTask = row.kind === 'task'
  // A sub-item without its own lead agency is led by its group's ("1. … | Sở Nội vụ" over "a) …"),
  // a row under a unit's heading by that unit.
  const inheritsLead = !hasLead(row) && parentRow !== undefined && hasLead(parentRow)
  const unitLeads = !hasLead(row) && !inheritsLead ? unit : null
  if (isTask) checkRequired(row, ctx, inheritsLead || unitLeads !== null)
  const group =
    parent?.deadline && parent.deadline.kind !== 'invalid'
      ? { stt: parent.stt, deadline: parent.deadline, text: parent.deadlineText }
      : null
  const read = readRowDeadline(row, ctx, isTask, group)
  entry.deadline = read.deadline
  entry.deadlineText ||= read.text
  if (ctx.index && ctx.registry) entry.agencies = checkAgencies(row, ctx)
  if (inheritsLead && !entry.agencies.length) entry.agencies = parent!.agencies
  // (the unit a heading names, as the registry knows it, owns the rows under it)
  if (unitLeads !== null && ctx.index && ctx.registry)
    entry.agencies = computeAgencyIds(parseAgencies(unitLeads, ctx.index), ctx.registry)
  if (!isTask) return entry

  entry.doneDate = readDoneDate(row, ctx)
  const judged = judgeDeadline(row, entry.deadline)
  const progress = settleStandingDuty(readProgress(row, ctx, entry.doneDate), row, judged)
  const done = progress.state === 'done'
  // Without a completion date, the date a done result names ("Đã ban hành Quyết định số 12/QĐ-UBND
  // ngày 20/7/2026") is when the work was done.
  if (done && entry.doneDate === null)
    entry.doneDate = findResultDate([c.progress?.text, c.achieved?.text], ctx.asOf)
  // What the agency typed: a progress the product read across a workflow's steps claims nothing.
  const typed = row.cells.progress?.inferred ? undefined : row.cells.progress
  if (
    done &&
    c.doneDate === undefined &&
    entry.doneDate === null &&
    typed &&
    ctx.columns.has('doneDate')
  ) {
    ctx.issues.push(createIssue('row/done-without-date', placeCell(typed, row.row, 'progress')))
  }
  if (done && c.evidence === undefined && ctx.columns.has('evidence') && typed) {
    ctx.issues.push(createIssue('row/done-without-evidence', placeCell(typed, row.row, 'progress')))
  }
  if (done && c.evidence) ctx.issues.push(...checkEvidence(c.evidence, row.row, ctx))

  const planText = () => [c.content?.text, c.expected?.text].filter(Boolean).join('\n')
  const item = ctx.profile && row.stt ? findProfileItem(ctx.profile, row.section, row.stt) : null
  const achieved = readAchieved(row, ctx, planText, item !== null && item.method !== 'survey')
  // Without an achieved figure nothing can be judged, so the plan text's targets need not be read.
  const result = achieved.length
    ? computeTargetsResult(parseTargets(planText()), achieved)
    : { met: null, ratio: null }
  entry.targetMet = result.met
  // A table that reports no progress but results against targets: a target met is done, one missed
  // is work not finished (and late once its time is past).
  const judgedBy =
    result.met !== null && !ctx.columns.has('progress')
      ? { state: result.met ? ('done' as const) : ('in-progress' as const), percent: null }
      : progress
  entry.status = computeStatus(judged, judgedBy, entry.doneDate, ctx.asOf)
  if (item) {
    entry.maxScore = item.maxPoints
    entry.score = computeScore(item, result.met, result.ratio)
    entry.selfScore = checkSelfScore(row, item.maxPoints, ctx)
  }
  return entry
}

function hasLead(row: TableRow): boolean {
  return requiredFields.lead.some((f) => row.cells[f] !== undefined)
}

/** The latest date of the documents a result cites, not after the report date, or null. */
function findResultDate(texts: (string | undefined)[], asOf: IsoDate): IsoDate | null {
  const dates = texts
    .flatMap((text) => parseEvidence(text ?? ''))
    .map((reference) => reference.date)
    .filter((date): date is IsoDate => date !== null && date <= asOf)
  return dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null
}

/** Whether most deadline cells of the rows are times of day ("08h35 - 09h00"): a meeting's programme. */
function holdsTimesOfDay(rows: readonly TableRow[]): boolean {
  const times = rows.flatMap((r) => (r.cells.deadline ? [r.cells.deadline.text] : []))
  return times.length >= 2 && times.filter((t) => isClockTime(t)).length >= 0.6 * times.length
}

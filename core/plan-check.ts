import { formatVietnameseDate, type IsoDate } from './date.ts'
import { parseDeadline, type Deadline } from './deadline.ts'
import { createIssue, type Issue } from './issue.ts'
import { computePlanTaskKey, listPlanTasks } from './plan-changes.ts'
import type { PlanRow } from './plan-draft.ts'
import { isProgress, parseProgress } from './progress.ts'
import { createReport, type Report, type TaskEntry } from './report.ts'
import { computeStatus } from './status.ts'
import { foldText } from './text.ts'

/** A task an amendment removed: its key and text, when and by which document. */
export type RemovedTask = { key: string; content: string; date: IsoDate; document: string | null }

/** The version of a plan in force on a report's date, as a report is checked against it. */
export type PlanInForce = {
  planId: string
  version: number
  effectiveFrom: IsoDate
  year: number
  /** How messages name the version: "2 (45/KH-UBND)". */
  label: string
  rows: PlanRow[]
  /** Tasks removed by the amendments up to this version. */
  removed: RemovedTask[]
  /** Tasks this version and the amendments before it added (keys). */
  added: string[]
}

export type PlanCheckOptions = {
  /** The tasks the unit must report (its template's tasks), for those missing from its table. */
  expected?: ReadonlySet<string> | null
}

const same = (a: string, b: string) => foldText(a) === foldText(b)

/**
 * Checks a report against the version of its plan in force on the report's date: a task's deadline
 * is the plan's (a deadline changed in the table is reported, and the status follows the plan); text
 * of the plan's columns changed in the table is reported; a task an amendment removed is reported and
 * no longer counted; a row the plan does not hold is reported, and so is a task the unit must report
 * but left out. A report of another plan, or without a table, comes back unchanged.
 */
export function checkReportAgainstPlan(
  report: Report,
  plan: PlanInForce,
  options: PlanCheckOptions = {},
): Report {
  if (!report.header) return report
  const tasks = new Map(listPlanTasks(plan.rows).map((t) => [t.key, t]))
  const removed = new Map(plan.removed.map((r) => [r.key, r]))
  const added = new Set(plan.added)
  const columns = report.header.columns
  const issues: Issue[] = [...report.issues]
  const seen = new Set<string>()
  const entries = report.tasks.map((entry): TaskEntry => {
    if (entry.kind !== 'task' || !entry.stt) return entry
    const key = computePlanTaskKey(entry.section, entry.stt)
    seen.add(key)
    const task = tasks.get(key)
    const place = (field: 'content' | 'deadline', value: string) => ({
      row: entry.row,
      column:
        (field === 'deadline'
          ? (columns.deadline ?? columns.end)
          : (columns.content ?? columns.criterion)) ?? null,
      field: field === 'deadline' ? ('deadline' as const) : ('content' as const),
      value,
    })
    if (!task) {
      const gone = removed.get(key)
      if (gone) {
        issues.push(
          createIssue('plan/task-removed', place('content', entry.content), {
            date: formatVietnameseDate(gone.date),
            document: gone.document ?? undefined,
          }),
        )
        return { ...entry, status: null, score: null, maxScore: null, planChange: 'removed' }
      }
      issues.push(createIssue('plan/task-unknown', place('content', entry.content), { found: key }))
      return entry
    }
    const out: TaskEntry = added.has(key) ? { ...entry, planChange: 'added' } : { ...entry }
    const planContent = task.row.content ?? task.row.criterion ?? ''
    if (planContent && entry.content && !same(entry.content, planContent))
      issues.push(
        createIssue('plan/content-changed', place('content', entry.content), {
          expected: planContent,
        }),
      )
    const planDeadline = task.row.deadline ?? task.row.end ?? ''
    if (planDeadline && !same(entry.deadlineText, planDeadline)) {
      issues.push(
        createIssue('plan/deadline-changed', place('deadline', entry.deadlineText), {
          found: entry.deadlineText,
          expected: planDeadline,
          document: plan.label,
        }),
      )
      const deadline: Deadline | null =
        task.row.read?.deadline ?? parseDeadline(planDeadline, plan.year)
      const progress = parseProgress(entry.progress)
      out.deadline = deadline
      out.deadlineText = planDeadline
      out.status = computeStatus(
        deadline,
        isProgress(progress) ? progress : { state: 'not-started', percent: null },
        entry.doneDate,
        report.asOf,
      )
    }
    return out
  })
  for (const key of options.expected ?? [])
    if (!seen.has(key) && tasks.has(key)) {
      const task = tasks.get(key)!
      issues.push(
        createIssue(
          'plan/task-missing',
          {},
          { found: key, expected: task.row.content ?? task.row.criterion ?? '' },
        ),
      )
    }
  return createReport({
    file: report.file,
    sheet: report.sheet,
    planYear: report.planYear,
    asOf: report.asOf,
    issued: report.issued,
    profile: report.profile,
    header: report.header,
    issues,
    tasks: entries,
  })
}

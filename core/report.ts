import type { ColumnReading } from './columns.ts'
import type { IsoDate } from './date.ts'
import type { Deadline } from './deadline.ts'
import type { FieldKey } from './fields.ts'
import type { Issue } from './issue.ts'
import { computeScoreTotal } from './score.ts'
import { taskStatuses, type TaskStatus } from './status.ts'
import { clipText } from './text.ts'
import type { RowKind } from './table.ts'

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
  /** The agency's own score for the row ("Điểm tự chấm"), when the table has one. */
  selfScore: number | null
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
  /** The plan's issue date, from which deadlines such as "30 ngày kể từ ngày ban hành" count. */
  issued: IsoDate | null
  asOf: IsoDate
  profile: { name: string; provisional: boolean } | null
  header: {
    row: number
    columns: Partial<Record<FieldKey, string>>
    lastColumn: string
    dataStart: number
    /** How every header column was read: letter, header text, field (or none), confidence. */
    mapping: ColumnReading[]
  } | null
  valid: boolean
  errorCount: number
  warningCount: number
  issues: Issue[]
  tasks: TaskEntry[]
  summary: ReportSummary
}

/**
 * Bounds on the text a report repeats from the sheet. Each task text is clipped ("…"); past
 * `totalChars` of such text (task texts, issue values) every further text is clipped to
 * `clippedChars`; corrected texts are kept whole up to `fixChars` in all, and past that no further
 * automatic fix is offered. A report stays within a few megabytes whatever the sheet holds (a
 * 30,000-character text on 2,000 rows made 900 MB).
 */
export const reportLimits = {
  taskTextChars: 2_000,
  totalChars: 4_000_000,
  clippedChars: 100,
  fixChars: 2_000_000,
}

const taskTexts = ['content', 'deadlineText', 'progress', 'achieved', 'evidence'] as const

/** The tasks and issues with their texts fitted to reportLimits, in report order. */
function fitTexts(tasks: TaskEntry[], issues: Issue[]): [TaskEntry[], Issue[]] {
  let used = 0
  let fixed = 0
  const fit = (text: string, max: number) => {
    const out = clipText(text, used < reportLimits.totalChars ? max : reportLimits.clippedChars)
    used += out.length
    return out
  }
  const fittedTasks = tasks.map((task) => {
    const long = taskTexts.some((key) => task[key].length > reportLimits.clippedChars)
    if (!long && used < reportLimits.totalChars) {
      for (const key of taskTexts) used += task[key].length
      return task
    }
    const copy = { ...task }
    for (const key of taskTexts) copy[key] = fit(task[key], reportLimits.taskTextChars)
    return copy
  })
  const fittedIssues = issues.map((issue) => {
    const value = issue.value === null ? null : fit(issue.value, reportLimits.taskTextChars)
    if (issue.fix === undefined) return value === issue.value ? issue : { ...issue, value }
    const { fix, ...rest } = issue
    // A corrected text is kept whole or not at all: half of one would damage the cell.
    if (fixed + fix.length > reportLimits.fixChars) return { ...rest, value }
    fixed += fix.length
    return { ...rest, value, fix }
  })
  return [fittedTasks, fittedIssues]
}

/**
 * Assembles the report from its parts: issues deduplicated and sorted by position, counts by
 * severity and status, the total score of the items that could be scored, and the texts it
 * repeats fitted to reportLimits.
 */
export function createReport(
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
  let count = 0
  for (const t of partial.tasks) {
    if (t.kind !== 'task') continue
    count++
    if (t.status) byStatus[t.status]++
  }
  const { score, maxScore } = computeScoreTotal(partial.tasks)
  const [tasks, fitted] = fitTexts(partial.tasks, issues)
  return {
    ...partial,
    valid: errorCount === 0,
    errorCount,
    warningCount,
    issues: fitted,
    tasks,
    summary: { tasks: count, byStatus, score, maxScore },
  }
}

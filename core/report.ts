import type { ColumnReading } from './columns.ts'
import type { IsoDate } from './date.ts'
import type { Deadline } from './deadline.ts'
import type { FieldKey } from './fields.ts'
import type { Issue } from './issue.ts'
import { computeScoreTotal } from './score.ts'
import { taskStatuses, type TaskStatus } from './status.ts'
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
  /** Set when the plan in force says so: a task an amendment added, or one it removed (not counted). */
  planChange?: 'added' | 'removed'
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
 * Assembles the report from its parts: issues deduplicated and sorted by position, counts by
 * severity and status, and the total score of the items that could be scored.
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
    if (t.kind !== 'task' || t.planChange === 'removed') continue
    count++
    if (t.status) byStatus[t.status]++
  }
  const { score, maxScore } = computeScoreTotal(partial.tasks)
  return {
    ...partial,
    valid: errorCount === 0,
    errorCount,
    warningCount,
    issues,
    summary: { tasks: count, byStatus, score, maxScore },
  }
}

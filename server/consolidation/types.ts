// The shapes the consolidated workbook is planned in, shared by every sheet's planner and the writer.
import type { IsoDate, TaskStatus } from '../../core/index.ts'
import type { AgencyRecord, StoredRow, SubmissionRecord } from '../store/index.ts'
import type { Trends } from './trends.ts'
import type { PlanDefinition } from '../province/config.ts'

export const crossCheckKinds = [
  'state-conflict',
  'date-conflict',
  'self-score',
  'plan-altered',
  'task-missing',
  'task-removed',
] as const
export type CrossCheckKind = (typeof crossCheckKinds)[number]

/** One finding of the cross-checks: a task, the agencies involved and what each reported. */
export type CrossCheck = {
  kind: CrossCheckKind
  stt: string | null
  content: string
  /** Who is involved and what each reported (empty when the finding is that it reported nothing). */
  agencies: { id: string; role: 'lead' | 'coop' | null; reported: string }[]
  detail: string
}

/** A submission as the consolidated workbook sees it: its record and its stored rows. */
export type ConsolidatedSubmission = Pick<
  SubmissionRecord,
  | 'id'
  | 'agencyId'
  | 'version'
  | 'submittedAt'
  | 'fileHash'
  | 'tasks'
  | 'errors'
  | 'warnings'
  | 'score'
  | 'maxScore'
  | 'byStatus'
> & { late: boolean; rows: StoredRow[]; planId?: string | null }

export type ConsolidatedInput = {
  period: string
  label: string
  asOf: IsoDate
  generatedAt: string
  /** Every registered agency, submitted or not, in display order. */
  agencies: AgencyRecord[]
  /** The latest submission of each agency that has one. */
  submissions: ConsolidatedSubmission[]
  /** The province's name, for page headers. */
  province?: string
  /** Cross-checks computed with the plans' lead and cooperating agencies (else self-scores only). */
  crossChecks?: CrossCheck[]
  /** The year's quarters (else this period only). */
  trends?: Trends
  /** The plans the reports follow, as they stand on the period's cut-off (server/consolidation/in-force.ts). */
  plans?: PlanView[]
}

/** A cell of a planned sheet: text is always text; formulas carry the value they compute to. */
export type PlannedCell =
  string | number | null | { date: IsoDate } | { formula: string; result: number | string }

export type PlannedSheet = {
  name: string
  title: string
  columns: { header: string; width: number }[]
  rows: PlannedCell[][]
  /** 0-based column holding a status label (or its short code) to colour, when the sheet has one. */
  statusColumns?: number[]
  /** Rows (0-based, within rows) that are totals, written bold. */
  totalRows?: number[]
  /** How the sheet prints; by default at 11 pt, all its columns fitted to the page width. */
  print?: PrintLayout
}

/** What a planned sheet asks of the printed page. */
export type PrintLayout = {
  /** Text size of the data (points), 11 by default: a grid of short codes is set smaller. */
  fontSize?: number
  /**
   * Only the first N columns show and print; those after (ids, provenance) are kept hidden in the
   * workbook, for tracing and filtering.
   */
  printColumns?: number
  /** Columns repeated at the left of every page when the sheet is too wide to fit one page readably. */
  titleColumns?: number
  /** Data rows (from the first) that belong with the header: frozen and repeated on every page. */
  fixedRows?: number
  /** A legend printed at the foot of every page (the codes of a grid). */
  legend?: string
}

/** The first data row of every planned sheet: a title row, then the header row. */
export const firstDataRow = 3

/** The row of the planned sheets' column headers. */
export const headerRow = firstDataRow - 1

/** The statuses counted as done. */
export const doneStatuses: TaskStatus[] = ['done-on-time', 'done-late']

/** Adds numbers, counting a missing one as 0. */
export function sum(values: (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0)
}

/** A submission's task rows (no headings, sections or groups). */
export function taskRows(s: ConsolidatedSubmission): StoredRow[] {
  return s.rows.filter((r) => r.kind === 'task')
}

// The plans as they stand on the period's cut-off (server/consolidation/in-force.ts).

export type PlanChangeMark = 'added' | 'changed' | 'removed'

/** A task of the plan in force, with what the amendments did to it. */
export type PlanTaskView = {
  key: string
  section: string | null
  stt: string
  content: string
  deadline: string
  change: PlanChangeMark | null
  /** "Bổ sung từ 01/07/2026 (45/QĐ-UBND)", "Sửa đổi từ … (thời hạn)", "Bãi bỏ từ …". */
  note: string | null
}

/** A plan as it stands on a day: the version in force, its tasks, and the tasks amendments removed. */
export type PlanView = {
  planId: string
  name: string
  version: number
  label: string
  definition: PlanDefinition
  tasks: PlanTaskView[]
  removed: PlanTaskView[]
}

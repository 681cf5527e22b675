import type { AgencyKind, Report, TaskEntry, TaskStatus } from '../../core/index.ts'

// The records the store reads and writes, shared by the service, the CLI and the consolidated workbook.

/** An agency that may submit reports. */
export type AgencyRecord = { id: string; name: string; kind: AgencyKind }

/** A stored submission without its file or report. */
export type SubmissionRecord = {
  id: number
  agencyId: string
  period: string
  version: number
  submittedAt: string
  submittedBy: string | null
  fileName: string | null
  contentType: string
  fileHash: string
  fileSize: number
  planId: string | null
  tasks: number
  errors: number
  warnings: number
  score: number | null
  maxScore: number | null
  byStatus: Record<TaskStatus, number>
  source: SubmissionSource
}

/** What storing gave: the new version, or the one already holding identical content. */
export type StoredSubmission = SubmissionRecord & { duplicate: boolean }

/** One task row of a stored submission, as the consolidated workbook and the dashboard read it. */
export type StoredRow = {
  submissionId: number
  row: number
  stt: string | null
  level: number
  kind: TaskEntry['kind']
  section: string | null
  content: string
  deadlineText: string
  due: string | null
  status: TaskStatus | null
  progress: string
  doneDate: string | null
  achieved: string
  evidence: string
  targetMet: boolean | null
  score: number | null
  maxScore: number | null
  selfScore: number | null
}

/** A stored row as the store selects it: its columns in `StoredRow`'s order, `target_met` as 0 or 1. */
export type StoredRowValues = [
  submissionId: number,
  row: number,
  stt: string | null,
  level: number,
  kind: StoredRow['kind'],
  section: string | null,
  content: string,
  deadlineText: string,
  due: string | null,
  status: TaskStatus | null,
  progress: string,
  doneDate: string | null,
  achieved: string,
  evidence: string,
  targetMet: number | null,
  score: number | null,
  maxScore: number | null,
  selfScore: number | null,
]

/** The columns of `submission_rows` in `StoredRowValues`' order. */
export const storedRowColumns = `submission_id, row, stt, level, kind, section, content, deadline_text, due,
  status, progress, done_date, achieved, evidence, target_met, score, max_score, self_score`

/**
 * Reads stored rows from their values (the store selects arrays, a fifth faster than objects keyed by
 * column name), keeping one copy of each repeated text: every agency reports the plan's tasks in the
 * same words, so a quarter's 20,000 rows hold a few hundred distinct contents, deadlines and sections.
 */
export function createRowReader(): (values: StoredRowValues) => StoredRow {
  const texts = new Map<string, string>()
  const share = <T extends string | null>(text: T): T => {
    if (text === null) return text
    const seen = texts.get(text)
    if (seen !== undefined) return seen as T
    texts.set(text, text)
    return text
  }
  return (v) => ({
    submissionId: v[0],
    row: v[1],
    stt: share(v[2]),
    level: v[3],
    kind: share(v[4]),
    section: share(v[5]),
    content: share(v[6]),
    deadlineText: share(v[7]),
    due: share(v[8]),
    status: share(v[9]),
    progress: share(v[10]),
    doneDate: share(v[11]),
    achieved: share(v[12]),
    evidence: share(v[13]),
    targetMet: v[14] === null ? null : v[14] === 1,
    score: v[15],
    maxScore: v[16],
    selfScore: v[17],
  })
}

/** A report's rows as the store keeps them, so files and the server feed one builder. */
export function convertReportRows(report: Report, submissionId: number): StoredRow[] {
  return report.tasks.map((t) => ({
    submissionId,
    row: t.row,
    stt: t.stt,
    level: t.level,
    kind: t.kind,
    section: t.section,
    content: t.content,
    deadlineText: t.deadlineText,
    due: t.deadline?.due ?? null,
    status: t.status,
    progress: t.progress,
    doneDate: t.doneDate,
    achieved: t.achieved,
    evidence: t.evidence,
    targetMet: t.targetMet,
    score: t.score,
    maxScore: t.maxScore,
    selfScore: t.selfScore ?? null,
  }))
}

/**
 * A report ready for the store and the answer, serialized once (in the parse worker for uploads):
 * the thread that owns SQLite and answers requests then handles strings only, never the object graph.
 */
export type SerializedReport = {
  /** The report as stored and as answered, UTF-8 JSON. */
  json: Uint8Array
  tasks: number
  errors: number
  warnings: number
  score: number | null
  maxScore: number | null
  /** JSON of the count per status. */
  byStatus: string
}

/** Serializes a report for the store (see SerializedReport). */
export function serializeReport(report: Report): SerializedReport {
  const { summary } = report
  return {
    json: Buffer.from(JSON.stringify(report), 'utf8'),
    tasks: summary.tasks,
    errors: report.errorCount,
    warnings: report.warningCount,
    score: summary.score,
    maxScore: summary.maxScore,
    byStatus: JSON.stringify(summary.byStatus),
  }
}

export type NewSubmission = {
  agencyId: string
  period: string
  submittedAt: string
  submittedBy: string | null
  fileName: string | null
  contentType: string
  file: Uint8Array
  planId: string | null
  report: Report | SerializedReport
  /** Defaults to "add-in" for a JSON table, else "upload". */
  source?: SubmissionSource
}

/** The buffers of a serialized report, handed from a worker to the service thread without a copy. */
export function listReportBuffers(value: unknown): ArrayBuffer[] {
  const report = (value as { report?: Partial<SerializedReport> } | null)?.report
  return report?.json instanceof Uint8Array ? [report.json.buffer as ArrayBuffer] : []
}

/** How a submission reached the service. */
export const submissionSources = ['upload', 'add-in', 'google-sheet'] as const
export type SubmissionSource = (typeof submissionSources)[number]

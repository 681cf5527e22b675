import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

import {
  serializeReport,
  createRowReader,
  storedRowColumns,
  type AgencyRecord,
  type SubmissionRecord,
  type StoredSubmission,
  type StoredRow,
  type StoredRowValues,
  type NewSubmission,
  type SubmissionSource,
} from './types.ts'

import type { ReviewDecision, TaskStatus } from '../../core/index.ts'

/** A decision on a version as stored: `actor` names who decided as the security log does. */
export type ReviewRecord = {
  submissionId: number
  decision: ReviewDecision
  reason: string | null
  actor: string
  at: string
}

/** A view of the same bytes that better-sqlite3 binds (as a blob, cast to text in the SQL). */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

type SubmissionRow = {
  id: number
  agency_id: string
  period: string
  version: number
  submitted_at: string
  submitted_by: string | null
  file_name: string | null
  content_type: string
  file_hash: string
  file_size: number
  plan_id: string | null
  tasks: number
  errors: number
  warnings: number
  score: number | null
  max_score: number | null
  by_status: string
  source: SubmissionSource
}

const submissionColumns = `id, agency_id, period, version, submitted_at, submitted_by, file_name, content_type, file_hash,
  length(file) AS file_size, plan_id, tasks, errors, warnings, score, max_score, by_status, source`

function readSubmission(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    period: r.period,
    version: r.version,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    fileName: r.file_name,
    contentType: r.content_type,
    fileHash: r.file_hash,
    fileSize: r.file_size,
    planId: r.plan_id,
    tasks: r.tasks,
    errors: r.errors,
    warnings: r.warnings,
    score: r.score,
    maxScore: r.max_score,
    byStatus: JSON.parse(r.by_status) as Record<TaskStatus, number>,
    source: r.source,
  }
}

/** Agencies and submissions: every version with its report, its file and its task rows. */
export function createSubmissionStore(db: Database.Database) {
  const insertSubmission = db.prepare(`INSERT INTO submissions
    (agency_id, period, version, submitted_at, submitted_by, file_name, content_type, file_hash, file, plan_id, report,
     tasks, errors, warnings, score, max_score, by_status, source)
    VALUES (@agencyId, @period, @version, @submittedAt, @submittedBy, @fileName, @contentType, @fileHash, @file, @planId,
     CAST(@report AS TEXT), @tasks, @errors, @warnings, @score, @maxScore, @byStatus, @source)`)
  // A submission's task rows, read by SQLite from the stored report itself in one statement (the
  // same mapping as convertReportRows, which tests/server/store.test.ts holds it to).
  const insertRows = db.prepare(`INSERT INTO submission_rows
    (submission_id, row, stt, level, kind, section, content, deadline_text, due, status, progress, done_date, achieved,
     evidence, target_met, score, max_score, self_score)
    SELECT s.id, t.value ->> 'row', t.value ->> 'stt', t.value ->> 'level', t.value ->> 'kind',
      t.value ->> 'section', t.value ->> 'content', t.value ->> 'deadlineText', t.value ->> '$.deadline.due',
      t.value ->> 'status', t.value ->> 'progress', t.value ->> 'doneDate', t.value ->> 'achieved',
      t.value ->> 'evidence', t.value ->> 'targetMet', t.value ->> 'score', t.value ->> 'maxScore',
      t.value ->> 'selfScore'
    FROM submissions AS s, json_each(s.report, '$.tasks') AS t WHERE s.id = ?`)
  const nextVersion = db.prepare(
    'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM submissions WHERE agency_id = ? AND period = ?',
  )

  const findSame = db.prepare(
    'SELECT id FROM submissions WHERE agency_id = ? AND period = ? AND file_hash = ? LIMIT 1',
  )
  const addSubmission = db.transaction((s: NewSubmission): StoredSubmission => {
    const fileHash = createHash('sha256').update(s.file).digest('hex')
    // Identical content is stored once, even when two copies race each other here.
    const same = findSame.get(s.agencyId, s.period, fileHash) as { id: number } | undefined
    if (same) return { ...getSubmission(same.id)!, duplicate: true }
    const { v } = nextVersion.get(s.agencyId, s.period) as { v: number }
    const report = 'json' in s.report ? s.report : serializeReport(s.report)
    const info = insertSubmission.run({
      agencyId: s.agencyId,
      period: s.period,
      version: v,
      submittedAt: s.submittedAt,
      submittedBy: s.submittedBy,
      fileName: s.fileName,
      contentType: s.contentType,
      fileHash,
      file: toBuffer(s.file),
      planId: s.planId,
      report: toBuffer(report.json),
      tasks: report.tasks,
      errors: report.errors,
      warnings: report.warnings,
      score: report.score,
      maxScore: report.maxScore,
      byStatus: report.byStatus,
      source: s.source ?? (s.contentType === 'application/json' ? 'add-in' : 'upload'),
    })
    const id = Number(info.lastInsertRowid)
    insertRows.run(id)
    return { ...getSubmission(id)!, duplicate: false }
  })

  const selectReport = db.prepare('SELECT report FROM submissions WHERE id = ?')
  function readReportJson(id: number): string | null {
    return (selectReport.get(id) as { report: string } | undefined)?.report ?? null
  }

  function getSubmission(id: number): SubmissionRecord | null {
    const r = db.prepare(`SELECT ${submissionColumns} FROM submissions WHERE id = ?`).get(id) as
      SubmissionRow | undefined
    return r ? readSubmission(r) : null
  }

  const insertReview = db.prepare(
    'INSERT INTO submission_reviews (submission_id, decision, reason, actor, at) VALUES (?, ?, ?, ?, ?)',
  )
  const latestVersion = db.prepare(
    'SELECT MAX(version) AS v FROM submissions WHERE agency_id = ? AND period = ?',
  )
  /** Records a decision on the latest version of its agency and period; a later version is "superseded". */
  const addReview = db.transaction((r: ReviewRecord): ReviewRecord | 'superseded' | null => {
    const s = getSubmission(r.submissionId)
    if (!s) return null
    const { v } = latestVersion.get(s.agencyId, s.period) as { v: number }
    if (v !== s.version) return 'superseded'
    insertReview.run(r.submissionId, r.decision, r.reason, r.actor, r.at)
    return r
  })
  const reviewColumns = 'submission_id AS submissionId, decision, reason, actor, at'

  return {
    /** Accepts or returns a version (see addReview); null for an unknown submission. */
    addReview: (r: ReviewRecord) => addReview.immediate(r),
    /** The latest decision on each of the given submissions that has one. */
    listLatestReviews(submissionIds: number[]): Map<number, ReviewRecord> {
      if (submissionIds.length === 0) return new Map()
      const rows = db
        .prepare(
          `SELECT ${reviewColumns} FROM submission_reviews r
           WHERE id IN (SELECT MAX(id) FROM submission_reviews
                        WHERE submission_id IN (SELECT value FROM json_each(?)) GROUP BY submission_id)`,
        )
        .all(JSON.stringify(submissionIds)) as ReviewRecord[]
      return new Map(rows.map((r) => [r.submissionId, r]))
    },
    /** Every decision on the given submissions, oldest first: the audit trail of their review. */
    listReviews(submissionIds: number[]): ReviewRecord[] {
      if (submissionIds.length === 0) return []
      return db
        .prepare(
          `SELECT ${reviewColumns} FROM submission_reviews
           WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
        )
        .all(JSON.stringify(submissionIds)) as ReviewRecord[]
    },
    listAgencies(): AgencyRecord[] {
      return db
        .prepare('SELECT id, name, kind FROM agencies ORDER BY rowid')
        .all() as AgencyRecord[]
    },
    getAgency(id: string): AgencyRecord | null {
      return (
        (db.prepare('SELECT id, name, kind FROM agencies WHERE id = ?').get(id) as
          AgencyRecord | undefined) ?? null
      )
    },
    /** Adds an agency; false when the id is taken. */
    addAgency(agency: AgencyRecord, createdAt: string): boolean {
      const info = db
        .prepare('INSERT OR IGNORE INTO agencies (id, name, kind, created_at) VALUES (?, ?, ?, ?)')
        .run(agency.id, agency.name, agency.kind, createdAt)
      return info.changes === 1
    },

    /** Stores a submission, its report and its rows in one transaction, as the next version. */
    addSubmission: (s: NewSubmission): StoredSubmission => addSubmission.immediate(s),
    getSubmission,
    getSubmissionFile(
      id: number,
    ): { bytes: Buffer; contentType: string; fileName: string | null } | null {
      const r = db
        .prepare('SELECT file, content_type, file_name FROM submissions WHERE id = ?')
        .get(id) as { file: Buffer; content_type: string; file_name: string | null } | undefined
      return r ? { bytes: r.file, contentType: r.content_type, fileName: r.file_name } : null
    },
    /** The stored report as it was serialized (for answers that pass it on unchanged). */
    getSubmissionReportJson: readReportJson,
    listSubmissions(filter: {
      period?: string | null
      agencyId?: string | null
    }): SubmissionRecord[] {
      const rows = db
        .prepare(
          `SELECT ${submissionColumns} FROM submissions
           WHERE (@period IS NULL OR period = @period) AND (@agencyId IS NULL OR agency_id = @agencyId)
           ORDER BY id DESC LIMIT 1000`,
        )
        .all({
          period: filter.period ?? null,
          agencyId: filter.agencyId ?? null,
        }) as SubmissionRow[]
      return rows.map(readSubmission)
    },
    /** The latest version of each agency's submission for a period: the one that counts. */
    listLatest(period: string): SubmissionRecord[] {
      const rows = db
        .prepare(
          `SELECT ${submissionColumns} FROM submissions s
           WHERE period = ? AND version = (SELECT MAX(version) FROM submissions WHERE agency_id = s.agency_id AND period = s.period)
           ORDER BY agency_id`,
        )
        .all(period) as SubmissionRow[]
      return rows.map(readSubmission)
    },
    /** The stored rows of the given submissions, in sheet order. */
    listRows(submissionIds: number[]): StoredRow[] {
      if (submissionIds.length === 0) return []
      const values = db
        .prepare(
          // IN over the primary key reads rows in key order: no temporary sort (twice as fast as a join).
          `SELECT ${storedRowColumns} FROM submission_rows
           WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, row`,
        )
        .raw(true)
        .iterate(JSON.stringify(submissionIds)) as IterableIterator<StoredRowValues>
      // Row by row, not all(): each row's values and repeated texts become garbage at once instead of
      // surviving until the last row is read (garbage collection for a quarter's rows drops to a third).
      const read = createRowReader()
      const rows: StoredRow[] = []
      for (const v of values) rows.push(read(v))
      return rows
    },
    countSubmissions(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n
    },
  }
}

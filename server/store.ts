import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { createAccountStore } from './account-store.ts'
import { createTokenStore } from './token-store.ts'

export {
  computeTokenHash,
  createToken,
  isSameSecret,
  type Principal,
  type TokenRecord,
} from './token-store.ts'
import { createUsageStore } from './usage-store.ts'
import type { AgencyKind, Report, TaskEntry, TaskStatus } from '../core/index.ts'

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

export type NewSubmission = {
  agencyId: string
  period: string
  submittedAt: string
  submittedBy: string | null
  fileName: string | null
  contentType: string
  file: Uint8Array
  planId: string | null
  report: Report
  /** Defaults to "add-in" for a JSON table, else "upload". */
  source?: SubmissionSource
}

// Each entry upgrades the schema by one version (PRAGMA user_version); never edit a shipped entry.
const migrations = [
  `CREATE TABLE agencies (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY, agency_id TEXT REFERENCES agencies(id), role TEXT NOT NULL CHECK (role IN ('admin', 'agency')),
     hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
   CREATE TABLE submissions (
     id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL REFERENCES agencies(id), period TEXT NOT NULL,
     version INTEGER NOT NULL, submitted_at TEXT NOT NULL, submitted_by TEXT, file_name TEXT,
     content_type TEXT NOT NULL, file_hash TEXT NOT NULL, file BLOB NOT NULL, plan_id TEXT, report TEXT NOT NULL,
     tasks INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL, score REAL, max_score REAL,
     by_status TEXT NOT NULL, UNIQUE (agency_id, period, version));
   CREATE TABLE submission_rows (
     submission_id INTEGER NOT NULL REFERENCES submissions(id), row INTEGER NOT NULL, stt TEXT, level INTEGER NOT NULL,
     kind TEXT NOT NULL, section TEXT, content TEXT NOT NULL, deadline_text TEXT NOT NULL, due TEXT, status TEXT,
     progress TEXT NOT NULL, done_date TEXT, achieved TEXT NOT NULL, evidence TEXT NOT NULL, target_met INTEGER,
     score REAL, max_score REAL, PRIMARY KEY (submission_id, row));
   CREATE INDEX submissions_by_period ON submissions (period, agency_id, version);`,
  // Where each submission came from, and each agency's Google Sheet with its last pull (server/sheet-store.ts).
  `ALTER TABLE submissions ADD COLUMN source TEXT NOT NULL DEFAULT 'upload';
   UPDATE submissions SET source = 'add-in' WHERE content_type = 'application/json';
   CREATE TABLE agency_sheets (
     agency_id TEXT PRIMARY KEY REFERENCES agencies(id), url TEXT NOT NULL, updated_at TEXT NOT NULL,
     pulled_at TEXT, pull_period TEXT, pull_error TEXT, pull_submission_id INTEGER);`,
  // Accounts, sessions, the security log, token labels and expiry (server/account-store.ts, token-store.ts).
  `ALTER TABLE tokens ADD COLUMN label TEXT;
   ALTER TABLE tokens ADD COLUMN expires_at TEXT;
   ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
   CREATE TABLE users (
     id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     role TEXT NOT NULL CHECK (role IN ('admin', 'agency')), agency_id TEXT REFERENCES agencies(id),
     password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT,
     CHECK (role = 'admin' OR agency_id IS NOT NULL));
   CREATE TABLE sessions (
     hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), csrf TEXT NOT NULL,
     created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL);
   CREATE TABLE security_log (
     id INTEGER PRIMARY KEY, time TEXT NOT NULL, event TEXT NOT NULL, actor TEXT, ip TEXT, detail TEXT);
   CREATE INDEX submissions_by_hash ON submissions (agency_id, period, file_hash);`,
  // The agency's own score per row, for the cross-check of self-scores against achieved values.
  `ALTER TABLE submission_rows ADD COLUMN self_score REAL;`,
]

/** How a submission reached the service. */
export const submissionSources = ['upload', 'add-in', 'google-sheet'] as const
export type SubmissionSource = (typeof submissionSources)[number]

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

/** The SQLite store: agencies, hashed tokens, every submission version with its report and rows. */
export type Store = ReturnType<typeof createStore>

/** Opens (creating and migrating) the database file; `:memory:` for a throwaway store. */
export function createStore(path: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  // FULL: an acknowledged submission survives a power cut, not only a crash (the bench measures the cost).
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }

  const insertSubmission = db.prepare(`INSERT INTO submissions
    (agency_id, period, version, submitted_at, submitted_by, file_name, content_type, file_hash, file, plan_id, report,
     tasks, errors, warnings, score, max_score, by_status, source)
    VALUES (@agencyId, @period, @version, @submittedAt, @submittedBy, @fileName, @contentType, @fileHash, @file, @planId,
     @report, @tasks, @errors, @warnings, @score, @maxScore, @byStatus, @source)`)
  const insertRow = db.prepare(`INSERT INTO submission_rows
    (submission_id, row, stt, level, kind, section, content, deadline_text, due, status, progress, done_date, achieved,
     evidence, target_met, score, max_score, self_score)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
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
    const { summary } = s.report
    const info = insertSubmission.run({
      agencyId: s.agencyId,
      period: s.period,
      version: v,
      submittedAt: s.submittedAt,
      submittedBy: s.submittedBy,
      fileName: s.fileName,
      contentType: s.contentType,
      fileHash,
      file: Buffer.from(s.file.buffer, s.file.byteOffset, s.file.byteLength),
      planId: s.planId,
      report: JSON.stringify(s.report),
      tasks: summary.tasks,
      errors: s.report.errorCount,
      warnings: s.report.warningCount,
      score: summary.score,
      maxScore: summary.maxScore,
      byStatus: JSON.stringify(summary.byStatus),
      source: s.source ?? (s.contentType === 'application/json' ? 'add-in' : 'upload'),
    })
    const id = Number(info.lastInsertRowid)
    for (const r of convertReportRows(s.report, id)) {
      insertRow.run(
        id,
        r.row,
        r.stt,
        r.level,
        r.kind,
        r.section,
        r.content,
        r.deadlineText,
        r.due,
        r.status,
        r.progress,
        r.doneDate,
        r.achieved,
        r.evidence,
        r.targetMet === null ? null : Number(r.targetMet),
        r.score,
        r.maxScore,
        r.selfScore,
      )
    }
    return { ...getSubmission(id)!, duplicate: false }
  })

  function getSubmission(id: number): SubmissionRecord | null {
    const r = db.prepare(`SELECT ${submissionColumns} FROM submissions WHERE id = ?`).get(id) as
      SubmissionRow | undefined
    return r ? readSubmission(r) : null
  }

  return {
    db,
    close: () => db.close(),
    ...createTokenStore(db),
    ...createAccountStore(db),
    ...createUsageStore(db),

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
    getSubmissionReport(id: number): Report | null {
      const r = db.prepare('SELECT report FROM submissions WHERE id = ?').get(id) as
        { report: string } | undefined
      return r ? (JSON.parse(r.report) as Report) : null
    },
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
      const rows = db
        .prepare(
          // IN over the primary key reads rows in key order: no temporary sort (twice as fast as a join).
          `SELECT * FROM submission_rows WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, row`,
        )
        .all(JSON.stringify(submissionIds)) as Record<string, unknown>[]
      return rows.map((r) => ({
        submissionId: r.submission_id as number,
        row: r.row as number,
        stt: r.stt as string | null,
        level: r.level as number,
        kind: r.kind as StoredRow['kind'],
        section: r.section as string | null,
        content: r.content as string,
        deadlineText: r.deadline_text as string,
        due: r.due as string | null,
        status: r.status as TaskStatus | null,
        progress: r.progress as string,
        doneDate: r.done_date as string | null,
        achieved: r.achieved as string,
        evidence: r.evidence as string,
        targetMet: r.target_met === null ? null : r.target_met === 1,
        score: r.score as number | null,
        maxScore: r.max_score as number | null,
        selfScore: (r.self_score ?? null) as number | null,
      }))
    },
    countSubmissions(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n
    },
    /** A consistent copy of the live database (SQLite online backup). */
    backup(destination: string): Promise<unknown> {
      mkdirSync(dirname(destination), { recursive: true })
      return db.backup(destination)
    },
  }
}

// The SQLite schema of the service's database, as migrations applied in order by createStore.

// Each entry upgrades the schema by one version (PRAGMA user_version); never edit a shipped entry.
export const migrations = [
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
  // Where each submission came from, and each agency's Google Sheet with its last pull (server/store/sheets.ts).
  `ALTER TABLE submissions ADD COLUMN source TEXT NOT NULL DEFAULT 'upload';
   UPDATE submissions SET source = 'add-in' WHERE content_type = 'application/json';
   CREATE TABLE agency_sheets (
     agency_id TEXT PRIMARY KEY REFERENCES agencies(id), url TEXT NOT NULL, updated_at TEXT NOT NULL,
     pulled_at TEXT, pull_period TEXT, pull_error TEXT, pull_submission_id INTEGER);`,
  // Accounts, sessions, the security log, token labels and expiry (server/store/accounts.ts, tokens.ts).
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
  // A period's submissions listed from the index alone: the counts lie after the report (hundreds of KB) in
  // each table row, so reading them from the table walks every report's overflow pages (30 ms for 130 agencies).
  `DROP INDEX submissions_by_period;
   CREATE INDEX submissions_by_period_listed ON submissions (period, agency_id, version, submitted_at,
     submitted_by, file_name, content_type, file_hash, plan_id, tasks, errors, warnings, score, max_score, by_status, source);`,
  // Issue 22, a report's life: Sở Nội vụ accepts a version or returns it for correction with a reason;
  // every decision is kept (the audit trail), the latest one of a version counts (server/store/submissions.ts).
  `CREATE TABLE submission_reviews (
     id INTEGER PRIMARY KEY, submission_id INTEGER NOT NULL REFERENCES submissions(id),
     decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')), reason TEXT,
     actor TEXT NOT NULL, at TEXT NOT NULL, CHECK (decision = 'accepted' OR reason IS NOT NULL));
   CREATE INDEX submission_reviews_by_submission ON submission_reviews (submission_id, id);`,
]

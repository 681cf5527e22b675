// The SQLite schema of the service's database, as migrations applied in order by createStore.

// The spreadsheet id inside a stored Google Sheets link (or a bare id), as SQL: the text after "/d/"
// up to the next "/", "#" or "?". Only the migration that added the column needs it.
const cut = (expr: string, stop: string) =>
  `CASE WHEN instr(${expr}, '${stop}') > 0 THEN substr(${expr}, 1, instr(${expr}, '${stop}') - 1) ELSE ${expr} END`
const spreadsheetIdOfUrl = cut(
  cut(
    cut(
      `CASE WHEN instr(url, '/d/') > 0 THEN substr(url, instr(url, '/d/') + 3) ELSE url END`,
      '/',
    ),
    '#',
  ),
  '?',
)

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
  // Issue 20 (security): who minted a token (its parent token, its account), browsers that signed in
  // before (a lock-out lets their owner through), parses refused or timed out (charged to the agency's
  // quota), and one spreadsheet per agency: links other than Google Sheets' own are dropped, a second
  // agency holding the same spreadsheet becomes a request waiting for the admin, changes wait there too.
  `ALTER TABLE tokens ADD COLUMN parent_id TEXT;
   ALTER TABLE tokens ADD COLUMN user_id INTEGER;
   CREATE INDEX tokens_by_parent ON tokens (parent_id);
   CREATE INDEX tokens_by_user ON tokens (user_id);
   CREATE TABLE known_devices (
     hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL,
     last_used_at TEXT NOT NULL);
   CREATE INDEX known_devices_by_user ON known_devices (user_id);
   CREATE INDEX sessions_by_user ON sessions (user_id);
   CREATE TABLE intake_failures (
     id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL, at TEXT NOT NULL, bytes INTEGER NOT NULL, code TEXT NOT NULL);
   CREATE INDEX intake_failures_by_agency ON intake_failures (agency_id, at);
   ALTER TABLE agency_sheets ADD COLUMN spreadsheet_id TEXT;
   UPDATE agency_sheets SET spreadsheet_id = ${spreadsheetIdOfUrl};
   DELETE FROM agency_sheets
     WHERE length(spreadsheet_id) < 20 OR spreadsheet_id GLOB '*[^-A-Za-z0-9_]*';
   UPDATE agency_sheets SET url = 'https://docs.google.com/spreadsheets/d/' || spreadsheet_id || '/edit'
     WHERE substr(url, 1, 39 + length(spreadsheet_id)) <> 'https://docs.google.com/spreadsheets/d/' || spreadsheet_id;
   CREATE TABLE sheet_requests (
     agency_id TEXT PRIMARY KEY REFERENCES agencies(id), url TEXT, spreadsheet_id TEXT,
     requested_at TEXT NOT NULL, requested_by TEXT);
   INSERT INTO sheet_requests (agency_id, url, spreadsheet_id, requested_at, requested_by)
     SELECT agency_id, url, spreadsheet_id, updated_at, NULL FROM agency_sheets s
     WHERE EXISTS (SELECT 1 FROM agency_sheets o WHERE o.spreadsheet_id = s.spreadsheet_id AND o.rowid < s.rowid);
   DELETE FROM agency_sheets WHERE agency_id IN (SELECT agency_id FROM sheet_requests);
   CREATE UNIQUE INDEX agency_sheets_by_spreadsheet ON agency_sheets (spreadsheet_id);`,
  // Plans imported and published in the service (server/store/plans.ts): drafts being corrected, and
  // each plan's versions (the first issue, then one per amendment) with the changes each made.
  `CREATE TABLE plan_drafts (
     id INTEGER PRIMARY KEY, plan_id TEXT NOT NULL, definition TEXT NOT NULL, reading TEXT, file_name TEXT,
     created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL);
   CREATE TABLE plan_versions (
     plan_id TEXT NOT NULL, version INTEGER NOT NULL, year INTEGER NOT NULL, name TEXT NOT NULL,
     effective_from TEXT NOT NULL, changes TEXT NOT NULL, published_at TEXT NOT NULL, published_by TEXT,
     definition TEXT NOT NULL, PRIMARY KEY (plan_id, version));`,
]

import type Database from 'better-sqlite3'

/** An agency's registered Google Sheet and how its last pull went. */
export type AgencySheet = {
  agencyId: string
  url: string
  updatedAt: string
  pulledAt: string | null
  pullPeriod: string | null
  pullError: string | null
  pullSubmissionId: number | null
}

type Row = {
  agency_id: string
  url: string
  updated_at: string
  pulled_at: string | null
  pull_period: string | null
  pull_error: string | null
  pull_submission_id: number | null
}

function readRow(r: Row): AgencySheet {
  return {
    agencyId: r.agency_id,
    url: r.url,
    updatedAt: r.updated_at,
    pulledAt: r.pulled_at,
    pullPeriod: r.pull_period,
    pullError: r.pull_error,
    pullSubmissionId: r.pull_submission_id,
  }
}

/** The store's Google Sheets tables (created by the store's migrations): registrations and pulls. */
export function createSheetStore(db: Database.Database) {
  return {
    /** Registers (or replaces) an agency's sheet; null removes it. */
    setSheet(agencyId: string, url: string | null, at: string): void {
      if (url === null) db.prepare('DELETE FROM agency_sheets WHERE agency_id = ?').run(agencyId)
      else
        db.prepare(
          `INSERT INTO agency_sheets (agency_id, url, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (agency_id) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at`,
        ).run(agencyId, url, at)
    },
    getSheet(agencyId: string): AgencySheet | null {
      const r = db.prepare('SELECT * FROM agency_sheets WHERE agency_id = ?').get(agencyId) as
        Row | undefined
      return r ? readRow(r) : null
    },
    listSheets(): AgencySheet[] {
      return (
        db
          .prepare(
            'SELECT s.* FROM agency_sheets s JOIN agencies a ON a.id = s.agency_id ORDER BY a.rowid',
          )
          .all() as Row[]
      ).map(readRow)
    },
    /** Records how an agency's pull ended: its submission, or the error (nothing else is stored). */
    recordPull(
      agencyId: string,
      pull: { at: string; period: string; submissionId: number | null; error: string | null },
    ): void {
      db.prepare(
        `UPDATE agency_sheets SET pulled_at = ?, pull_period = ?, pull_error = ?, pull_submission_id = ?
         WHERE agency_id = ?`,
      ).run(pull.at, pull.period, pull.error, pull.submissionId, agencyId)
    },
  }
}

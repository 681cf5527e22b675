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

/** A sheet as it is registered: Google's link (canonical) and the spreadsheet id inside it. */
export type SheetLink = { url: string; spreadsheetId: string }

/** An agency's change of its sheet, waiting for an admin (`url` null: the agency asks to remove it). */
export type SheetRequest = {
  agencyId: string
  url: string | null
  requestedAt: string
  requestedBy: string | null
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

const requestColumns =
  'agency_id AS agencyId, url, requested_at AS requestedAt, requested_by AS requestedBy'

/**
 * The store's Google Sheets tables (created by the store's migrations): registrations, the changes
 * agencies asked for, and pulls. A spreadsheet id belongs to one agency (a unique index holds it).
 */
export function createSheetStore(db: Database.Database) {
  const selectOwner = db.prepare('SELECT agency_id FROM agency_sheets WHERE spreadsheet_id = ?')
  return {
    /**
     * Registers (or replaces) an agency's sheet, null removes it; any change the agency asked for is
     * settled by it. False (nothing changed) when another agency holds the spreadsheet.
     */
    setSheet(agencyId: string, link: SheetLink | null, at: string): boolean {
      return db.transaction(() => {
        if (link) {
          const owner = selectOwner.get(link.spreadsheetId) as { agency_id: string } | undefined
          if (owner && owner.agency_id !== agencyId) return false
        }
        db.prepare('DELETE FROM sheet_requests WHERE agency_id = ?').run(agencyId)
        if (link === null) db.prepare('DELETE FROM agency_sheets WHERE agency_id = ?').run(agencyId)
        else
          db.prepare(
            `INSERT INTO agency_sheets (agency_id, url, spreadsheet_id, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (agency_id) DO UPDATE SET url = excluded.url,
               spreadsheet_id = excluded.spreadsheet_id, updated_at = excluded.updated_at`,
          ).run(agencyId, link.url, link.spreadsheetId, at)
        return true
      })()
    },
    /** The agency holding a spreadsheet, or null. */
    findSheetOwner(spreadsheetId: string): string | null {
      return (
        (selectOwner.get(spreadsheetId) as { agency_id: string } | undefined)?.agency_id ?? null
      )
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
    /** Records an agency's change (replacing an earlier one) until an admin approves or discards it. */
    requestSheet(agencyId: string, link: SheetLink | null, at: string, by: string | null): void {
      db.prepare(
        `INSERT INTO sheet_requests (agency_id, url, spreadsheet_id, requested_at, requested_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (agency_id) DO UPDATE SET url = excluded.url, spreadsheet_id = excluded.spreadsheet_id,
           requested_at = excluded.requested_at, requested_by = excluded.requested_by`,
      ).run(agencyId, link?.url ?? null, link?.spreadsheetId ?? null, at, by)
    },
    /** The change an agency asked for, with its spreadsheet id, or null. */
    getSheetRequest(agencyId: string): (SheetRequest & { spreadsheetId: string | null }) | null {
      return (
        (db
          .prepare(
            `SELECT ${requestColumns}, spreadsheet_id AS spreadsheetId FROM sheet_requests WHERE agency_id = ?`,
          )
          .get(agencyId) as (SheetRequest & { spreadsheetId: string | null }) | undefined) ?? null
      )
    },
    listSheetRequests(): SheetRequest[] {
      return db
        .prepare(`SELECT ${requestColumns} FROM sheet_requests ORDER BY requested_at`)
        .all() as SheetRequest[]
    },
    /** Discards an agency's waiting change; false when there was none. */
    deleteSheetRequest(agencyId: string): boolean {
      return (
        db.prepare('DELETE FROM sheet_requests WHERE agency_id = ?').run(agencyId).changes === 1
      )
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

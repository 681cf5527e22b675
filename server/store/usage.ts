import type Database from 'better-sqlite3'

/** What an agency used, over all periods: what its quotas count. */
export type AgencyUsage = {
  /** Versions stored and parses refused or timed out since the time asked for. */
  attemptsSince: number
  /** Bytes stored (file and report) and bytes of failed parses since then. */
  bytesSince: number
  /** Bytes of every version kept. */
  bytes: number
}

/** Per-agency usage: what quotas count, and the disk the database takes. */
export function createUsageStore(db: Database.Database) {
  // Run before every upload; prepared once. octet_length reads the stored sizes, not the contents.
  const selectUsage = db.prepare(
    `SELECT
       COALESCE(SUM(submitted_at >= @since), 0)
         + (SELECT COUNT(*) FROM intake_failures WHERE agency_id = @agencyId AND at >= @since) AS attemptsSince,
       COALESCE(SUM(CASE WHEN submitted_at >= @since THEN octet_length(file) + octet_length(report) END), 0)
         + (SELECT COALESCE(SUM(bytes), 0) FROM intake_failures WHERE agency_id = @agencyId AND at >= @since)
         AS bytesSince,
       COALESCE(SUM(octet_length(file) + octet_length(report)), 0) AS bytes
     FROM submissions WHERE agency_id = @agencyId`,
  )
  const selectSame = db.prepare(
    'SELECT id FROM submissions WHERE agency_id = ? AND period = ? AND file_hash = ? ORDER BY version DESC LIMIT 1',
  )
  const insertFailure = db.prepare(
    'INSERT INTO intake_failures (agency_id, at, bytes, code) VALUES (?, ?, ?, ?)',
  )
  const pruneFailures = db.prepare('DELETE FROM intake_failures WHERE at < ?')
  return {
    /** An agency's usage over all its periods, counting from `since` for the hourly quotas. */
    readAgencyUsage(agencyId: string, since: string): AgencyUsage {
      return selectUsage.get({ agencyId, since }) as AgencyUsage
    },
    /**
     * Charges a parse that was refused or ran out of time to its agency (it cost a worker as much as a
     * stored version); failures older than a day are forgotten.
     */
    addIntakeFailure(failure: { agencyId: string; at: string; bytes: number; code: string }): void {
      const dayBefore = new Date(Date.parse(failure.at) - 86_400_000).toISOString()
      pruneFailures.run(dayBefore)
      insertFailure.run(failure.agencyId, failure.at, failure.bytes, failure.code)
    },
    /** The stored version with identical content, if any: a re-upload is stored once. */
    findSameSubmission(agencyId: string, period: string, fileHash: string): number | null {
      const r = selectSame.get(agencyId, period, fileHash) as { id: number } | undefined
      return r?.id ?? null
    },
    /** The database's size on disk and each agency's stored bytes, largest first. */
    readDiskUsage(): {
      databaseBytes: number
      agencies: { agencyId: string; submissions: number; bytes: number }[]
    } {
      const pages = db.pragma('page_count', { simple: true }) as number
      const size = db.pragma('page_size', { simple: true }) as number
      const agencies = db
        .prepare(
          `SELECT agency_id AS agencyId, COUNT(*) AS submissions, SUM(length(file) + length(report)) AS bytes
           FROM submissions GROUP BY agency_id ORDER BY bytes DESC`,
        )
        .all() as { agencyId: string; submissions: number; bytes: number }[]
      return { databaseBytes: pages * size, agencies }
    },
  }
}

import type Database from 'better-sqlite3'

/** Per-agency usage: what quotas count, and the disk the database takes. */
export function createUsageStore(db: Database.Database) {
  // Run before every upload; prepared once. octet_length reads the stored sizes, not the contents.
  const selectUsage = db.prepare(
    `SELECT COALESCE(SUM(submitted_at >= @since), 0) AS versionsSince,
       COALESCE(SUM(octet_length(file) + octet_length(report)), 0) AS bytes
     FROM submissions WHERE agency_id = @agencyId AND period = @period`,
  )
  const selectSame = db.prepare(
    'SELECT id FROM submissions WHERE agency_id = ? AND period = ? AND file_hash = ? ORDER BY version DESC LIMIT 1',
  )
  return {
    /** Versions an agency stored for a period since a time, and the bytes of all its versions for that period. */
    readAgencyUsage(
      agencyId: string,
      period: string,
      since: string,
    ): { versionsSince: number; bytes: number } {
      return selectUsage.get({ agencyId, period, since }) as {
        versionsSince: number
        bytes: number
      }
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

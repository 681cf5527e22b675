import Database from 'better-sqlite3'

/**
 * Whether a database failure only means another connection (a backup, `cchc agency …`, another
 * process) holds the lock: the service answers `store/busy` and retries nothing on the thread that
 * answers requests.
 */
export function isBusyError(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code)
}

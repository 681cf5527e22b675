import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { createAccountStore } from './accounts.ts'
import { migrations } from './schema.ts'
import { createSheetStore } from './sheets.ts'
import { createSubmissionStore } from './submissions.ts'
import { createTokenStore } from './tokens.ts'
import { createUsageStore } from './usage.ts'

export {
  computeTokenHash,
  createToken,
  isSameSecret,
  type Principal,
  type TokenRecord,
} from './tokens.ts'
export type { UserRecord, SessionRecord, SecurityEvent } from './accounts.ts'
export type { AgencySheet } from './sheets.ts'
export type { ReviewRecord } from './submissions.ts'
export {
  convertReportRows,
  serializeReport,
  submissionSources,
  type AgencyRecord,
  type SubmissionRecord,
  type StoredSubmission,
  type StoredRow,
  type NewSubmission,
  type SerializedReport,
  type SubmissionSource,
} from './types.ts'

/** The SQLite store: agencies, submissions, tokens, accounts, usage and Google Sheets, over one file. */
export type Store = ReturnType<typeof createStore>

/**
 * Opens (creating and migrating) the database file; `:memory:` for a throwaway store. The database
 * handle stays inside: callers get the store's operations and `transaction`, never SQL.
 */
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
  return {
    ...createSubmissionStore(db),
    ...createTokenStore(db),
    ...createAccountStore(db),
    ...createUsageStore(db),
    ...createSheetStore(db),
    /** Wraps `fn` in a transaction (a savepoint when nested); `.immediate` takes the write lock first. */
    transaction<A extends unknown[], R>(fn: (...args: A) => R) {
      return db.transaction(fn)
    },
    /** Whether a transaction is open (for the group commit's tests). */
    isInTransaction: (): boolean => db.inTransaction,
    /** A consistent copy of the live database (SQLite online backup). */
    backup(destination: string): Promise<unknown> {
      mkdirSync(dirname(destination), { recursive: true })
      return db.backup(destination)
    },
    close: () => db.close(),
  }
}

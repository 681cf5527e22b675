import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { createAccountStore } from './accounts.ts'
import { migrations } from './schema.ts'
import { createPlanStore } from './plans.ts'
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
export type { AgencySheet, SheetLink, SheetRequest } from './sheets.ts'
export { isBusyError } from './busy.ts'
export type { PlanDraftRecord, PlanVersionRecord } from './plans.ts'
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
 * handle stays inside: callers get the store's operations and `transaction`, never SQL. `readonly`
 * opens an existing, migrated file for reading only (a worker building an answer off the service's
 * thread): nothing is created, migrated or set that would write, and any write fails.
 */
export function createStore(
  path: string,
  options: { synchronous?: 'FULL' | 'NORMAL'; busyTimeoutMs?: number; readonly?: boolean } = {},
) {
  const db = options.readonly ? openReadonly(path) : openWritable(path, options)
  // How long a statement then waits for a lock held by another connection, blocking its thread: the
  // CLI waits; the service passes a short wait and answers `store/busy` (its thread answers everyone).
  if (options.busyTimeoutMs !== undefined)
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs))}`)
  return {
    ...createSubmissionStore(db),
    ...createTokenStore(db),
    ...createAccountStore(db),
    ...createUsageStore(db),
    ...createSheetStore(db),
    ...createPlanStore(db),
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
    /** The database file, or null for an in-memory store (which no other thread can open). */
    file: path === ':memory:' || path === '' ? null : resolve(path),
    close: () => db.close(),
  }
}

/** The database file opened for writing: created, in WAL mode, migrated to the current schema. */
function openWritable(path: string, options: { synchronous?: 'FULL' | 'NORMAL' }) {
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
  return db
}

/** An existing database opened read-only; its schema must be the current one (the service migrated it). */
function openReadonly(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const current = db.pragma('user_version', { simple: true }) as number
  if (current !== migrations.length) {
    db.close()
    throw new Error(`schema ${current}, expected ${migrations.length}: open it for writing first`)
  }
  return db
}

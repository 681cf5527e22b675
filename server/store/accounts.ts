import type Database from 'better-sqlite3'
import { isBusyError } from './busy.ts'

/** A person's account (never its password hash). */
export type UserRecord = {
  id: number
  email: string
  role: 'admin' | 'agency'
  agencyId: string | null
  createdAt: string
  disabledAt: string | null
}

/** A signed-in browser session, found by the hash of its cookie. */
export type SessionRecord = {
  hash: string
  csrf: string
  createdAt: string
  lastSeenAt: string
  user: UserRecord
}

/** One line of the security log. */
export type SecurityEvent = {
  id: number
  time: string
  event: string
  actor: string | null
  ip: string | null
  detail: string | null
}

const userColumns = `id, email, role, agency_id AS agencyId, created_at AS createdAt, disabled_at AS disabledAt`

/** Sessions and known browsers kept per account: a new one beyond these ends the oldest. */
export const perUserLimits = { sessions: 10, devices: 10 }

/** Accounts, sessions and the security log. */
export function createAccountStore(db: Database.Database) {
  return {
    /** Adds an account; false when the email is taken. */
    addUser(
      user: {
        email: string
        role: 'admin' | 'agency'
        agencyId: string | null
        passwordHash: string
      },
      createdAt: string,
    ): boolean {
      return (
        db
          .prepare(
            'INSERT OR IGNORE INTO users (email, role, agency_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(user.email, user.role, user.agencyId, user.passwordHash, createdAt).changes === 1
      )
    },
    /** Replaces an account's password; its sessions end. */
    setUserPassword(email: string, passwordHash: string): boolean {
      const user = db.prepare('SELECT id FROM users WHERE email = ?').get(email) as
        { id: number } | undefined
      if (!user) return false
      db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, user.id)
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id)
      // A new password makes every browser sign in anew before it is trusted past a lock-out.
      db.prepare('DELETE FROM known_devices WHERE user_id = ?').run(user.id)
      return true
    },
    /**
     * Locks (a time) or unlocks (null) an account; locking ends its sessions. The account, or null
     * when there is none.
     */
    setUserDisabled(email: string, disabledAt: string | null): UserRecord | null {
      const user = db.prepare(`SELECT ${userColumns} FROM users WHERE email = ?`).get(email) as
        UserRecord | undefined
      if (!user) return null
      // Locking a locked account keeps the time it was first locked.
      const next = disabledAt ? (user.disabledAt ?? disabledAt) : null
      db.transaction(() => {
        db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(next, user.id)
        if (!next) return
        db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id)
        db.prepare('DELETE FROM known_devices WHERE user_id = ?').run(user.id)
        // The tokens the person minted (and those minted from them) end with the account.
        db.prepare(
          `WITH RECURSIVE tree(id) AS (
             SELECT id FROM tokens WHERE user_id = @user
             UNION SELECT t.id FROM tokens t JOIN tree ON t.parent_id = tree.id)
           UPDATE tokens SET revoked_at = @at WHERE id IN tree AND revoked_at IS NULL`,
        ).run({ user: user.id, at: next })
      })()
      return { ...user, disabledAt: next }
    },
    /** An account (never its password hash), or null. */
    findUser(email: string): UserRecord | null {
      return (
        (db.prepare(`SELECT ${userColumns} FROM users WHERE email = ?`).get(email) as
          UserRecord | undefined) ?? null
      )
    },
    listUsers(): UserRecord[] {
      return db.prepare(`SELECT ${userColumns} FROM users ORDER BY id`).all() as UserRecord[]
    },
    /** An account with its password hash, for signing in. */
    findUserForLogin(email: string): (UserRecord & { passwordHash: string }) | null {
      return (
        (db
          .prepare(
            `SELECT ${userColumns}, password_hash AS passwordHash FROM users WHERE email = ?`,
          )
          .get(email) as (UserRecord & { passwordHash: string }) | undefined) ?? null
      )
    },
    /** Starts a session; an account keeps at most `perUserLimits.sessions` (the oldest end). */
    addSession(hash: string, userId: number, csrf: string, now: string): void {
      db.transaction(() => {
        db.prepare(
          'INSERT INTO sessions (hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
        ).run(hash, userId, csrf, now, now)
        db.prepare(
          `DELETE FROM sessions WHERE user_id = @user AND hash NOT IN (
             SELECT hash FROM sessions WHERE user_id = @user ORDER BY created_at DESC, rowid DESC LIMIT @keep)`,
        ).run({ user: userId, keep: perUserLimits.sessions })
      })()
    },
    findSession(hash: string): SessionRecord | null {
      const r = db
        .prepare(
          `SELECT s.hash, s.csrf, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
             u.id, u.email, u.role, u.agency_id AS agencyId, u.created_at AS userCreatedAt, u.disabled_at AS disabledAt
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ?`,
        )
        .get(hash) as
        (Omit<SessionRecord, 'user'> & UserRecord & { userCreatedAt: string }) | undefined
      if (!r) return null
      return {
        hash: r.hash,
        csrf: r.csrf,
        createdAt: r.createdAt,
        lastSeenAt: r.lastSeenAt,
        user: {
          id: r.id,
          email: r.email,
          role: r.role,
          agencyId: r.agencyId,
          createdAt: r.userCreatedAt,
          disabledAt: r.disabledAt,
        },
      }
    },
    /** Moves a session's idle clock; a database locked elsewhere only skips the note. */
    touchSession(hash: string, now: string): void {
      try {
        db.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?').run(now, hash)
      } catch (error) {
        if (!isBusyError(error)) throw error
      }
    },
    deleteSession(hash: string): void {
      db.prepare('DELETE FROM sessions WHERE hash = ?').run(hash)
    },
    /**
     * Drops sessions idle or older than allowed, and those dated after `datedAfter` (a clock set back,
     * a copied database): a date in the future never counts as recent.
     */
    deleteExpiredSessions(idleBefore: string, createdBefore: string, datedAfter: string): number {
      return db
        .prepare(
          `DELETE FROM sessions WHERE last_seen_at < @idle OR created_at < @created
             OR created_at > @future OR last_seen_at > @future`,
        )
        .run({ idle: idleBefore, created: createdBefore, future: datedAfter }).changes
    },
    countSessions(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n
    },

    /** Remembers a browser that signed in to an account (its cookie's hash); the oldest beyond the limit go. */
    addDevice(hash: string, userId: number, now: string): void {
      db.transaction(() => {
        db.prepare(
          'INSERT OR REPLACE INTO known_devices (hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
        ).run(hash, userId, now, now)
        db.prepare(
          `DELETE FROM known_devices WHERE user_id = @user AND hash NOT IN (
             SELECT hash FROM known_devices WHERE user_id = @user ORDER BY last_used_at DESC LIMIT @keep)`,
        ).run({ user: userId, keep: perUserLimits.devices })
      })()
    },
    /** The account a known browser signed in to, or null. */
    findDevice(hash: string): number | null {
      const r = db.prepare('SELECT user_id FROM known_devices WHERE hash = ?').get(hash) as
        { user_id: number } | undefined
      return r?.user_id ?? null
    },

    addSecurityEvent(e: Omit<SecurityEvent, 'id'>): void {
      db.prepare(
        'INSERT INTO security_log (time, event, actor, ip, detail) VALUES (?, ?, ?, ?, ?)',
      ).run(e.time, e.event, e.actor, e.ip, e.detail)
    },
    listSecurityEvents(limit = 200): SecurityEvent[] {
      return db
        .prepare('SELECT * FROM security_log ORDER BY id DESC LIMIT ?')
        .all(Math.min(Math.max(limit, 1), 1000)) as SecurityEvent[]
    },
  }
}

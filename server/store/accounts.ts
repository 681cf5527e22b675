import type Database from 'better-sqlite3'

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
      db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(next, user.id)
      if (next) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id)
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
    addSession(hash: string, userId: number, csrf: string, now: string): void {
      db.prepare(
        'INSERT INTO sessions (hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      ).run(hash, userId, csrf, now, now)
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
    touchSession(hash: string, now: string): void {
      db.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?').run(now, hash)
    },
    deleteSession(hash: string): void {
      db.prepare('DELETE FROM sessions WHERE hash = ?').run(hash)
    },
    /** Drops sessions idle or older than allowed. */
    deleteExpiredSessions(idleBefore: string, createdBefore: string): number {
      return db
        .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
        .run(idleBefore, createdBefore).changes
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

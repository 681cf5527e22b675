import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'

/** Who a request comes from: a token's or a signed-in user's role, agency and (for a user) email. */
export type Principal =
  | { role: 'admin'; tokenId: string | null; email?: string }
  | { role: 'agency'; agencyId: string; tokenId: string | null; email?: string }

/** An API token as listed (never its secret). */
export type TokenRecord = {
  id: string
  agencyId: string | null
  role: string
  label: string | null
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Hashes a token for storage; tokens themselves are never stored. */
export function computeTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new random bearer token (shown once). */
export function createToken(): string {
  return `cchc_${randomBytes(24).toString('base64url')}`
}

/** Compares two secrets in constant time. */
export function isSameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const tokenColumns = `id, agency_id AS agencyId, role, label, created_at AS createdAt, expires_at AS expiresAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`

/** API tokens: issued with a label and an expiry, listed, revoked; stored hashed. */
export function createTokenStore(db: Database.Database) {
  // Statements every authenticated request runs, prepared once.
  const selectLiveToken = db.prepare(
    'SELECT id, agency_id, role, expires_at FROM tokens WHERE hash = ? AND revoked_at IS NULL',
  )
  const recordUse = db.prepare(
    'UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  )
  return {
    /** Issues a token for an agency (or an admin token when agencyId is null); returns it once. */
    addToken(
      agencyId: string | null,
      createdAt: string,
      options: { label?: string | null; expiresAt?: string | null } = {},
    ): { id: string; token: string; label: string | null; expiresAt: string | null } {
      const token = createToken()
      const id = randomBytes(8).toString('hex')
      const label = options.label ?? null
      const expiresAt = options.expiresAt ?? null
      db.prepare(
        'INSERT INTO tokens (id, agency_id, role, hash, created_at, label, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        agencyId,
        agencyId === null ? 'admin' : 'agency',
        computeTokenHash(token),
        createdAt,
        label,
        expiresAt,
      )
      return { id, token, label, expiresAt }
    },
    /** Every token, or one agency's. */
    listTokens(agencyId?: string | null): TokenRecord[] {
      return (
        agencyId
          ? db
              .prepare(`SELECT ${tokenColumns} FROM tokens WHERE agency_id = ? ORDER BY created_at`)
              .all(agencyId)
          : db.prepare(`SELECT ${tokenColumns} FROM tokens ORDER BY created_at`).all()
      ) as TokenRecord[]
    },
    getToken(id: string): TokenRecord | null {
      return (
        (db.prepare(`SELECT ${tokenColumns} FROM tokens WHERE id = ?`).get(id) as
          TokenRecord | undefined) ?? null
      )
    },
    /** Revokes a token; false when there is no such live token. */
    revokeToken(id: string, revokedAt: string): boolean {
      return (
        db
          .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
          .run(revokedAt, id).changes === 1
      )
    },
    countAdminTokens(): number {
      return (
        db
          .prepare("SELECT COUNT(*) AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL")
          .get() as { n: number }
      ).n
    },
    /** Who a live, unexpired token belongs to (its last use is recorded). */
    findPrincipal(token: string, now = new Date().toISOString()): Principal | null {
      const r = selectLiveToken.get(computeTokenHash(token)) as
        | { id: string; agency_id: string | null; role: string; expires_at: string | null }
        | undefined
      if (!r || (r.expires_at !== null && r.expires_at <= now)) return null
      // Recorded at most once a minute: a write (and an fsync) per request would cost throughput.
      const stale = new Date(Date.parse(now) - 60_000).toISOString()
      recordUse.run(now, r.id, stale)
      return r.role === 'admin' || r.agency_id === null
        ? { role: 'admin', tokenId: r.id }
        : { role: 'agency', agencyId: r.agency_id, tokenId: r.id }
    },
  }
}

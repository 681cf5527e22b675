import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { UserRecord } from '../store/accounts.ts'
import type { Env, Services } from './context.ts'
import type { Principal } from '../store/index.ts'
import { computeTokenHash, isSameSecret } from '../store/index.ts'
import { AppError } from '../errors/index.ts'

/** The session cookie's name: httpOnly, SameSite=Strict, Secure behind https. */
export const sessionCookie = 'cchc_session'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The client's address: the socket's, or the proxy's X-Forwarded-For when it is trusted. */
export function readClientIp(c: Context, services: Services): string {
  if (services.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded.slice(0, 64)
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}

/** Names who made a request, for the access and security logs (never a secret). */
export function describePrincipal(principal: Principal | undefined): string {
  if (!principal) return '-'
  if (principal.email) return `${principal.role}:${principal.email}`
  if (principal.role === 'admin') return `admin:${principal.tokenId ?? 'env'}`
  return `agency:${principal.agencyId}:${principal.tokenId}`
}

/** Records a security event (sign-ins, failures, tokens, downloads, quota refusals). */
export function logSecurityEvent(
  c: Context<Env>,
  services: Services,
  event: string,
  detail: string | null = null,
  actor: string | null = describePrincipal(c.get('principal')),
): void {
  services.store.addSecurityEvent({
    time: services.now().toISOString(),
    event,
    actor: actor === '-' ? null : actor,
    ip: readClientIp(c, services),
    detail: detail?.slice(0, 300) ?? null,
  })
}

/** The principal a signed-in user acts as. */
export function createUserPrincipal(user: UserRecord): Principal {
  return user.role === 'admin'
    ? { role: 'admin', tokenId: null, email: user.email }
    : { role: 'agency', agencyId: user.agencyId!, tokenId: null, email: user.email }
}

/** Starts a session: a random cookie (stored hashed) and a CSRF token the page sends back. */
export function startSession(c: Context<Env>, services: Services, user: UserRecord): string {
  const secret = randomBytes(32).toString('base64url')
  const csrf = randomBytes(24).toString('base64url')
  services.store.addSession(computeTokenHash(secret), user.id, csrf, services.now().toISOString())
  setCookie(c, sessionCookie, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, services),
    path: '/',
    maxAge: Math.floor(services.sessions.absoluteMs / 1000),
  })
  return csrf
}

/** Ends the request's session and clears its cookie. */
export function endSession(c: Context<Env>, services: Services): void {
  const session = c.get('session')
  if (session) services.store.deleteSession(session.hash)
  deleteCookie(c, sessionCookie, { path: '/', secure: isHttps(c, services) })
}

function isHttps(c: Context, services: Services): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return services.trustProxy && c.req.header('x-forwarded-proto') === 'https'
}

function authenticateToken(c: Context<Env>, services: Services, header: string): void {
  const ip = readClientIp(c, services)
  const limiter = services.limiters.tokenPerIp
  if (limiter.isBlocked(ip)) throw new AppError('auth/rate-limited')
  const token = /^Bearer\s+(\S{8,200})$/i.exec(header)?.[1]
  const principal: Principal | null = !token
    ? null
    : services.adminToken && isSameSecret(token, services.adminToken)
      ? { role: 'admin', tokenId: null }
      : services.store.findPrincipal(token, services.now().toISOString())
  if (!principal) {
    // Each failure is logged until the limit trips, then once: a flood cannot flood the log.
    const tripped = limiter.addFailure(ip)
    logSecurityEvent(c, services, tripped ? 'token.rate-limited' : 'token.failed', null, null)
    throw new AppError('auth/invalid')
  }
  c.set('principal', principal)
  c.set('session', null)
}

function authenticateSession(c: Context<Env>, services: Services, secret: string): void {
  const hash = computeTokenHash(secret)
  const session = services.store.findSession(hash)
  if (!session) throw new AppError('auth/session-expired')
  const now = services.now()
  const idle = now.getTime() - Date.parse(session.lastSeenAt) > services.sessions.idleMs
  const old = now.getTime() - Date.parse(session.createdAt) > services.sessions.absoluteMs
  if (idle || old || session.user.disabledAt) {
    services.store.deleteSession(hash)
    throw new AppError('auth/session-expired')
  }
  c.set('principal', createUserPrincipal(session.user))
  c.set('session', { hash, csrf: session.csrf })
  if (!safeMethods.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? ''
    if (!isSameSecret(sent, session.csrf)) throw new AppError('auth/csrf')
  }
  // The idle clock is moved at most once a minute (a write per request would cost throughput).
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000)
    services.store.touchSession(hash, now.toISOString())
}

/**
 * Every /api route but sign-in needs credentials: a bearer token (add-in, CLI, scripts) or the
 * session cookie of a signed-in person, whose state-changing requests also carry X-CSRF-Token.
 */
export function createAuthenticate(services: Services): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path === '/api/login') return next()
    const header = c.req.header('authorization')
    if (header) authenticateToken(c, services, header)
    else {
      const secret = getCookie(c, sessionCookie)
      if (!secret) throw new AppError('auth/missing')
      authenticateSession(c, services, secret)
    }
    await next()
  }
}

/** Guard: only an admin passes. */
export const requireAdmin: MiddlewareHandler<Env> = async (c, next) => {
  if (c.get('principal').role !== 'admin') throw new AppError('auth/forbidden')
  await next()
}

/** The agency a request may act for: its own for an agency; any named, existing one for an admin. */
export function resolveAgency(
  c: Context<Env>,
  services: Services,
  requested: string | null | undefined,
): string | null {
  const p = c.get('principal')
  if (p.role === 'agency') {
    if (requested && requested !== p.agencyId) throw new AppError('auth/forbidden')
    return p.agencyId
  }
  if (requested && !services.store.getAgency(requested))
    throw new AppError('agency/unknown', requested.slice(0, 60))
  return requested ?? null
}

/** Guard for writes: the agency a submission is for; an admin must name one. */
export function requireAgency(
  c: Context<Env>,
  services: Services,
  requested: string | undefined,
): string {
  const agencyId = resolveAgency(c, services, requested)
  if (!agencyId) throw new AppError('agency/required')
  return agencyId
}
